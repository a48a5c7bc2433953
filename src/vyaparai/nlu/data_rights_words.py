"""A customer asking about their own data, in 11 languages: to erase it ("mera data delete karo") or to see it."""
from __future__ import annotations

from functools import lru_cache

import regex

from vyaparai.nlu.normalize import normalize
from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import script_key, word_key

# class -> language -> words, native script and romanized. A native word only meets tokens of its own
# script and may carry a short case ending (டேட்டாவை, ডেটার); Latin words are compared whole.
WORDS: dict[str, dict[str, str]] = {
    # Nouns for one's data as such ("data", "personal", "privacy"): enough on their own.
    "data": {
        "en": "data personal privacy", "hinglish": "data deta daata niji vyaktigat",
        "hi": "डेटा डाटा निजी व्यक्तिगत गोपनीयता", "mr": "वैयक्तिक", "ta": "டேட்டா தரவு தனிப்பட்ட",
        "te": "డేటా డాటా వ్యక్తిగత", "kn": "ಡೇಟಾ ದತ್ತಾಂಶ ವೈಯಕ್ತಿಕ", "ml": "ഡാറ്റ ഡാറ്റാ ഡേറ്റ വ്യക്തിഗത",
        "bn": "ডেটা ডাটা ব্যক্তিগত", "gu": "ડેટા ડાટા અંગત વ્યક્તિગત", "pa": "ਡਾਟਾ ਡੇਟਾ ਨਿੱਜੀ",
    },
    # Nouns for details, information, an account: theirs only with "my", or "me" and "about".
    "details": {
        "en": "details information info account profile record records", "hinglish": "jankari jaankari vivaran khata",
        "hi": "जानकारी विवरण ब्योरा खाता रिकॉर्ड", "mr": "माहिती तपशील खाते",
        "ta": "தகவல் தகவல்கள் விவரம் விவரங்கள் கணக்கு",
        "te": "సమాచారం వివరాలు ఖాతా", "kn": "ಮಾಹಿತಿ ವಿವರ ವಿವರಗಳು ಖಾತೆ", "ml": "വിവരം വിവരങ്ങൾ അക്കൗണ്ട്",
        "bn": "তথ্য বিবরণ অ্যাকাউন্ট", "gu": "માહિતી વિગત વિગતો ખાતું", "pa": "ਜਾਣਕਾਰੀ ਵੇਰਵਾ ਵੇਰਵੇ ਖਾਤਾ",
    },
    # Possessive first-person words: my, mine (and Malayalam's one-word "about me").
    "my": {
        "en": "my mine", "hinglish": "mera meri mere", "hi": "मेरा मेरी मेरे",
        "mr": "माझा माझी माझे माझ्या माझ्याबद्दल",
        "ta": "என் என்னுடைய என்னோட", "te": "నా నాయొక్క", "kn": "ನನ್ನ", "ml": "എന്റെ എന്നെക്കുറിച്ച് എന്നെപ്പറ്റി",
        "bn": "আমার", "gu": "મારો મારી મારું મારા", "pa": "ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ",
    },
    # Other first-person words: me, to me, myself.
    "me": {
        "en": "me myself", "hinglish": "mujhe muje mujhse mereko mujhko", "hi": "मुझे मुझसे मुझ", "mr": "मला",
        "ta": "என்னை என்னைப்", "te": "నాకు నన్ను", "kn": "ನನಗೆ ನನ್ನನ್ನು", "ml": "എന്നെ എനിക്ക്", "bn": "আমাকে আমায়",
        "gu": "મને", "pa": "ਮੈਨੂੰ",
    },
    # Postpositions of "about" (about me, mere baare mein).
    "about": {
        "en": "about", "hinglish": "baare bare", "hi": "बारे", "mr": "बद्दल", "ta": "பற்றி", "te": "గురించి",
        "kn": "ಬಗ್ಗೆ", "ml": "കുറിച്ച് പറ്റി", "bn": "সম্পর্কে", "gu": "વિશે", "pa": "ਬਾਰੇ",
    },
    # Verbs of erasing: delete, wipe, remove.
    "erase": {
        "en": "delete erase remove wipe clear destroy", "hinglish": "mitao mita mitado mitaiye hatao hatado delete",
        "hi": "मिटाओ मिटा मिटाएं मिटाइए हटाओ हटा हटाइए डिलीट", "mr": "काढून हटवा पुसा पुसून डिलीट",
        "ta": "நீக்கு நீக்குங்க நீக்கவும் அழி அழிங்க அழிச்சிடுங்க டெலீட் டிலீட்",
        "te": "తొలగించండి తొలగించు తీసేయండి చెరిపేయండి డిలీట్", "kn": "ಅಳಿಸಿ ಅಳಿಸು ಅಳಿಸಿಬಿಡಿ ತೆಗೆದುಹಾಕಿ ಡಿಲೀಟ್",
        "ml": "മായ്ക്കൂ മായ്ക്കുക മായ്ച്ചുകളയൂ നീക്കം ഡിലീറ്റ് കളയൂ", "bn": "মুছে মুছুন মুছুন ডিলিট",
        "gu": "ડિલીટ ભૂંસી ભૂંસો હટાવો", "pa": "ਮਿਟਾਓ ਮਿਟਾ ਹਟਾਓ ਡਿਲੀਟ",
    },
    # Verbs of forgetting: with a word for "me" they ask for erasure by themselves ("forget me").
    "forget": {
        "en": "forget", "hinglish": "bhool bhul", "hi": "भूल भूलो", "mr": "विसरा विसरून",
        "ta": "மறந்துடுங்க மறந்துவிடுங்கள்",
        "te": "మర్చిపోండి మరచిపోండి", "kn": "ಮರೆತುಬಿಡಿ ಮರೆತು", "ml": "മറന്നേക്കൂ മറക്കൂ", "bn": "ভুলে ভুলুন",
        "gu": "ભૂલી ભૂલો", "pa": "ਭੁੱਲ ਭੁੱਲੋ",
    },
    # Question words and verbs of showing, telling, sending, keeping: asking what is kept.
    "see": {
        "en": "what whats which show see tell send give copy have keep kept store stored saved export download",
        "hinglish": "kya kaun kaunsa dikhao dikhaiye batao bataiye bhejo rakha rakhi rakhe copy",
        "hi": "क्या कौन कौनसी दिखाओ दिखाइए बताओ बताइए भेजो भेजिए रखा रखी रखे",
        "mr": "काय कोणती दाखवा सांगा पाठवा ठेवली",
        "ta": "என்ன எந்த காட்டுங்க சொல்லுங்க அனுப்புங்க வச்சிருக்கீங்க வைத்திருக்கிறீர்கள்",
        "te": "ఏమి ఏం ఏ చూపించండి చెప్పండి పంపండి ఉంచారు", "kn": "ಏನು ಯಾವ ತೋರಿಸಿ ಹೇಳಿ ಕಳುಹಿಸಿ ಇಟ್ಟಿದ್ದೀರಿ",
        "ml": "എന്ത് എന്താണ് ഏത് കാണിക്കൂ പറയൂ അയക്കൂ സൂക്ഷിച്ചിട്ടുണ്ട്", "bn": "কী কি কোন দেখান বলুন পাঠান রেখেছেন",
        "gu": "શું કઈ બતાવો કહો મોકલો રાખી", "pa": "ਕੀ ਕਿਹੜਾ ਕਿਹੜੀ ਦਿਖਾਓ ਦੱਸੋ ਭੇਜੋ ਰੱਖਿਆ",
    },
}
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_ENDING_MAX = 5  # characters of a case ending allowed after a native word
_STEM_MIN = 2


def data_request(text: str) -> str | None:
    """"forget" when the message asks to erase the sender's data, "see" when it asks what is kept, else None."""
    tokens = _WORD.findall(normalize(text or ""))
    found = {cls for cls in WORDS if any(_is(cls, token) for token in tokens)}
    self_ = bool(found & {"my", "me"})
    # "Send me the butter details" is about a product: details are theirs only as "my details" or "about me".
    theirs = "data" in found or ("details" in found and ("my" in found or {"me", "about"} <= found))
    if (theirs and "erase" in found) or (self_ and "forget" in found):
        return "forget"
    if theirs and self_ and ("see" in found or "?" in (text or "")):
        return "see"
    return None


def _is(cls: str, token: str) -> bool:
    script = token_script(token) or "Latn"
    keys = _keys(cls, script)
    if script == "Latn":
        return word_key(token) in keys
    k = script_key(token)
    return k in keys or any(k[:-cut] in keys for cut in range(1, _ENDING_MAX + 1) if len(k) - cut >= _STEM_MIN)


@lru_cache(maxsize=128)
def _keys(cls: str, script: str) -> frozenset[str]:
    words = " ".join(WORDS[cls].values()).split()
    key = word_key if script == "Latn" else script_key
    return frozenset(key(w) for w in words if (token_script(w) or "Latn") == script) - {""}
