"""Everyday chat words of the 11 languages that are never product words: yes, enough, fillers, verbs."""
from __future__ import annotations

# signal -> language -> words, merged into signals.TABLE (same format: native script and romanized;
# "all" applies to every language, and a native word only ever meets tokens of its own script).
# Thanks in every language. They sound like goods when left to the matcher (dhanyavaad ~ dhaniya, shukriya ~
# shakkar), so they are fillers, never an item; said alone they are answered with a "you're welcome".
THANKS = ("thanks thank thanku thankyou thanx thnx thx tnx ty dhanyavad dhanyavaad dhanyawad dhanyawaad "
          "shukriya shukria sukriya dhonnobad dhonyobad nandri nanri dhanyavadalu dhanyavadagalu nanni "
          "aabhar abhar dhannvaad धन्यवाद शुक्रिया आभार ধন্যবাদ শুক্রিয়া நன்றி ధన్యవాదాలు ధన్యవాదం "
          "ಧನ್ಯವಾದ ಧನ್ಯವಾದಗಳು ധന്യവാദ് നന്ദി આભાર ਧੰਨਵਾਦ ਸ਼ੁਕਰੀਆ "
          # the English "thank you / thanks" as the Indian scripts write it
          "थैंक थैंक्स थेंक्स थैंकयू থ্যাংক থ্যাংকস থ্যাঙ্কস থ্যাংকইউ தேங்க் தேங்க்ஸ் தேங்க்யூ "
          "థాంక్ థాంక్స్ థాంక్యూ థ్యాంక్యూ థ్యాంక్స్ ಥ್ಯಾಂಕ್ ಥ್ಯಾಂಕ್ಸ್ ಥ್ಯಾಂಕ್ಯೂ താങ്ക് താങ്ക്സ് താങ്ക്യൂ "
          "થેંક થેંક્સ થેન્ક્સ થેંક્યુ ਥੈਂਕ ਥੈਂਕਸ ਥੈਂਕਯੂ")
THANKS_WORDS = frozenset(THANKS.split())

# "Any / whichever" as each language says it, alone (ஏதாவது, ఏదైనా, যেকোনো) or a pronoun with its "even" or "one"
# particle (koi bhi, कोई भी, ਕੋਈ ਵੀ, ఏదో ఒకటి). The one list of them: the bot reads a phrase in an answer to
# "which one?" as "any will do" (bot/any_option.py); the nlu reads their words as fillers, never a product.
ANY_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("any", "anyone", "anything", "whichever", "either"),
    "hinglish": ("koi bhi", "kuch bhi", "jo bhi", "koi sa bhi"),
    "hi": ("कोई भी", "कुछ भी", "जो भी"),
    "mr": ("कोणतंही", "कोणतेही", "कोणताही", "कोणतीही", "काहीही"),
    "bn": ("যেকোনো", "যে কোনো", "যেকোন"),
    "ta": ("ஏதாவது", "எதுவானாலும்", "எதுனாலும்"),
    "te": ("ఏదైనా", "ఏదో ఒకటి"),
    "kn": ("ಯಾವುದಾದರೂ", "ಯಾವುದಾದ್ರೂ", "ಯಾವುದೇ"),
    "ml": ("ഏതെങ്കിലും", "ഏതായാലും"),
    "gu": ("કોઈ પણ", "કોઈપણ", "ગમે તે"),
    "pa": ("ਕੋਈ ਵੀ", "ਕੋਈ ਭੀ", "ਜੋ ਵੀ"),
}
# Words of those phrases that are no filler of their own: the particles ("bhi", "भी", "ਵੀ", ఒకటి "one"), relative
# pronouns that start other clauses ("jo", "जो", "যে", "ગમે તે"), "some" words that say "any" only in their pair
# (কোনো, કોઈ) and "kuch/कुछ" (already a chat word). English "any" words are fillers in signals.py.
_ANY_PARTS_NOT_FILLERS = frozenset(
    "bhi sa भी ਵੀ ਭੀ પણ ఒకటి jo जो ਜੋ যে ગમે તે kuch कुछ কোনো કોઈ".split())
ANY_FILLERS = " ".join(dict.fromkeys(
    word for lang, phrases in ANY_PHRASES.items() if lang != "en"
    for phrase in phrases for word in phrase.split() if word not in _ANY_PARTS_NOT_FILLERS))


def says_thanks(u) -> bool:
    """A message nlu read as nothing it acts on that thanks ("thank you bhaiya", "ধন্যবাদ") or takes
    leave ("will come later", "পরে আসব"): both are answered with a you're-welcome."""
    from vyaparai.nlu.leave_taking import says_goodbye  # it reads THANKS_WORDS of this module
    words = u.text.split()
    return u.intent == "unknown" and not u.items and (
        any(w.strip(".,!?🙏").lower() in THANKS_WORDS for w in words) or says_goodbye(words))

MORE_WORDS: dict[str, dict[str, str]] = {
    # Agreeing: "haan ji", "alright", "fine by me" in each language, and "ok" as each script writes it.
    "yes": {
        "all": "ओके ओक्के ঠিক ওকে আচ্ছা হুম ஓகே ஓக்கே சரிங்க ஆமாங்க ஆம் ఓకే ఓకె అలాగే సరేనండి అవునండి "
               "ಓಕೆ ಆಯ್ತು ಆಗಲಿ ಸರಿನಾ ഓക്കെ ഓക്കേ ശരിയാ ആയിക്കോട്ടെ ਓਕੇ ਹਾਂਜੀ ਹਾਂਜੀ ਚੰਗਾ ਬਿਲਕੁਲ "
               "ઓકે ભલે ચાલશે હાં જરૂર "
               # yes typed in a hurry (হ্যা without its nasal mark, seri/sheri for சரி/ശരി)
               "হ্যা seri sheri shari sariya ઠીક "
               # "mm" / "aam" as Tamil and Malayalam type a spoken yes
               "ம்ம் ம்ம்ம் ஆம்ம் ആം ആമ്",
        "hi": "हाँजी हांजी हांजी ठीक चलेगा चलेगी", "mr": "चालेल बरं बरोबर नक्की ओके chalel",
        "hinglish": "okie okey okayy thik theek haanji hanjee hn hnji hnn hanji chalega chalegaa chalta",
        "en": "okie okey alright sure",
        # "will do" / "that works": chalega, চলবে, चालेल, ચાલશે
        "bn": "চলবে chalbe cholbe", "gu": "chalse chalshe",
    },
    # "Which" (kaunsa, எந்த, কোনটা, ਕਿਹੜਾ): asks among the products, as "what" does (questions.py).
    "question": {
        "hi": "कौन कौनसा कौनसी कौनसे", "hinglish": "kaun kaunsa kaunsi konsa konsi kon", "ta": "எந்த எது",
        "te": "ఏది ఏవి", "kn": "ಯಾವ ಯಾವುದು", "ml": "ഏത് ഏതൊക്കെ", "bn": "কোন কোনটা কোনগুলো",
        "mr": "कोणते कोणता कोणती", "gu": "કયું કયા કઈ કયો", "pa": "ਕਿਹੜਾ ਕਿਹੜੇ ਕਿਹੜੀ",
    },
    # "How" (kaise, எப்படி, কীভাবে): "how can I pay?" asks the ways, it chooses none (intents.py).
    "how": {
        "en": "how", "hinglish": "kaise kese kaisa", "hi": "कैसे किस", "mr": "कसे कसं कशी kase",
        "gu": "કેવી કેમ kevi", "pa": "ਕਿਵੇਂ kiven", "bn": "কীভাবে কিভাবে কেমনে kivabe", "ta": "எப்படி eppadi",
        "te": "ఎలా ela", "kn": "ಹೇಗೆ ಹೆಂಗೆ hege", "ml": "എങ്ങനെ engane", "all": "options option methods",
    },
    # Asking what the shelf holds: "which brands", "kya kya milta hai", "क्या मिलता है".
    # and "will I get (it)?" in Punjabi's future (ਮਿਲੂ, ਮਿਲੂਗਾ, ਮਿਲ ਜਾਣਗੇ)
    "stock": {"en": "brands types kinds varieties", "hinglish": "milta milti milte", "hi": "मिलता मिलती मिलते",
              "pa": "ਮਿਲ ਮਿਲੂ ਮਿਲੂਗਾ ਮਿਲੂਗੀ ਮਿਲਣਗੇ ਮਿਲਜੂ ਜਾਣਗੇ ਜਾਊਗਾ ਜਾਊਗੀ"},
    # "Order" and "cancel" as Hindi speakers also write them (आर्डर with आ, कैंसिल with इ).
    "order": {"all": "आर्डर ओर्डर ऑडर"},
    "cancel": {"all": "कैंसिल कैन्सिल केंसल कैंसेल cancil kancel"},
    # "No" as people type it: Telugu ఒద్దు (the spoken వద్దు), Bengali থাক ("leave it").
    "no": {"all": "ఒద్దు ఒద్దులే থাক থাকুক"},
    # "Wait", "hold on" (ruko, থামুন, இருங்க): the customer is not done answering; never a yes.
    "hold": {
        "en": "wait hold", "hinglish": "ruko rukiye rukna wait", "hi": "रुको रुकिए रुकें", "pa": "ਰੁਕੋ",
        "ta": "இருங்க", "bn": "দাঁড়ান দাঁড়াও থামুন", "mr": "थांबा", "gu": "થોભો", "te": "ఆగండి", "kn": "ತಡೀರಿ",
        "ml": "നിൽക്കൂ",
    },
    # "That's all" / "enough": the customer is done, or an amount said with it is the amount wanted.
    "enough": {
        "en": "enough",
        "hinglish": "bas bass kaafi kafi",
        "hi": "बस काफ़ी काफी",
        "bn": "ব্যস ব্যাস এটুকুই এটুকু যথেষ্ট এইটুকুই শেষ",
        "ta": "அவ்வளவுதான் அவ்ளோதான் அவ்வளவு அவ்ளோ போதும் இவ்வளவுதான் இவ்ளோதான் இவ்வளவு இவ்ளோ",
        "te": "అంతే ఇంతే చాలు సరిపోతుంది సరిపోతాయి",
        "kn": "ಅಷ್ಟೇ ಇಷ್ಟೇ ಸಾಕು ಸಾಕಾಗುತ್ತೆ",
        "ml": "മതി അത്രമതി അത്രയേ ഇത്രയേ ഉള്ളൂ",
        "pa": "ਬੱਸ ਬਸ ਕਾਫ਼ੀ ਕਾਫੀ",
        "gu": "બસ એટલું આટલું એટલુંજ આટલુંજ પૂરતું",
        "mr": "बस एवढंच एवढेच एवढं पुरे पुरेसे पुरेसं इतकंच इतकेच",
    },
    # Verbs of adding or putting in ("add it", "put in", சேருங்க, ഇടൂ): asking for the item, never it.
    # And "have to give / pay" (देने हैं, দিতে হবে, கொடுக்கணும்), said of the money.
    "want": {
        "all": "देने देना দিতে দেব দেবো கொடுக்கணும் கொடுக்கனும் தரணும் தரேன் தர்றேன் தருவேன் ఇవ్వాలి ಕೊಡಬೇಕು ಕೊಡಬೇಕಾ കൊടുക്കണം "
               "द्यायचे द्यायचं આપવાના આપવાનું ਦੇਣੇ ਦੇਣਾ",
        "hi": "जोड़ो जोड़ दो डालिए डालिये", "hinglish": "jodo jod daliye daliye",
        "ta": "சேருங்க சேர்க்கவும் சேர்த்துடுங்க சேர்த்துக்கோங்க போட்டுடுங்க சேரு",
        "te": "కలపండి జోడించండి వెయ్యండి వేసేయండి పెట్టండి",
        "kn": "ಸೇರಿಸಿ ಹಾಕು ಹಾಕ್ಬಿಡಿ",
        # and the polite "could you give / send" (തരാമോ, അയക്കാമോ), never a product word
        "ml": "ഇടൂ ഇടുക ഇട്ടോളൂ ഇട്ടേക്കൂ ചേർക്കൂ ചേർക്കുക തരാമോ തരുമോ തരണേ അയക്കാമോ അയക്കുമോ അയച്ചുതരൂ",
        # Gujarati with the give-auxiliary (કરી દો, મોકલી દો)
        "bn": "যোগ দিবেন পাঠাবেন", "gu": "ઉમેરો નાખજો દો દેજો આપી મોકલી", "mr": "घाला", "pa": "ਪਾਓ ਪਾ ਜੋੜੋ ਜੋੜ",
    },
    # Verbs of doing ("karo", ചെയ്യൂ): "order ... <make>" asks to place the order.
    "make": {
        "all": "ചെയ്യൂ ചെയ്യുക ചെയ്യണം ചെയ്തോളൂ ചെയ്യാം ചെയ്തേക്കൂ చేసేయండి చేయండి ಮಾಡ್ಬಿಡಿ ಮಾಡು "
               "பண்ணிடுங்க ஆக்குங்க ஆக்கிடுங்க ஆக்கு ਕਰਦੋ ਕਰ करून करा "
               # Malayalam "make it" as a request (ആക്കിക്കോളൂ "go ahead and make it", ആക്കിക്കോ, ആക്കണം)
               "ആക്കിക്കോളൂ ആക്കിക്കോ ആക്കിയേക്കൂ ആക്കണം ആക്കി",
        "hinglish": "kr krna krdena bana banao banado banade banaiye banaye",  # "kar" typed in a hurry; "make"
        "hi": "बना बनाओ बनादो बनाइए बनाइये बनाएं",
        "pa": "ਬਣਾ ਬਣਾਓ ਬਣਾਦੋ ਬਣਾ ਦਿਓ", "gu": "બનાવી બનાવો બનાવજો",  # "ਬਿੱਲ ਬਣਾ ਦਿਓ": make the bill
    },
    "filler": {
        # Sir / madam as each script writes them ("ಹೌದು ಸರ್", "ok sir"): politeness, never a product; and
        # how good the goods should be ("ekdam fresh", "badhiya wale", "best quality"): praise, no name.
        "all": "sir sirji madam maam सर सरजी மேடம் சார் ಸರ್ సార్ സാർ স্যার ਸਰ સર મેડમ मॅडम "
               "fresh freshly quality best ekdam ekdum badhiya badiya achhe acche बढ़िया एकदम फ्रेश "
               # "any" (ANY_PHRASES), and Bengali কোনোটা "any one of them": leave the choice, name nothing
               f"কোনোটা {ANY_FILLERS} {THANKS}",
        # Pronouns and fillers that stand for an item already said ("2 of them", "same again").
        "en": "thats them those these they their there same again actually wait kids children child guests "
              "mom mum mother dad father wife husband son daughter friends "  # who it is for
              "too "  # "tea powder too": one more item (ALSO_AFTER)
              "about around approx approximately roughly "  # "about 100 grams": the amount, roughly
              "but "  # "not 2 but 3": joins the amount wanted to the one refused
              "by via using through",  # "pay by upi": how, no product
        # Emphasis and "only / also" particles (ही, ਹੀ, தான், ಮಾತ್ರ), "sorry", "quickly", "wait", and the
        # helpers of "it is taking" (लग रही है).
        "hi": "सस्ता सस्ती सस्ते सबसे लेकिन मगर पर इतनी इतने लग लगा रहा रही रहे भर ही सिर्फ़ सिर्फ केवल सॉरी माफ़ माफ रुको रुकिए रुकें",
        "hinglish": "par lekin magar pr lekn "  # "but" ("haan par ek bread bhi"): joins, never an item
                    "sasta sasti saste sabse "  # "sabse sasta tel": which is cheapest (bot/any_option.py), no name
                    "bacche bachon bachchon mehmaan mummy papa itni itne lag laga raha rahi rahe bhar sirf sorry ruko rukiye rukna wait",
        "pa": "ਦੀਆਂ ਦਿਆਂ ਹੀ ਸਿਰਫ਼ ਸਿਰਫ ਵੀ ਸੌਰੀ ਮਾਫ਼ ਰੁਕੋ ਜਲਦੀ ਨੇ",
        "ta": "தான் கூட மன்னிக்கவும் சாரி சீக்கிரம் இருங்க",
        "te": "మాత్రమే కూడా సారీ క్షమించండి త్వరగా ఆగండి",
        "kn": "ಮಾತ್ರ ಕೂಡ ಕೂಡಾ ಸಹ ಸಾರಿ ಕ್ಷಮಿಸಿ ಬೇಗ ಬೇಗನೆ",
        "ml": "അത്ര മാത്രം സോറി ക്ഷമിക്കണം വേഗം നിൽക്കൂ അത് ഇത് വേറെ ഒന്നും",  # അത് / ഇത്: "it", "this" (the line said); വേറെ ഒന്നും "anything else"
        "bn": "শুধু সরি দুঃখিত তাড়াতাড়ি দাঁড়ান এবার হবে",
        "gu": "ફક્ત પણ સોરી માફ જલ્દી હતા હતી હતો હતું",
        "mr": "फक्त सुद्धा पण सॉरी माफ लवकर थांबा",
    },
    # "instead of it" (దాని బదులు, அதுக்கு பதிலா): what follows replaces what was refused.
    "instead": {
        "all": "బదులు బదులుగా பதிலா பதிலாக ಬದಲು ಬದಲಾಗಿ പകരം পরিবর্তে બદલે ऐवजी ਬਦਲੇ ਥਾਂ",
    },
    # House words and their number abbreviations (ఇంటి నెం, ನಂ, വീട് നമ്പർ): an address, not items.
    "address": {
        "all": "ఇంటి ఇల్లు నెం ಮನೆ ನಂ വീട് വീട്ടുനമ്പർ வீடு வீட்டுல வீட்டில் বাড়ি নং ઘર નં घर क्र ਮਕਾਨ ਨੰ ਕੋਠੀ मकान",
    },
    # Delay words ("why so late", কেন দেরি): asking about the order, like "where is it".
    "where": {
        "all": "देर देरी দেরি லேட் தாமதம் ఆలస్యం లేట్ ತಡ ಲೇಟ್ വൈകി താമസം મોડું उशीर ਦੇਰ ਲੇਟ "
               "क्यों ਕਿਉਂ ஏன் ఎందుకు ಯಾಕೆ എന്തേ কেন kyon kyun",  # and "why", which asks with them
    },
    # "online", and the UPI apps by name as each script writes them (GPay, PhonePe, Paytm, UPI).
    "online": {"all": "ਔਨਲਾਈਨ ऑनलाईन ઓનલાઈન "
                      "जीपे गूगलपे फोनपे फ़ोनपे पेटीएम यूपीआई भीम জিপে গুগলপে ফোনপে পেটিএম ইউপিআই "
                      "ਜੀਪੇ ਗੂਗਲਪੇ ਫੋਨਪੇ ਫ਼ੋਨਪੇ ਪੇਟੀਐਮ ਯੂਪੀਆਈ જીપે ગૂગલપે ફોનપે પેટીએમ યુપીઆઈ યૂપીઆઈ "
                      "ஜிபே ஜீபே கூகுள்பே போன்பே ஃபோன்பே பேடிஎம் பேட்டிஎம் யுபிஐ யூபிஐ "
                      "జీపే జిపే గూగుల్పే ఫోన్పే పేటీఎం పేటిఎం యూపీఐ యుపిఐ "
                      "ಜಿಪೇ ಜೀಪೇ ಗೂಗಲ್ಪೇ ಫೋನ್ಪೇ ಪೇಟಿಎಂ ಯುಪಿಐ ಯೂಪಿಐ ജിപേ ജീപേ ഗൂഗിൾപേ ഫോൺപേ പേടിഎം യുപിഐ"},
    "cash": {"all": "கேஷா காசா",  # "as cash" (Tamil adverbial ending)
             # paying with a note, asking for change ("500 ka note hai", "chutta le aana"): cash
             "hinglish": "note chutta chhutta khulle", "hi": "नोट छुट्टा खुल्ले"},
    # Taking out, as spoken: "take it out for me" (ತೆಗೆದುಬಿಡಿ, മാറ്റിക്കോ, ਕੱਢ ਦਿਓ, ਕੱਟ ਦਿਓ "strike it off")
    "remove": {"kn": "ತೆಗೆದುಬಿಡಿ ತೆಗೆದ್ಬಿಡಿ ತೆಗೀರಿ ತೆಗಿ", "ml": "മാറ്റിക്കോ മാറ്റിക്കോളൂ മാറ്റണം എടുത്തുമാറ്റൂ കളയൂ",
               "en": "forget scratch skip",  # "forget the maggi", "scratch the soap"
               "pa": "ਕੱਢ ਕੱਢਦੋ ਕੱਢਿਓ ਕੱਟ ਕੱਟਦੋ"},
    # "and" / "and then" between items as people chain them: ಮತ್ತೆ, ಹಾಗೂ, அப்புறம், एवं, তারপর, Gujarati ને.
    "and": {"all": "ને ಮತ್ತೆ ಹಾಗೂ அப்புறம் அப்றம் அப்பறம் एवं तथा তারপর ഒപ്പം ਨਾਲੇ तसेच"},
}

# Kin words people call the shopkeeper by ("అక్కా హార్లిక్స్ ఒకటి", "দিদি, ২ কেজি চাল"): politeness, never a product.
KIN_WORDS: dict[str, str] = {
    "te": "అన్నా అక్కా అక్క అమ్మా తమ్ముడు", "ta": "அக்கா அண்ணா அண்ணே தம்பி", "bn": "দিদি দাদা ভাই ভাইয়া",
    "gu": "બેન બહેન ભાઈ ભાઇ કાકા", "pa": "ਭਾਜੀ ਭੈਣ ਭੈਣਜੀ ਵੀਰ ਵੀਰੇ ਵੀਰਜੀ", "kn": "ಅಕ್ಕ ಅಣ್ಣ ಅಣ್ಣಾ",
    "ml": "ചേട്ടാ ചേച്ചി ചേട്ടൻ ഇക്കാ", "hi": "भैया भइया दीदी", "mr": "दादा ताई भाऊ काका",
    "hinglish": "bhaiya bhaiyya bhaiyaa didi", "en": "uncle aunty",
    # as they are typed in Latin letters, whichever language the message is guessed to be
    "all": "chetta chechi chettan ikka veerji veerey veere paaji paji bhaji bhenji anna annaa akka thambi "
           "dada didi tai bhau bhai ben bhen",
}
for _lang, _words in KIN_WORDS.items():
    MORE_WORDS["filler"][_lang] = f"{MORE_WORDS['filler'].get(_lang, '')} {_words}".strip()
# "Also" of the southern languages typed in Latin letters ("eerulli kooda", "ullipayalu kuda"), as கூட, కూడా are.
MORE_WORDS["filler"]["all"] += " kuda kooda koode koodi"

# "If (you) have it" said before the amount ("Horlicks இருந்தா ரெண்டு குடுங்க", থাকলে দুটো দিন): the request stands,
# the condition names nothing.
IF_YOU_HAVE: dict[str, str] = {
    "ta": "இருந்தா இருந்தால் இருந்தாக்க இருந்தாங்கன்னா", "kn": "ಇದ್ರೆ ಇದ್ದರೆ ಇದ್ದಲ್ಲಿ", "bn": "থাকলে থাকে যদি",
    "mr": "असेल असतील असल्यास", "te": "ఉంటే ఉన్నట్లయితే", "ml": "ഉണ്ടെങ്കിൽ ഉണ്ടേൽ", "gu": "હોય",
    "pa": "ਹੋਵੇ ਹੋਇਆ", "hi": "हो", "en": "if available",
}
for _lang, _words in IF_YOU_HAVE.items():
    MORE_WORDS["filler"][_lang] = f"{MORE_WORDS['filler'].get(_lang, '')} {_words}".strip()

# "Loose" (sold by weight, not packed: খোলা, खुला, છૂટી, ਖੁੱਲ੍ਹਾ): the shop's loose goods already win a plain
# request, so the word names nothing ("খোলা চিনি" is sugar; খোলা keyed as কলা, banana, was a banana).
LOOSE_WORDS: dict[str, str] = {
    "hi": "खुला खुली खुले", "hinglish": "khula khuli khule", "bn": "খোলা খুচরো", "gu": "છૂટું છૂટી છૂટા છૂટો",
    "pa": "ਖੁੱਲ੍ਹਾ ਖੁੱਲ੍ਹੀ ਖੁੱਲ੍ਹੇ ਖੁੱਲਾ ਖੁੱਲੀ", "mr": "सुटी सुटा सुटे", "ta": "லூஸ்", "te": "లూజ్ లూజు",
    "kn": "ಲೂಸ್", "ml": "ലൂസ്",
}
for _lang, _words in LOOSE_WORDS.items():
    MORE_WORDS["filler"][_lang] = f"{MORE_WORDS['filler'].get(_lang, '')} {_words}".strip()

# Discourse words: "then", "again", "so", "come on" (phir, तो, பிறகு, তারপর, ਫੇਰ...) lead the next
# request or order and are never product words ("ok phir 2 maggi" asks for Maggi, "फिर" is no item).
DISCOURSE_WORDS: dict[str, str] = {
    "en": "then again so well anyway next",
    "hinglish": "phir fir pher toh dobara dubara chalo chaliye chalie waise vaise",
    "hi": "फिर फ़िर तो दोबारा चलो चलिए वैसे",
    "mr": "मग पुन्हा नंतर तर चला punha nantar",
    "gu": "પછી ફરી ફરીથી તો ચાલો pachi pachhi fari farithi",
    "bn": "আবার তারপরে তাহলে তো পরে চলো abar tahole",
    "ta": "பிறகு பின்னே மறுபடியும் மறுபடி திரும்ப அப்போ அப்ப piragu marupadiyum",
    "te": "తర్వాత తరువాత మళ్ళీ మళ్లీ అయితే ఇక taruvata tarvata",
    "kn": "ಆಮೇಲೆ ನಂತರ ಮತ್ತೊಮ್ಮೆ ಹಾಗಾದ್ರೆ ಹಾಗಾದರೆ amele aamele",
    "ml": "ശേഷം വീണ്ടും എന്നാൽ എന്നാ veendum",
    "pa": "ਫਿਰ ਫੇਰ ਤਾਂ ਦੁਬਾਰਾ ਚੱਲੋ ਚਲੋ",
}
for _lang, _words in DISCOURSE_WORDS.items():
    MORE_WORDS["filler"][_lang] = f"{MORE_WORDS['filler'].get(_lang, '')} {_words}".strip()

# "One minute", "ek second": a wait, not one of anything. The noun after the number 1.
WAIT_NOUNS = frozenset({
    "minute", "min", "second", "sec", "मिनट", "सेकंड", "ਮਿੰਟ", "নিমিষ", "মিনিট", "நிமிஷம்", "நிமிடம்",
    "నిమిషం", "ನಿಮಿಷ", "മിനിറ്റ്", "મિનિટ", "मिनिट", "sec",
})

# "in" after a language name written apart from it ("English లో", "Tamil ல", "हिंदी में"): part of the name.
LANGUAGE_POSTPOSITIONS = frozenset(
    "में मे me mein mai లో lo ல லே il la ದಲ್ಲಿ ನಲ್ಲಿ alli ൽ ഇൽ তে এ te માં ma मध्ये madhe ਵਿੱਚ ਵਿਚ vich".split())

# Everyday English words that a product name or a folded grocery word also uses ("long": laung, the
# clove, and Strong & Long; "match": matchbox). They name a product only beside an amount, a want word
# or another product word ("2 match box", "clinic plus long"); "how long will it take" asks a time.
COMMON_LATIN_WORDS = frozenset(
    "long match matches won win who whom whose time times take took taking way last late lot bit line date "
    "week hour question answer thing things matter problem happen happened happening game team score "
    "show movie play played playing tell told say said know knew think mean meant".split())

# Kinds of building in Latin addresses ("Rose Villa", "Palm Residency"), read as typed: folded, "villa" is the
# Malayalam "vila" (price), which asks a price only as the customer spells it.
BUILDING_WORDS = frozenset("villa villas enclave residency bungalow bunglow heights".split())

# "Too" / "also" said right after a product ("chai patti bhi", "चहा पण", "டீ தூள் கூட"): that product is
# one more item, never words describing the item said before it ("சர்க்கரை 2 கிலோ டீ தூள் கூட").
ALSO_AFTER = "too also bhi bhee भी पण सुद्धा પણ ਵੀ கூட கூடவே కూడా ಕೂಡ ಕೂಡಾ ಸಹ കൂടി kuda kooda koode koodi"
