"""What a customer says where the address is asked that is not an address: when they want the goods ("kal subah
tak chahiye", "deliver by 5pm"), that they will pick them up ("main khud le jaunga"), why it is needed, or that it
is the same as last time ("wahi purana address", "same as before")."""
from __future__ import annotations

import unicodedata

import regex

# Words of a time or of hurry: by when the goods are wanted.
_WHEN = ("today tomorrow tonight morning evening night noon asap urgent urgently soon quickly quick fast pm am "
         "aaj kal subah sham shaam raat dopahar dopahar jaldi jaldi turant abhi baje tak pehle urgent "
         "आज कल सुबह शाम रात दोपहर जल्दी तुरंत अभी बजे तक पहले उद्या सकाळी संध्याकाळी लवकर "
         "আজ কাল সকালে বিকেলে সন্ধ্যায় রাতে তাড়াতাড়ি এখনই টার মধ্যে "
         "இன்னைக்கு இன்று நாளைக்கு நாளை காலையில காலை சாயங்காலம் மாலை ராத்திரி சீக்கிரம் உடனே மணிக்குள் "
         "ఈరోజు రేపు ఉదయం సాయంత్రం రాత్రి త్వరగా వెంటనే గంటలకు "
         "ಇವತ್ತು ಇಂದು ನಾಳೆ ಬೆಳಿಗ್ಗೆ ಸಂಜೆ ರಾತ್ರಿ ಬೇಗ ತಕ್ಷಣ "
         "ഇന്ന് നാളെ രാവിലെ വൈകുന്നേരം രാത്രി പെട്ടെന്ന് ഉടനെ "
         "ਅੱਜ ਕੱਲ੍ਹ ਸਵੇਰੇ ਸ਼ਾਮ ਰਾਤ ਜਲਦੀ ਤੁਰੰਤ ਵਜੇ ਤੱਕ "
         "આજે કાલે સવારે સાંજે રાત્રે જલ્દી તરત વાગ્યે સુધી")
# Coming to the shop themselves: no delivery, so no address.
_PICKUP = ("pick pickup collect myself khud aake aakar aa ke le lunga lungi jaunga jaungi "
           "खुद आकर आके ले लूंगा लूँगा लूंगी जाऊंगा स्वतः येऊन "
           "নিজে এসে নিয়ে যাব "
           "நானே வந்து வாங்கிக்கிறேன் எடுத்துக்கிறேன் "
           "నేనే వచ్చి తీసుకుంటాను "
           "ನಾನೇ ಬಂದು ತಗೊಳ್ತೀನಿ "
           "ഞാൻ തന്നെ വന്ന് വാങ്ങാം "
           "ਖੁਦ ਆ ਕੇ ਲੈ ਜਾਵਾਂਗਾ "
           "જાતે આવીને લઈ જઈશ")
# Asking why: "address kyu chahiye", "why do you need it".
_WHY = "why kyu kyun kyon क्यों क्यूं কেন ஏன் ఎందుకు ಯಾಕೆ ಏಕೆ എന്തിന് ਕਿਉਂ કેમ का"
# The address given before: "same as last time", "wahi purana", "pichli baar wala".
_SAME = ("same previous last old usual earlier before wahi vahi wohi purana purani pichli pichhli pehle wala "
         "वही पुराना पुरानी पिछली पिछले पहले वाला आधीचा तोच जुना সেই আগের পুরোনো அதே பழைய முன்னாடி "
         "అదే పాత ముందు ಅದೇ ಹಳೆ ಹಿಂದಿನ അതേ പഴയ മുമ്പത്തെ ਉਹੀ ਪੁਰਾਣਾ ਪਿਛਲਾ એ જ એજ જૂનું અગાઉનું")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_CLOCK = regex.compile(r"\d{1,2}(?:am|pm|baje)")  # "5pm", "6baje"


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text.lower()))


def _set(words: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w) for w in words.split())


_WHEN_SET, _PICKUP_SET, _WHY_SET, _SAME_SET = _set(_WHEN), _set(_PICKUP), _set(_WHY), _set(_SAME)


def says_no_address(text: str) -> bool:
    """A time the goods are wanted by, a pickup, or "why?" - said where the address is asked (the caller has
    already found no sign of an address: no number, comma list or street word)."""
    words = _words(text)
    return bool(words) and ("?" in text or any(w in _WHEN_SET or w in _PICKUP_SET or w in _WHY_SET
                                               or _CLOCK.fullmatch(w) for w in words))


def same_as_before(text: str) -> bool:
    """"same address", "wahi purana wala", "அதே அட்ரஸ்": the address given last time, in at most six words."""
    words = _words(text)
    return 0 < len(words) <= 6 and any(w in _SAME_SET for w in words)
