"""The product refused before an "instead" word carries a case ending (ലക്സിന് പകരം, લક્સને બદલે): the
refusal names the word under it, so the swap finds the cart line even when the store spells it otherwise."""
import pytest

from vyaparai.nlu.instead_endings import refused_stem
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import key


@pytest.mark.parametrize("text, refused, wanted", [
    ("ഡവിന് പകരം പിയേഴ്സ് തരൂ", "ഡവ്", "പിയേഴ്സ്"),
    ("ડવને બદલે પિયર્સ આપો", "ડવ", "પિયર્સ"),
    ("ডাভের পরিবর্তে পিয়ার্স দিন", "ডাভ", "পিয়ার্স"),
    ("ಡವ್‌ಗೆ ಬದಲು ಪಿಯರ್ಸ್ ಕೊಡಿ", "ಡವ್", "ಪಿಯರ್ಸ್"),
    ("డవ్‌కి బదులు పియర్స్ ఇవ్వండి", "డవ్", "పియర్స్"),
])
def test_the_refused_word_loses_its_case_ending(text, refused, wanted):
    u = understand(text)
    assert u.items and u.items[0].key == key(wanted)
    assert u.items[0].exclude == (key(refused),)


def test_a_word_with_no_such_ending_is_kept_as_typed():
    assert refused_stem("ഡവ്", "Mlym") == "ഡവ്"
    assert refused_stem("ডাভ", "Beng") == "ডাভ"
    assert refused_stem("ने", "Deva") == "ने"
