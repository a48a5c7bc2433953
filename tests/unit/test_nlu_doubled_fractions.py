"""A fraction said twice ("aadha aadha kilo", "half half kg", "அரை அரை கிலோ") is that amount of each item."""
import pytest

from vyaparai.nlu.pipeline import key, understand


@pytest.mark.parametrize("text, qty, names", [
    ("aadha aadha kilo methi aur palak", 0.5, ["methi", "palak"]),
    ("half half kg carrot and beans", 0.5, ["carrot", "beans"]),
    ("पाव पाव किलो मटर और गोभी", 0.25, ["मटर", "गोभी"]),
    ("அரை அரை கிலோ கேரட், பீன்ஸ்", 0.5, ["கேரட்", "பீன்ஸ்"]),
    ("আধা আধা কেজি গাজর আর বিনস", 0.5, ["গাজর", "বিনস"]),
])
def test_a_doubled_fraction_goes_to_every_item(text, qty, names):
    assert [(i.key, i.qty, i.unit) for i in understand(text).items] == [(key(n), qty, "kg") for n in names]


def test_a_single_fraction_is_unchanged():
    assert [(i.key, i.qty) for i in understand("aadha kilo methi aur palak").items][0] == (key("methi"), 0.5)
