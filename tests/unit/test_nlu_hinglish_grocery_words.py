"""A Latin line of amounts and Hindi names of fresh goods is Hinglish, though Indians writing English use
those names too; grammar words of any language still decide first."""
import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text", ["2 nariyal, 6 nimbu", "1/2 kg pyaj", "dahi 400 gm", "adrak 250 gm",
                                  "1 kilo karela aur", "papita 1"])
def test_hindi_names_of_goods_alone_are_hinglish(text):
    assert understand(text).lang == "hinglish"


@pytest.mark.parametrize("text", ["need 2 nariyal and 6 nimbu", "please send 1 kg pyaj", "Good morning",
                                  "2 kg India Gate basmati rice", "5 kg atta", "200 g paneer", "1 kg gud"])
def test_english_grammar_english_names_and_short_words_stay_english(text):
    assert understand(text).lang == "en"


@pytest.mark.parametrize("text,lang", [("ek kg chini ar duto packet dudh lagbe", "bn"),
                                       ("rendu kilo vengayam venum", "ta")])
def test_another_language_s_grammar_words_still_win(text, lang):
    assert understand(text).lang == lang


@pytest.mark.parametrize("text", ["कोथिंबीर पण एक जुडी", "साखर सुद्धा एक किलो"])
def test_marathi_too_makes_a_line_marathi_and_is_no_product_word(text):
    u = understand(text)
    assert u.lang == "mr" and len(u.items) == 1 and " " not in u.items[0].key


@pytest.mark.parametrize("text", ["ho", "Ho", "hau"])
def test_marathi_yes_typed_in_latin_letters_alone_is_a_yes(text):
    assert understand(text).intent == "yes"


def test_hindi_ho_inside_a_sentence_is_no_yes():
    assert understand("delivery kab tak ho jayega").intent != "yes"
