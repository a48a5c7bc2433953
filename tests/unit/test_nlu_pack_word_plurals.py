"""A count with a pack word after a sized product is how many packs of that size, in every spelling of the pack word."""
import pytest

from tests.unit.demo_store import understand_in_demo


@pytest.mark.parametrize("text", [
    "अर्धा लिटर गोकुळ दूध चार पिशव्या",  # Marathi plural of pishvi (pouch): the stem changes
    "ਅੱਧਾ ਲੀਟਰ ਗੋਕੁਲ ਦੁੱਧ ਚਾਰ ਪੈਕਟ",  # Punjabi short spelling of packet
    "आधा लीटर गोकुल दूध चार पैकेट्स",  # the English plural written in Devanagari
    "half litre gokul milk 4 packets",
])
def test_the_count_after_a_sized_product_is_packs_of_that_size(text):
    u = understand_in_demo(text)
    assert len(u.items) == 1
    m = u.items[0]
    assert (m.qty, m.unit) == (4, "pack") and m.size is not None and (m.size.value, m.size.unit) == (0.5, "l")


@pytest.mark.parametrize("text", ["सनफ्लॉवर तेल दोन बाटल्या", "ਦੋ ਡੱਬੇ ਘਿਓ", "સિંગતેલ બે બોટલો", "दोन डबे तूप"])
def test_plural_pack_words_are_the_count_not_part_of_the_name(text):
    u = understand_in_demo(text)
    assert [(m.qty, m.unit) for m in u.items] == [(2, "pack")]
