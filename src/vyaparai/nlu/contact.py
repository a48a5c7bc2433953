"""Contact details in free text: does it read as a delivery address, and which Indian mobile number it holds."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import word_key

# A six-digit PIN code (first digit 1-9), not part of a longer number.
_PINCODE = regex.compile(r"(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d)")
# House and plot numbers: "12/3", "B-12", "12-B", "#14", "4-5-67", "No. 7", "H.No 9", "नं. 5", "ನಂ 3", "ਨੰ 8".
_HOUSE_NUMBER = regex.compile(
    r"(?<!\d)\d+\s?/\s?\d+|\b\p{L}\s?-\s?\d+|(?<!\d)\d+\s?-\s?\p{L}\b|#\s?\d+|(?<!\d)\d+-\d+-\d+"
    r"|(?<![\d.])\d+[a-fh-jm-z]\b"  # "12B", "7c": a letter glued to a number, but not the g/kg/l/ml of an amount
    r"|(?:\bno|\bh\.?\s?no|नं|नंबर|ನಂ|ਨੰ|নং|નં|నం|எண்|நம்பர்|നമ്പർ)\s?[.:]?\s?\d+"
    r"|\b(?:flat|house|plot|door|shop|room|qtr|quarter)\s?(?:no\.?\s?)?\d+",  # "Flat 2", "House no 21"
    regex.IGNORECASE,
)
# Words that name a part of an address, per script, as people write them. The class is "address word":
# dwelling, street, area, landmark. Romanized and English ones are shared by every language.
_ADDRESS_WORDS = (
    # English and romanized Indian words
    "flat house home plot room floor tower block wing building apartment apartments apt society "
    "road rd street st lane marg gali galli chowk cross main layout nagar colony sector phase "
    "extension enclave vihar puram pura pet peth wadi wada chawl mohalla basti village gaon post "
    "district taluk tehsil near opp opposite behind beside landmark junction circle bazar bazaar "
    "market station stop ghar makan makaan bunglow bungalow villa residency heights complex "
    "quarters quarter campus hostel pg city town nilayam illam veedu veedhi theru salai "
    # Hindi / Marathi (Devanagari)
    "मकान घर फ्लैट फ़्लैट प्लॉट कमरा मंजिल मंज़िल टावर ब्लॉक बिल्डिंग अपार्टमेंट सोसाइटी सोसायटी "
    "रोड मार्ग गली चौक नगर कॉलोनी कालोनी सेक्टर विहार पुरम मोहल्ला गांव गाँव पोस्ट जिला जिल्हा "
    "पास सामने पीछे बगल मंदिर मस्जिद स्टेशन बाजार बाज़ार चाळ इमारत रस्ता पेठ वाडी वाडा "
    # Bengali
    "বাড়ি বাসা ফ্ল্যাট রোড লেন পাড়া নগর কলোনি সেক্টর গলি মোড় কাছে পাশে সামনে স্টেশন বাজার গ্রাম "
    # Gujarati
    "ઘર મકાન ફ્લેટ સોસાયટી સોસાઇટી રોડ માર્ગ પોળ શેરી નગર કોલોની સેક્ટર પાસે સામે બાજુ સ્ટેશન બજાર ગામ "
    # Punjabi
    "ਮਕਾਨ ਘਰ ਫਲੈਟ ਰੋਡ ਗਲੀ ਨਗਰ ਕਲੋਨੀ ਕਾਲੋਨੀ ਸੈਕਟਰ ਮੁਹੱਲਾ ਪਿੰਡ ਨੇੜੇ ਸਾਹਮਣੇ ਬਾਜ਼ਾਰ ਚੌਕ "
    # Tamil
    "வீடு தெரு சாலை ரோடு நகர் காலனி குடியிருப்பு அடுக்குமாடி மாடி பிளாட் அருகில் எதிரில் பின்புறம் "
    "கிராமம் பஜார் ஸ்டேஷன் "
    # Telugu
    "ఇల్లు ఇంటి వీధి రోడ్డు రోడ్ నగర్ కాలనీ అపార్ట్మెంట్ ఫ్లాట్ అంతస్తు దగ్గర ఎదురుగా వెనుక గ్రామం "
    "బజార్ స్టేషన్ "
    # Kannada
    "ಮನೆ ರಸ್ತೆ ರೋಡ್ ನಗರ ಕಾಲೋನಿ ಬಡಾವಣೆ ಲೇಔಟ್ ಕ್ರಾಸ್ ಅಪಾರ್ಟ್ಮೆಂಟ್ ಫ್ಲಾಟ್ ಮಹಡಿ ಹತ್ತಿರ ಎದುರು ಹಿಂದೆ "
    "ಗ್ರಾಮ ಬಜಾರ್ ಸ್ಟೇಷನ್ "
    # Malayalam
    "വീട് വീട്ടിൽ റോഡ് നഗർ കോളനി ഫ്ലാറ്റ് അപ്പാർട്ട്മെന്റ് നില ജംഗ്ഷൻ അടുത്ത് എതിർവശം പിന്നിൽ "
    "ഗ്രാമം ബസാർ സ്റ്റേഷൻ"
)
# An Indian mobile number: optional +91 / 91 / 0, then ten digits starting 6-9 (spaces or dashes allowed).
_PHONE = regex.compile(r"(?<![\d+])(?:\+?91[\s-]?|0)?([6-9]\d{4}[\s-]?\d{5})(?!\d)")
_WORD = regex.compile(r"[\p{L}\p{M}]+")


@lru_cache(maxsize=1)
def _address_keys() -> tuple[frozenset[str], frozenset[str]]:
    """(native words as written, Latin keys): native words are compared as written, since short words of
    different scripts can fold to one Latin key."""
    words = _ADDRESS_WORDS.split()
    native = frozenset(unicodedata.normalize("NFC", w) for w in words if (token_script(w) or "Latn") != "Latn")
    latin = frozenset(word_key(w) for w in words if (token_script(w) or "Latn") == "Latn")
    return native, latin


@lru_cache(maxsize=1024)  # a turn weighs its text several times (intents, the checkout's steps, the early address)
def address_signals(text: str) -> int:
    """How strongly `text` reads as an address: a PIN code or a house number counts two, each address word one."""
    text = unicodedata.normalize("NFC", text)
    score = 2 * bool(_PINCODE.search(text)) + 2 * bool(_HOUSE_NUMBER.search(text))
    score += len([p for p in regex.split(r"[,\n]", text) if p.strip()]) >= 3  # "house, street, area, city"
    native, latin = _address_keys()
    for w in _WORD.findall(text):
        if (token_script(w) or "Latn") == "Latn":
            score += word_key(w) in latin
        else:
            score += w in native or any(w.startswith(n) and len(w) - len(n) <= 3 for n in native if len(n) >= 3)
    return score


def looks_like_address(text: str) -> bool:
    """A PIN code or house number, or two address words, in a message of some length."""
    return len(text.strip()) >= 8 and address_signals(text) >= 2


def find_phone(text: str) -> str | None:
    """The first Indian mobile number in `text`, as 91XXXXXXXXXX, or None."""
    m = _PHONE.search(_ascii_digits(text))
    return "91" + regex.sub(r"\D", "", m.group(1)) if m else None


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


# Words that label an address ("address: 12 MG Road", "पता - ..."): the class is "address label".
_ADDRESS_LABELS = ("address adress addres addr pata पता पत्ता ঠিকানা முகவரி அட்ரஸ் అడ్రస్ చిరునామా ವಿಳಾಸ "
                   "ಅಡ್ರೆಸ್ വിലാസം അഡ്രസ് ਪਤਾ ਐਡਰੈੱਸ સરનામું એડ્રેસ एड्रेस ॲड्रेस")
_LABELLED = regex.compile(r"(?:^|[\s:,.।])(?:" + "|".join(map(regex.escape, _ADDRESS_LABELS.split()))
                          + r")\p{M}*(?:\s+[\p{L}\p{M}]+){0,2}\s*[:\-–]\s*", regex.IGNORECASE)
# A sentence ends at . ! ? । or a new line; a dot ends one only after a word of three letters or more
# and before a space, so "No. 5", "St. Mary's", "എം.ജി. റോഡ്" and "T.Nagar" stay whole. A PIN code
# ends an address too: "Bangalore 560038 and send 2 kg atta", "rohini 110085. 1 kilo chini".
_SENTENCE_END = regex.compile(r"(?<=[\p{L}\p{M}]{3}[.]|[!?।|])\s+|\n+|(?<=(?<!\d)[1-9]\d{2}\s?\d{3}[.,]?)\s+")


def split_address(text: str) -> tuple[str | None, str]:
    """(the address a message gives along with other things, the rest): "pata: 9 Church Lane, Ooty. 2 kg
    rava bhejo" -> ("9 Church Lane, Ooty", "2 kg rava bhejo"). (None, text) when it gives none apart."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    labelled = next((i for i, s in enumerate(sentences) if _LABELLED.search(" " + s)), None)
    if labelled is not None:
        m = _LABELLED.search(" " + sentences[labelled])
        address = (" " + sentences[labelled])[m.end():].strip(" .,।")
        rest = sentences[:labelled] + sentences[labelled + 1:]
    else:
        at = next((i for i, s in enumerate(sentences) if looks_like_address(s)), None)
        if at is None or len(sentences) < 2:
            return None, text
        address, rest = sentences[at].strip(" .,।"), sentences[:at] + sentences[at + 1:]
    rest_text = " ".join(rest)
    if not rest or len(address) < 8 or address_signals(rest_text):
        return None, text  # the rest is more of the address ("Flat 9. MG Road, Pune"): it is all one
    return address, rest_text
