"""The text layer: normalization, script and language, transliteration keys, the lexicon loader."""
import pytest

from vyaparai.nlu import lexicon
from vyaparai.nlu.normalize import normalize
from vyaparai.nlu.pipeline import key, understand


def test_native_digits_zero_width_joiners_and_emoji_are_cleaned():
    assert normalize("२ किलो\u200d चीनी 🙏") == "2 किलो चीनी"
    assert normalize("৩ কেজি") == "3 কেজি"
    assert normalize("maggiiii 2kgaata") == "maggii 2 kgaata"


@pytest.mark.parametrize("native, typed", [
    ("சர்க்கரை", "sarkkarai"), ("தக்காளி", "thakkali"), ("ரெண்டு", "rendu"),  # Tamil stops as people type
    ("പാൽ", "paal"), ("ഉള്ളി", "ulli"),  # Malayalam chillu letters
    ("दूध", "doodh"), ("प्याज़", "pyaaz"), ("సబ్బు", "sabbu"), ("ಹಾಲು", "haalu"), ("ਦੁੱਧ", "dudh"),
])
def test_native_words_and_their_romanized_spellings_share_a_key(native, typed):
    assert key(native) == key(typed)


@pytest.mark.parametrize("text, lang", [
    ("2 kg sugar please", "en"), ("mujhe 2 kilo cheeni chahiye", "hinglish"), ("मुझे चीनी चाहिए", "hi"),
    ("मला साखर पाहिजे", "mr"), ("rendu kilo arisi venum", "ta"), ("రెండు కిలోల చక్కెర కావాలి", "te"),
    ("দুই কেজি চিনি", "bn"), ("બે કિલો ખાંડ", "gu"), ("ಎರಡು ಕೆಜಿ ಸಕ್ಕರೆ", "kn"), ("രണ്ട് കിലോ പഞ്ചസാര", "ml"),
    ("ਦੋ ਕਿਲੋ ਖੰਡ", "pa"), ("2 kilo चीनी bhej do", "hinglish"),
])
def test_language_of_the_message(text, lang):
    assert understand(text).lang == lang


def test_lexicon_loader_reads_every_tsv_and_maps_both_ways():
    rows = lexicon.read_rows([
        "concept\tcategory\ten\thi\thinglish\tta\tte\tbn\tmr\tgu\tkn\tml\tpa",
        "sugar\tstaples\tsugar\tचीनी\tcheeni|chini\tசர்க்கரை\t\t\t\t\t\t\t",
        "# a comment line",
    ])
    lex = lexicon.build(rows)
    assert lex.concepts(key("cheeni")) == {"sugar"} == lex.concepts(key("சர்க்கரை"))
    assert key("चीनी") in lex.keys_of["sugar"]
    assert "sugar" in lexicon.load().keys_of  # the packaged files load


def test_understanding_without_a_catalog_still_finds_amounts():
    u = understand("2 kilo xyzproduct")
    assert u.intent == "add_items"
    assert (u.items[0].qty, u.items[0].unit) == (2, "kg")
