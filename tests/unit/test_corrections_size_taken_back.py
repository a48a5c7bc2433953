"""A number taken back by a refusal word next to it, in several languages; a refused product is not that."""
from __future__ import annotations

import pytest

from vyaparai.nlu.corrections import refuses_a_number


@pytest.mark.parametrize("text", ["butter 500 g wala, 100 nahi", "I meant the big one, not 100", "not the 100 g one",
                                  "100 ग्राम नहीं, 500 वाला", "100 கிராம் வேண்டாம், 500", "১০০ না, ৫০০ গ্রাম",
                                  "100 ਨਹੀਂ 500 ਵਾਲਾ"])
def test_a_number_next_to_a_refusal_is_taken_back(text):
    assert refuses_a_number(text)


@pytest.mark.parametrize("text", ["2 maggi", "atta nahi chahiye", "not vim, 2 rin bars", "500 g butter please"])
def test_no_number_by_a_refusal_takes_nothing_back(text):
    assert not refuses_a_number(text)
