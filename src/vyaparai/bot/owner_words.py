"""Word classes of the shopkeeper's commands (accept, packed, stock, report...) in all 11 languages."""
from __future__ import annotations

from functools import lru_cache

from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import word_key

# class -> language -> words (native script and romanized), like nlu.signals.TABLE. A native word
# may carry a short ending (ஏற்கிறேன், స్వీకరించండి): listed stems of 4+ letters match it.
OWNER_TABLE: dict[str, dict[str, str]] = {
    "accept": {  # verbs and adjectives of accepting an order
        "en": "accept accepted accepting approve approved confirm confirmed",
        "hi": "स्वीकार स्वीकृत मंजूर मंज़ूर कबूल",
        "hinglish": "svikar swikar sweekar manjur manjoor manzoor qabool kabool",
        "ta": "ஏற்கிறேன் ஏற்கிறோம் ஏற்றுக்கொள் ஏற்று ஏற்கவும் ஏற்கப்பட்டது ஒப்புக்கொள் ஒப்புக் ஒகே erkiren",
        "te": "అంగీకరించు అంగీకరించండి అంగీకరిస్తున్నాను అంగీకరించాను ఒప్పుకున్నా ఒప్పుకో angikarinchu",
        "bn": "গ্রহণ নিলাম নিচ্ছি মঞ্জুর স্বীকার grohon grahan nilam",
        "mr": "स्वीकारले स्वीकारा स्वीकारतो मंजूर svikarla",
        "gu": "સ્વીકાર સ્વીકારો સ્વીકાર્યો સ્વીકાર્યું મંજૂર svikaro",
        "kn": "ಸ್ವೀಕರಿಸಿ ಸ್ವೀಕರಿಸು ಸ್ವೀಕರಿಸಿದೆ ಒಪ್ಪಿಕೊ ಒಪ್ಪಿದೆ swikarisi",
        "ml": "സ്വീകരിക്കുന്നു സ്വീകരിച്ചു സ്വീകരിക്കൂ സ്വീകരിക്കുക ഏറ്റെടുത്തു sweekarichu",
        "pa": "ਸਵੀਕਾਰ ਮਨਜ਼ੂਰ ਮਨਜੂਰ ਕਬੂਲ",
    },
    "reject": {  # refusing an order (cancelling comes from nlu's "cancel" signal)
        "en": "reject rejected decline declined refuse refused deny",
        "hi": "अस्वीकार नामंजूर नामंज़ूर मना ठुकरा रद्द",
        "hinglish": "asvikar aswikar namanjur namanzoor mana radd thukra",
        "ta": "நிராகரி நிராகரிக்கிறேன் நிராகரிக்கவும் மறுக்கிறேன் மறுத்து nirakari",
        "te": "తిరస్కరించు తిరస్కరించండి తిరస్కరిస్తున్నాను రద్దు tiraskarinchu",
        "bn": "প্রত্যাখ্যান নাকচ বাতিল",
        "mr": "नाकारले नाकारा नामंजूर रद्द nakara",
        "gu": "અસ્વીકાર નામંજૂર રદ",
        "kn": "ತಿರಸ್ಕರಿಸಿ ತಿರಸ್ಕರಿಸು ರದ್ದು tiraskarisi",
        "ml": "നിരസിക്കുന്നു നിരസിച്ചു നിരസിക്കൂ റദ്ദാക്കൂ nirasichu",
        "pa": "ਨਾਮਨਜ਼ੂਰ ਨਾਮਨਜੂਰ ਅਸਵੀਕਾਰ ਰੱਦ",
    },
    "packed": {  # the order is packed / ready
        "en": "packed pack packing ready",
        "hi": "पैक पैकिंग तैयार",
        "hinglish": "taiyar tayyar tayar",
        "ta": "பேக் பேக்கிங் தயார் ரெடி",
        "te": "ప్యాక్ ప్యాకింగ్ సిద్ధం రెడీ",
        "bn": "প্যাক প্যাকিং তৈরি রেডি",
        "mr": "पॅक पॅकिंग तयार",
        "gu": "પેક પેકિંગ તૈયાર",
        "kn": "ಪ್ಯಾಕ್ ಪ್ಯಾಕಿಂಗ್ ಸಿದ್ಧ ರೆಡಿ",
        "ml": "പാക്ക് പാക്ക്ഡ് പാക്കിംഗ് തയ്യാർ റെഡി",
        "pa": "ਪੈਕ ਪੈਕਿੰਗ ਤਿਆਰ",
    },
    "out": {  # sent out with the rider
        "en": "out dispatched dispatch sent shipped way rider",
        "hi": "निकल निकला निकली भेज भेजा रवाना रास्ते",
        "hinglish": "nikal nikla nikli bhej bheja rawana ravana raste",
        "ta": "அனுப்பிட்டேன் அனுப்பினேன் அனுப்பியாச்சு அனுப்பப்பட்டது கிளம்பியாச்சு கிளம்பிடுச்சு anuppiten",
        "te": "పంపాను పంపించాను పంపించాం బయలుదేరింది pampanu",
        "bn": "পাঠিয়েছি পাঠানো বেরিয়েছে রওনা pathiyechi",
        "mr": "पाठवले पाठवली पाठवला निघाले निघाला निघाली रवाना pathavle",
        "gu": "મોકલ્યો મોકલ્યું મોકલી નીકળ્યો નીકળી રવાના moklyo",
        "kn": "ಕಳುಹಿಸಿದೆ ಕಳಿಸಿದೆ ಹೊರಟಿದೆ kaluhiside",
        "ml": "അയച്ചു പുറപ്പെട്ടു ayachu",
        "pa": "ਭੇਜ ਭੇਜਿਆ ਨਿਕਲ ਨਿਕਲਿਆ ਰਵਾਨਾ",
    },
    "delivery": {  # the noun "delivery" (with "done" it means delivered, with "out" sent)
        "all": "delivery deliver डिलीवरी डिलिवरी டெலிவரி డెలివరీ ডেলিভারি डिलिव्हरी ડિલિવરી ಡೆಲಿವರಿ "
               "ഡെലിവറി ਡਿਲੀਵਰੀ",
    },
    "delivered": {  # reached the customer
        "en": "delivered reached handed received",
        "hi": "पहुंच पहुँच पहुंचा पहुँचा पहुंचाया पहुँचाया डिलीवर्ड",
        "hinglish": "pahunch pahuch pahuncha pahucha pahunchaya pahuchaya",
        "ta": "சேர்ந்தது சேர்த்தாச்சு கொடுத்தாச்சு டெலிவர்டு serthachu koduthachu",
        "te": "చేరింది అందించాం అందించాను ఇచ్చేశాం cherindi",
        "bn": "পৌঁছে পৌঁছেছে পৌঁছানো দিয়ে দিয়েছি pouche",
        "mr": "पोहोचले पोहोचली पोचले पोहोचवले pohochle",
        "gu": "પહોંચ્યો પહોંચી પહોંચાડ્યો આપી આપ્યો pahonchyo",
        "kn": "ತಲುಪಿದೆ ತಲುಪಿಸಿದೆ ಕೊಟ್ಟಿದೆ talupide",
        "ml": "എത്തിച്ചു കൊടുത്തു ethichu",
        "pa": "ਪਹੁੰਚ ਪਹੁੰਚਿਆ ਪਹੁੰਚਾ ਦਿੱਤਾ",
    },
    "done": {  # perfective "has happened / given": the step named with it is finished
        "en": "done finished completed complete",
        "hi": "गया गई गए दिया दी हुआ हुई",
        "hinglish": "gaya gayi gaye gya diya di hua hui hogaya hogya",
        "ta": "ஆச்சு ஆயிடுச்சு முடிந்தது முடிஞ்சது aachu aayiduchu",
        "te": "అయింది అయిపోయింది అయ్యింది ఐంది aindi ayindi",
        "bn": "গেছে হয়েছে হয়ে দিয়েছি হলো geche hoyeche hoye",
        "mr": "झाले झाली झाला दिले zale jhali",
        "gu": "ગયો ગયું ગઈ થયો થયું થઈ આપ્યું gayo thayu",
        "kn": "ಆಯಿತು ಆಗಿದೆ ಆಯ್ತು aayitu aagide",
        "ml": "ആയി കഴിഞ്ഞു ആയിട്ടുണ്ട് kazhinju",
        "pa": "ਗਿਆ ਗਈ ਹੋਇਆ ਦਿੱਤਾ gya",
    },
    "stock": {  # stock / quantity on the shelf
        "en": "stock stocks stk inventory qty quantity",
        "hi": "स्टॉक स्टाक माल",
        "hinglish": "stok maal",
        "ta": "ஸ்டாக் இருப்பு",
        "te": "స్టాక్ నిల్వ",
        "bn": "স্টক মজুত",
        "mr": "स्टॉक साठा",
        "gu": "સ્ટોક સ્ટૉક જથ્થો",
        "kn": "ಸ್ಟಾಕ್ ದಾಸ್ತಾನು",
        "ml": "സ്റ്റോക്ക് സ്റ്റോക് സ്റ്റോക്",
        "pa": "ਸਟਾਕ ਸਟੌਕ",
    },
    "low": {  # low, running short
        "en": "low short less",
        "hi": "कम कमी",
        "hinglish": "kam kami",
        "ta": "குறைவு குறைவா குறைவான கம்மி kuraivu kammi",
        "te": "తక్కువ takkuva",
        "bn": "কম kom",
        "mr": "कमी",
        "gu": "ઓછો ઓછું ઓછા ocho ochu",
        "kn": "ಕಡಿಮೆ kadime",
        "ml": "കുറവ് കുറഞ്ഞ kurav kuravu",
        "pa": "ਘੱਟ ghat",
    },
    "finished": {  # none left on the shelf ("maggi khatam")
        "en": "finished over nil zero",
        "hi": "खत्म ख़त्म समाप्त",
        "hinglish": "khatam khatm khtm",
        "ta": "தீர்ந்துவிட்டது தீர்ந்தது தீந்துடுச்சு theernthathu",
        "te": "అయిపోయాయి లేవు",
        "bn": "শেষ shesh",
        "mr": "संपले संपला संपली sample",
        "gu": "ખતમ ખલાસ પૂરું khalas",
        "kn": "ಮುಗಿದಿದೆ ಖಾಲಿ mugidide",
        "ml": "തീർന്നു teernu",
        "pa": "ਖਤਮ ਖ਼ਤਮ ਮੁੱਕ ਮੁੱਕਿਆ",
    },
    "report": {  # the day's figures
        "en": "report summary sales sale figures total earnings income collection",
        "hi": "हिसाब रिपोर्ट बिक्री कमाई कलेक्शन",
        "hinglish": "hisab hisaab bikri kamai galla",
        "ta": "கணக்கு விற்பனை ரிப்போர்ட் வசூல் kanakku",
        "te": "లెక్క లెక్కలు అమ్మకాలు రిపోర్ట్ lekka",
        "bn": "হিসাব বিক্রি রিপোর্ট hisab bikri",
        "mr": "हिशोब हिशेब विक्री रिपोर्ट hishob",
        "gu": "હિસાબ વેચાણ રિપોર્ટ hisab",
        "kn": "ಲೆಕ್ಕ ಮಾರಾಟ ವರದಿ ರಿಪೋರ್ಟ್ lekka",
        "ml": "കണക്ക് വിൽപ്പന റിപ്പോർട്ട് kanakku",
        "pa": "ਹਿਸਾਬ ਵਿਕਰੀ ਰਿਪੋਰਟ",
    },
    "today": {  # today
        "en": "today todays",
        "hi": "आज",
        "hinglish": "aaj aj",
        "ta": "இன்று இன்னைக்கு இன்றைய inniki",
        "te": "ఈరోజు ఈ రోజు నేడు eeroju",
        "bn": "আজ আজকের aaj",
        "mr": "आज आजचा आजची",
        "gu": "આજ આજે આજનો આજનું",
        "kn": "ಇಂದು ಇವತ್ತು ಇಂದಿನ ಇವತ್ತಿನ ivattu",
        "ml": "ഇന്ന് ഇന്നത്തെ innu",
        "pa": "ਅੱਜ",
    },
    "question": {  # how much / how many ("maggi kitna hai": a stock question)
        "en": "how much many left",
        "hi": "कितना कितने कितनी",
        "hinglish": "kitna kitne kitni kitta",
        "ta": "எவ்வளவு எத்தனை evvalavu ethana",
        "te": "ఎంత ఎన్ని entha enni",
        "bn": "কত কতটা কটা কয়টা koto",
        "mr": "किती kiti",
        "gu": "કેટલું કેટલા કેટલો ketlu ketla",
        "kn": "ಎಷ್ಟು eshtu",
        "ml": "എത്ര ethra",
        "pa": "ਕਿੰਨਾ ਕਿੰਨੇ ਕਿੰਨੀ kinna kinne",
    },
    "pending": {  # orders waiting for an answer
        "en": "pending new waiting open",
        "hi": "बाकी नया नए पेंडिंग",
        "hinglish": "baki baaki naya naye",
        "ta": "நிலுவை பெண்டிங் புதிய",
        "te": "పెండింగ్ కొత్త",
        "bn": "বাকি পেন্ডিং নতুন",
        "mr": "बाकी प्रलंबित नवीन",
        "gu": "બાકી નવા નવો",
        "kn": "ಬಾಕಿ ಹೊಸ",
        "ml": "ബാക്കി പെൻഡിംഗ് പുതിയ",
        "pa": "ਬਾਕੀ ਨਵੇਂ ਨਵਾਂ",
    },
}
_STEM_MIN = 4  # letters of a listed word before an ending may follow it
_ENDING_MAX = 5


@lru_cache(maxsize=64)
def _keys(cls: str, script: str) -> frozenset[str]:
    """Keys of one class's words written in `script`; Latin lines mix languages, so all Latin words count."""
    words = " ".join(OWNER_TABLE[cls].values()).split()
    return frozenset(k for k in (word_key(w) for w in words if (token_script(w) or "Latn") == script) if k)


def classes_of(text: str, k: str) -> frozenset[str]:
    """The owner word classes a token belongs to (its key, or a native word's stem plus an ending)."""
    script = token_script(text) or "Latn"
    return frozenset(cls for cls in OWNER_TABLE if _matches(k, _keys(cls, script), script != "Latn"))


def _matches(k: str, keys: frozenset[str], endings: bool) -> bool:
    if k in keys:
        return True
    if not endings or len(k) <= _STEM_MIN:
        return False
    return any(k[:-cut] in keys for cut in range(1, _ENDING_MAX + 1) if len(k) - cut >= _STEM_MIN)
