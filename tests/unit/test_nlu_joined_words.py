"""Two grocery words typed as one word (no space) are read as the two words of the phrase."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.pipeline import understand


def concepts(item) -> set[str]:
    return set(lexicon.load().concepts(item.key))


@pytest.mark.parametrize("text,concept", [
    ("দুশো গ্রাম কাঁচালঙ্কা", "green_chilli"),
    ("అర కేజీ శనగపిండి", "besan"),
    ("పావు కేజీ పచ్చిమిర్చి", "green_chilli"),
    ("ఒక డజను అరటిపళ్ళు", "banana"),
])
def test_a_joined_phrase_is_that_product(text, concept):
    items = understand(text).items
    assert len(items) == 1 and concept in concepts(items[0])


def test_a_joined_phrase_refused_is_a_removal_not_a_bare_no():
    u = understand("పచ్చిమిర్చి వద్దు")
    assert u.intent == "remove_item"
    assert "green_chilli" in concepts(u.items[0])


def test_a_word_that_splits_into_no_phrase_is_left_alone():
    items = understand("ఒక కేజీ చక్కెర").items
    assert items[0].text == "చక్కెర"
