""""Please" in every script (ದಯವಿಟ್ಟು, ദയവായി, প্লিজ, ਕਿਰਪਾ ਕਰਕੇ, దయచేసి, મહેરબાની કરીને) and the spoken forms of
"send it" (পাঠিয়ে দিও, ਭਿਜਵਾ ਦਿਓ, போட்டு அனுப்பி, ಕಳಿಸಿಕೊಡಿ) name no product: they stuck to the item and
nothing was found."""
from __future__ import annotations

import pytest

from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("text,key", [
    ("ದಯವಿಟ್ಟು ಎರಡು ಕಿಲೋ ಈರುಳ್ಳಿ ಕಳಿಸಿ", "iruli"), ("ദയവായി രണ്ട് കിലോ ഉള്ളി അയക്കൂ", "uli"),
    ("প্লিজ দুই কেজি পেঁয়াজ পাঠিয়ে দিও", "peniaj"), ("ਕਿਰਪਾ ਕਰਕੇ ਦੋ ਕਿੱਲੋ ਪਿਆਜ਼ ਭਿਜਵਾ ਦਿਓ", "piaj"),
    ("దయచేసి రెండు కిలోల ఉల్లిపాయలు పంపండి", "ulipaialu"), ("મહેરબાની કરીને બે કિલો ડુંગળી મોકલો", "dungali"),
    ("தயவுசெய்து ரெண்டு கிலோ வெங்காயம் போட்டு அனுப்பி விடுங்க", "vengaiam"),
    ("ಎರಡು ಕಿಲೋ ಈರುಳ್ಳಿ ಕಳಿಸಿಕೊಡಿ", "iruli"), ("कृपया दोन किलो कांदे पाठवा", "kande"),
])
def test_please_and_send_words_name_no_product(text, key):
    assert [(m.key, m.qty, m.unit) for m in understand(text).items] == [(key, 2.0, "kg")]
