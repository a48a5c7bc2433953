"""An answer to "which one?" that leaves the choice to the shop, in each language; a question is no such answer."""
import pytest

from vyaparai.bot.any_option import CHEAPEST, FIRST, left_to_shop
from vyaparai.nlu.chat_words import ANY_FILLERS, ANY_PHRASES


@pytest.mark.parametrize("text", ["koi bhi chalega", "any one is fine", "कोई भी दे दो", "ஏதாவது ஒண்ணு குடுங்க",
                                  "ಯಾವುದಾದರೂ ಕೊಡಿ", "যেকোনো একটা দিন", "કોઈ પણ આપો", "कोणतंही द्या",
                                  "ਕੋਈ ਵੀ ਦੇ ਦਿਓ", "ఏదైనా ఒకటి ఇవ్వండి", "ഏതെങ്കിലും ഒന്ന് തരൂ"])
def test_any_will_do_is_the_first_option(text):
    assert left_to_shop(text) == FIRST, text


@pytest.mark.parametrize("text", ["the cheapest one", "sabse sasta wala", "सबसे सस्ता वाला", "সস্তাটা দিন",
                                  "સસ્તું આપો", "ਸਸਤਾ ਵਾਲਾ"])
def test_the_cheap_one_is_the_cheapest_option(text):
    assert left_to_shop(text) == CHEAPEST, text


@pytest.mark.parametrize("text", ["any other brand?", "koi aur hai?", "2", "the big one", "masoor", "company wala"])
def test_a_question_or_a_choice_is_not_left_to_the_shop(text):
    assert left_to_shop(text) is None, text


@pytest.mark.parametrize("phrase", [p for phrases in ANY_PHRASES.values() for p in phrases])
def test_every_any_phrase_of_the_nlu_list_leaves_the_choice_to_the_shop(phrase):
    assert left_to_shop(f"{phrase} ok") == FIRST, phrase
