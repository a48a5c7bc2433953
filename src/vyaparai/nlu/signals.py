"""Words that signal something other than a product, per language: verbs, fillers, negation, intents."""
from __future__ import annotations

from functools import lru_cache

from vyaparai.nlu import lexicon
from vyaparai.nlu.chat_words import MORE_WORDS
from vyaparai.nlu.service_words import SERVICE_WORDS
from vyaparai.nlu.script import token_script
from vyaparai.nlu.translit import script_key, word_key

# signal -> language -> words (native script and romanized). "all" applies to every language.
# Keys are computed lazily; a native token may carry a short case ending (கார்ட்டை, ఆన్లైన్లో).
TABLE: dict[str, dict[str, str]] = {
    "want": {
        "en": "want need needed send add give get bring deliver put include buy wanna would like",
        "hi": "चाहिए चाहिये भेज भेजो भेजना भेजिए भेजें भेजदो भिजवा दे देना दीजिए दीजिये लाओ ला "
              "डाल डालो डालना रख रखो रखना लेना दें",
        "hinglish": "chahiye chahie chaiye chahiya chahiyee bhej bhejo bhejna bhejdo bhejiye bhejde "
                    "bhijwa bhijwado dena dedo de dijiye lao la lana dalo daalo dalna rakh rakho "
                    "rakhna lena lelo dena mangwa mangwana",
        "ta": "வேணும் வேண்டும் குடுங்க கொடுங்க அனுப்புங்க அனுப்பு அனுப்பி அனுப்பிடுங்க போட்டு போடுங்க போடு தாங்க வேணுமே "
              "venum vendum kudunga kodunga anuppunga podunga thaanga",
        "te": "కావాలి కావాలండి ఇవ్వండి పంపండి పంపు పంపించండి వేయండి తీసుకురండి kavali kaavali "
              "pampandi ivvandi veyandi",
        "bn": "চাই দিন দাও পাঠান পাঠাও লাগবে দেবেন দিয়ে পাঠিয়ে দিও দিবেন পাঠাবেন pathan pathao lagbe dao din",
        "mr": "पाहिजे पाहिजेत हवे हवा हवी हवंय द्या पाठवा टाका दे pahije have hava dya pathva",
        "gu": "જોઈએ જોઇએ જોઈતા જોઈતું જોઈતી જોઈતો જોઇતા આપો મોકલો મોકલજો આપજો joie joiye joita joitu apo moklo",
        "kn": "ಬೇಕು ಕೊಡಿ ಕಳುಹಿಸಿ ಕಳಿಸಿ ಕಳಿಸಿಕೊಡಿ ಕಳುಹಿಸಿಕೊಡಿ ಹಾಕಿ beku kodi kalisi kaluhisi",
        "ml": "വേണം തരൂ അയക്കൂ അയക്കണം അയച്ചുതരൂ തരണം കൊടുക്കൂ അയച്ചു വേണ്ടത് venam tharu ayakku",
        "pa": "ਚਾਹੀਦਾ ਚਾਹੀਦੀ ਚਾਹੀਦੇ ਭੇਜੋ ਦਿਓ ਦੇਓ ਦੇ ਭੇਜ ਭਿਜਵਾ ਭਿਜਵਾਓ ਭੇਜਣਾ ਭੇਜ਼ੋ chahida chahidi chahide bhejo dio deyo deo",
    },
    "filler": {
        "en": "i me my we our us you your u please pls plz plss kindly the of for to in on at is are "
              "am be it this that some any also just with from then now today asap quickly fast "
              "urgently thanks thank thx bro sir madam maam boss can could will shall would one "
              "ones of im i'll ill lets let do does did have has had should may wanted needs me else "
              "anything something hasnt havent didnt doesnt isnt wasnt yet still already been anymore "
              "sb se pe ya yaar na also pack all take ive youve got get number नंबर",
        "hinglish": "mujhe muje mereko mujko humko hume hamein mera meri mere hamara bhaiya bhaiyaa "
                    "bhaia bhai bhayya bhaisaab didi ji jee aunty uncle kar karo kardo karna kr krdo "
                    "karde kariye karu karun karoon karunga karenge dunga dungi dedunga denge lunga lena "
                    "wala wali wale waala waali vala vali valo ka ki ke ko se me "
                    "mein mai main hai hain tha aur bhi jaldi abhi zara thoda liye lena chahta "
                    "chahti sath saath sabse wo woh ye yeh ek dum jo bhejna please plz sahab kal subah shaam "
                    "aaj abhi tak turant raat jaldi hua hui hue gaya gayi kuch kuchh apna apni",
        "hi": "मुझे मेरा मेरी मेरे हमें हमको भैया भइया भाई जी दीदी कर करो करना करें करिए वाला वाली "
              "वाले का की के को से में है हैं था और भी जल्दी ज़रा थोड़ा प्लीज़ कृपया लिए लेना मैं करूँगा "
              "करूंगा दूँगा दूंगा करूँ करूं कल सुबह शाम आज अभी तक तुरंत रात क्या हुआ हुई गया गई कुछ अपना",
        "ta": "எனக்கு என் என்னோட ஒரு கொஞ்சம் ப்ளீஸ் ப்ளிஸ் தயவுசெய்து தயவு அண்ணா தம்பி இருக்கு enakku en ennoda konjam anna "
              "irukku",
        "te": "నాకు నా నా యొక్క అండి కొంచెం ఉంది ఉన్నాయి దయచేసి ప్లీజ్ naaku naa andi undi",
        "bn": "আমার আমাকে আমি একটু দাদা ভাই আছে প্লিজ প্লীজ দয়া amar amake ami ektu dada ache",
        "mr": "मला माझा माझी माझे जरा दादा ला आहे कृपया प्लीज mala majha majhi aahe",
        "gu": "મને મારે મારું મારો થોડું ભાઈ ના નું નો ની છે મહેરબાની કૃપા કરીને પ્લીઝ mane mare maro maru che",
        "kn": "ನನಗೆ ನನ್ನ ಸ್ವಲ್ಪ ಅಣ್ಣ ಇದೆ ದಯವಿಟ್ಟು ಪ್ಲೀಸ್ nanage nanna swalpa ide",
        "ml": "എനിക്ക് എന്റെ കുറച്ച് ചേട്ടാ ആണ് ദയവായി ദയവു പ്ലീസ് enikku ente aanu",
        "pa": "ਮੈਨੂੰ ਮੇਰਾ ਮੇਰੀ ਵੀਰ ਜੀ ਦਾ ਦੀ ਦੇ ਹੈ ਕਿਰਪਾ ਕ੍ਰਿਪਾ ਕਰਕੇ ਪਲੀਜ਼ ਪਲੀਜ mainu",
    },
    "and": {
        "all": "and & + plus aur or और व आणि ani અને ane আর ar এবং ebong ਤੇ te ਅਤੇ ate ಮತ್ತು mattu "
               "మరియు mariyu மற்றும் matrum pinne പിന്നെ also",
    },
    "not": {
        "all": "not no dont nahi nahin nhi mat नहीं नही मत ना नको வேண்டாம் வேணாம் vendam "
               "వద్దు vaddu ಬೇಡ beda വേണ്ട venda না ਨਹੀਂ ਨਾ nahin નહીં નથી nathi without except "
               # Latin-typed mr "don't want", te "is not", ta "no", bn "is not" (noy before a unit is nine)
               "nako kaadu illa noy",
        # "is not" / "not wanted" words: the thing before them is refused or corrected
        "hi": "नहीं", "mr": "नाही नको", "ta": "இல்ல இல்லை வேண்டா", "te": "కాదు వద్దు కాదండి",
        "kn": "ಅಲ್ಲ ಬೇಡ ಬೇಡಾ", "ml": "അല്ല വേണ്ട", "bn": "নয় না নেই", "gu": "નહિ નહીં નથી", "pa": "ਨਹੀਂ ਨਹੀ ਨਾਂ",
    },
    # "everything": with a remove word it empties the cart ("sab hata do", "remove everything").
    "all": {
        "all": "all everything whole entire sab sabhi sabh saara sara saare sare poora pura sabkuch "
               "सब सभी सारा सारे सारी पूरा पूरे सबकुछ எல்லா எல்லாம் எல்லாத்தையும் எல்லாவற்றையும் "
               "ellam ellathaiyum అన్నీ అన్ని అంతా anni ಎಲ್ಲಾ ಎಲ್ಲವನ್ನೂ ಎಲ್ಲವೂ ella എല്ലാം എല്ലാ "
               "ellam সব সবকিছু সবই shob બધું બધા બધો ਸਭ ਸਾਰਾ ਸਾਰੇ ਸਭ ਕੁਝ sabh सगळं सगळे "
               "सगळा सर्व sagla sagle",
    },
    "instead": {"all": "instead jagah जगह badle बदले बजाय bajaye"},
    "remove": {
        "all": "remove delete clear empty khali खाली out hatao નાખો કાઢી hata hatado hatana nikal nikalo nikaal nikaldo nikaalo minus "
               "हटा हटाओ हटादो हटाना निकाल निकालो निकालना नீக்குங்க நீக்கு நீக்கிடுங்க எடுத்துடுங்க "
               "తీసేయండి తీసివేయండి తీసెయ్ తొలగించండి বাদ সরাও সরিয়ে काढा काढून काढ કાઢી કાઢો "
               "હટાવો ತೆಗೆ ತೆಗೆಯಿರಿ ತೆಗೆದುಹಾಕಿ ഒഴിവാക്കൂ മാറ്റൂ നീക്കം ਹਟਾਓ ਕੱਢੋ ਹਟਾ neekku "
               "theeseyandi teeseyandi kadha kadho tegedu hatao kaddo",
    },
    "change": {
        "all": "change make reduce decrease increase update modify set less extra another instead kam zyada "
               "jyada badha badhao badhado ghata ghatao kum कम ज़्यादा ज्यादा बढ़ा बढ़ाओ घटा घटाओ बदलो "
               "बदल மாத்துங்க மாற்றுங்க மாத்து கம்மி அதிகம் kammi மட்டும் போதும் mattum pothum "
               "మార్చండి తగ్గించండి పెంచండి ಬದಲಾಯಿಸಿ ಕಡಿಮೆ ಜಾಸ್ತಿ ಹೆಚ್ಚು മാറ്റുക കുറയ്ക്കൂ "
               "കൂട്ടൂ ਬਦਲੋ ਘੱਟ ਵਧਾਓ বদলে কম বাড়িয়ে বেশি बदला कमी वाढवा जास्त બદલો ઓછું ઓછા "
               "વધારો વધુ quantity qty",
    },
    "more": {"all": "more మరో ఇంకో ఇంకొక ಇನ್ನೊಂದು ഒരെണ്ണം കൂടി இன்னொரு zyada extra another increase badha badhao badhado बढ़ा बढ़ाओ ज़्यादा વધારે ഇനി இன்னும் ఇంకా ಇನ್ನೊಂದು ਹੋਰ আরো आणखी વધુ"},
    "less": {"all": "less kam kum fewer कम கம்மி kammi తక్కువ తగ్గించండి ಕಡಿಮೆ കുറവ് ਘੱਟ কম कमी ઓછું ઓછા"},
    "make": {
        "all": "kar karo kardo krdo karna kariye कर करो करें करदो பண்ணுங்க பண்ணு pannunga pannu "
               "చేయండి చేయి cheyandi cheyyandi ಮಾಡಿ ಮಾಡು maadi ആക്കൂ ആക്കുക ਕਰੋ ਕਰ করুন করো করে "
               "करा કરો કરી karo make kara karaa kari korun koro cheyyu cheyandi cheyyandi maadi madi "
               "pannunga pannu aakku",
    },
    "cart": {
        "all": "cart kart basket bag trolley added liya liye total bill summary कार्ट கார்ட் கார்ட்டை கார்ட்ல కార్ట్ কার্ট कार्ट "
               "કાર્ટ ಕಾರ್ಟ್ ਕਾਰਟ കാർട്ട് cartla cartlo",
    },
    "show": {
        "all": "show dikhao dikha dikhana dikhaiye display see view list batao दिखाओ दिखा दिखाइए "
               "दिखाना बताओ காட்டுங்க காட்டு என்ன enna చూపించండి చూపించు ఏమున్నాయి emunnayi "
               "ತೋರಿಸಿ ಏನಿದೆ കാണിക്കൂ കാണിക്കുക ਦਿਖਾਓ ਵਿਖਾਓ দেখান দেখাও दाखवा દેખાડો બતાવો "
               "what whats kya so far added ab tak",
    },
    "checkout": {
        "all": "checkout place confirm done finalize final proceed book bas itna itnaa pakka पक्का ਪੱਕਾ कन्फर्म "
               "बस इतना கன்ஃபார்ம் கன்பார்ம் కన్ఫర్మ్ ಕನ್ಫರ್ಮ್ കൺഫേം ਕਨਫਰਮ કન્ફર્મ কনফার্ম "
               "कन्फर्म",
    },
    "online": {
        "all": "upi gpay googlepay google phonepe paytm online link card netbanking banking bhim qr ऑनलाइन लिंक "
               "यूपीआई पेटीएम ஆன்லைன் ఆన్లైన్ অনলাইন ઓનલાઇન ಆನ್ಲೈನ್ ഓൺലൈൻ ਆਨਲਾਈਨ ऑनलाईन",
    },
    "pay": {
        "all": "pay payment paying paid पे पेमेंट भुगतान பே பேமெண்ட் పే పేమెంట్ পেমেন্ট পে "
               "पेमेंट ಪೇ ಪೇಮೆಂಟ್ പേ പേമെന്റ് ਪੇਮੈਂਟ ਪੇ પેમેન્ટ પે",
    },
    "cash": {
        "all": "cash cod nakad naqad nakd rokh कैश नकद नगद रोख கேஷ் ரொக்கம் క్యాష్ నగదు ক্যাশ নগদ कॅश "
               "રોકડા કેશ ಕ್ಯಾಶ್ ನಗದು ക്യാഷ് ਕੈਸ਼ ਨਕਦ",
    },
    "money": {"all": "paise paisa पैसे पैसा பணம் காசு డబ్బు డబ్బులు টাকা पैसे પૈસા ಹಣ ದುಡ್ಡು പണം കാശ് ਪੈਸੇ money"},
    "arrival": {
        "all": "delivery deliver arrives arrive arrived arrival received came aane aaye aayega aaya aayi "
               "pahunchne आया आई आये डिलीवरी आने "
               "டெலிவரி డెలివరీ ಡೆಲಿವರಿ ഡെലിവറി ਡਿਲੀਵਰੀ ડિલિવરી ডেলিভারি डिलिव्हरी milne",
    },
    "where": {
        "all": "where wheres kahan kaha kidhar status track tracking when kab reach reached arrive eta "
               "milega lagega "
               "aayega aaega ayega pahuncha pahunchega पहुंचा कहाँ कहां कब स्टेटस ट्रैक आएगा एங்கே "
               "எங்கே enga எப்போ eppo வரும் எங்க ఎక్కడ ekkada ఎప్పుడు eppudu ಎಲ್ಲಿ elli ಯಾವಾಗ "
               "എവിടെ evide എപ്പോൾ ਕਿੱਥੇ ਕਦੋਂ কোথায় kothay কখন कुठे kuthe केव्हा ક્યાં ક્યારે "
               "late der aavse kithe ethi yelli ellide kyare kothay kuthe "
               "ఎప్పుడు எப்போ ಎಲ್ಲಿದೆ എത്തി ક્યારે আসবে తక",
    },
    "order": {
        "all": "order orders ऑर्डर ஆர்டர் ஆர்டரை ఆర్డర్ ಆರ್ಡರ್ ഓർഡർ ਆਰਡਰ ઓર્ડર অর্ডার "
               "saman samaan सामान maal माल groceries grocery items stuff",
    },
    "cancel": {
        "all": "cancel cancle cancell cancelled radd రద్దు raddu रद्द कैंसल कैन्सल கேன்சல் క్యాన్సిల్ క్యాన్సల్ "
               "রদ্দ ক্যানসেল বাতিল कॅन्सल રદ કેન્સલ ರದ್ದು ಕ್ಯಾನ್ಸಲ್ റദ്ദാക്കൂ ക്യാൻസൽ ਰੱਦ ਕੈਂਸਲ",
    },
    "greet": {
        "all": "hi hii hello helo hey hlo namaste namaskar namaskaram namaskara vanakkam morning "
               "evening afternoon ram salaam salam pranam nomoskar kem cho sat sri akal radhe "
               "नमस्ते नमस्कार प्रणाम राम வணக்கம் నమస్కారం నమస్తే ನಮಸ್ಕಾರ ನಮಸ್ತೆ നമസ്കാരം ਸਤ ਸ੍ਰੀ "
               "ਅਕਾਲ ਸਤਿ ਨਮਸਤੇ নমস্কার নমস্তে કેમ છો નમસ્તે jai shri shree krishna jay जय श्री कृष्ण "
               "જય શ્રી કૃષ્ણ ஹலோ ஹாய் హలో హాయ్ ಹಲೋ ഹലോ ਹੈਲੋ হ্যালো हेलो हैलो હેલો",
    },
    "help": {
        "all": "help madad how kaise samajh guide sell menu catalog catalogue products options मदद कैसे सहायता समझ உதவி எப்படி ఎలా సహాయం ಸಹಾಯ "
               "ಹೇಗೆ സഹായം എങ്ങനെ ਮਦਦ ਕਿਵੇਂ সাহায্য কীভাবে कसे मदत કેવી મદદ eppadi ela hege "
               "engane kivein kibhabe kasa kashi kase kevi kemon kiwe sahayam sahaya sahay madat madad "
               "udhavi sahayata "
               "কীভাবে कशी कसा कसे ਕਿਵੇਂ എങ്ങനെ ಹೇಗೆ కేవలం చేయాలి பண்றது करायची",
    },
    "yes": {
        "all": "yes yeah yep yup ya ok okay okk k sure correct right haan han haa ha ji theek thik "
               "athe aamaa aama hyan hya hoy houdu haanji hanji bilkul zaroor jarur "
               "sahi fine hmm go ahead हाँ हां जी ठीक सही ஆமா ஆமாம் சரி sari aama ఆవును అవును avunu "
               "సరే sare ಹೌದು ಸರಿ ಹೂಂ howdu അതെ ശരി ഉവ്വ് ਹਾਂ ਠੀਕ হ্যাঁ হাঁ ঠিক আছে हो होय "
               "બરાબર હા હો",
        # English and Hindi acknowledgements ("alright", "achha"): an answer, never a product run
        "en": "alright allright cool great nice perfect awesome noted",
        "hi": "अच्छा अच्छी", "hinglish": "acha accha achha achchha",
    },
    "no": {
        "all": "no nope nah na naa nako illa ledu nei nathi nahi nahin nhi नहीं ना नको வேண்டாம் இல்லை வேணாம் vendam వద్దు లేదు "
               "vaddu ಬೇಡ ಇಲ್ಲ beda വേണ്ട ഇല്ല venda ਨਹੀਂ ਨਾ না নাহ नाही નહીં ના rehne rahne "
               "nothing",
    },
    "offtopic": {
        "all": "alarm weather mausam rain barish cricket score netflix amazon flipkart flight train "
               "bus movie ticket recharge ola uber cab taxi bank balance light bijli "
               "electricity joke song gaana news subscription parcel tarika "
               "ticket tickets film weather टिकट টিকিট ટિકિટ ਟਿਕਟ టికెట్ டிக்கெட் ಟಿಕೆಟ್ ടിക്കറ്റ് "
               "ബസ് বাস బస్ பஸ் ಬಸ್ "
               "अलार्म मौसम मोबाइल रिचार्ज बैंक बैलेंस क्रिकेट तरीका बारिश அலாரம் அலாரத்தை "
               "மழை வானிலை கிரிக்கெட் అలారం వాతావరణం వర్షం క్రికెట్ ಅಲಾರ್ಮ್ ಮಳೆ ಹವಾಮಾನ "
               "ಕ್ರಿಕೆಟ್ അലാറം മഴ കാലാവസ്ഥ ക്രിക്കറ്റ് ਅਲਾਰਮ ਮੌਸਮ ਮੀਂਹ ਕ੍ਰਿਕਟ অ্যালার্ম "
               "আবহাওয়া বৃষ্টি ক্রিকেট अलार्म हवामान पाऊस એલાર્મ હવામાન વરસાદ ક્રિકેટ",
    },
    "address": {
        "all": "ghar address addr pata flat house plot road street lane gali nagar colony sector society "
               "apartment apt tower block floor opp landmark pincode पता मकान गली नगर सेक्टर फ्लैट "
               "रोड मोहल्ला முகவரி தெரு అడ్రస్ వీధి ঠিকানা রাস্তা पत्ता ગલી સરનામું ವಿಳಾಸ ರಸ್ತೆ "
               "വിലാസം ਪਤਾ ਗਲੀ",
    },
    "language": {
        "all": "speak talk reply language bhasha baat bolo likho write respond switch answer "
               "भाषा बात बोलो लिखो जवाब பேசுங்க பேசு மொழி మాట్లాడండి భాష ಮಾತಾಡಿ ಮಾತನಾಡಿ "
               "ಭಾಷೆ സംസാരിക്കൂ ഭാഷ ਗੱਲ ਬੋਲੋ ਭਾਸ਼ਾ কথা বলুন ভাষা बोला भाषेत વાત બોલો ભાષા",
    },
}
# Question words: what a customer asks about a product or the bill (read by nlu/questions.py, not by the
# tokenizer's flags). Price nouns ("rate", விலை); how-much words; availability words ("in stock",
# "milega"); "is there" verbs, which ask only with a question particle or "?"; forms of "is there" that
# are questions by themselves (இருக்கா, ఉందా); question particles; "with you" words; the bill's total.
TABLE.update({
    "price": {
        "en": "price prices rate rates cost costs mrp",
        "hi": "दाम भाव कीमत क़ीमत मूल्य रेट पड़ेगा पड़ेगी",  # and the verb of "kitne ka padega" (will cost)
        "hinglish": "daam dam bhav bhaav keemat kimat kimmat rate padega padegi",
        "ta": "விலை ரேட் vilai", "te": "ధర ధరలు రేటు రేట్ dhara dhara", "kn": "ಬೆಲೆ ರೇಟ್",
        "ml": "വില റേറ്റ് vila", "bn": "দাম রেট daam", "mr": "किंमत भाव दर रेट kimmat",
        "gu": "ભાવ કિંમત રેટ bhav kimat", "pa": "ਕੀਮਤ ਭਾਅ ਰੇਟ ਮੁੱਲ keemat",
    },
    "howmuch": {
        "en": "much", "hi": "कितने कितना कितनी", "hinglish": "kitne kitna kitni kitne",
        "ta": "எவ்வளவு எவ்ளோ எவ்வளோ எத்தனை evvalavu evlo evvalo ethanai ettanai", "te": "ఎంత entha", "kn": "ಎಷ್ಟು eshtu",
        "ml": "എത്ര ethra",
        # "how much" joined to "has come to" (ಎಷ್ಟು + ಆಯ್ತು): one word that asks the bill
        "all": "ಎಷ್ಟಾಯ್ತು ಎಷ್ಟಾಯಿತು ఎంతైంది ఎంతయింది ఎంతైనది எவ்வளவாச்சு எவ்ளோவாச்சு എത്രയായി എത്രയായ്", "bn": "কত koto", "mr": "किती kiti", "gu": "કેટલા કેટલું કેટલો કેટલી ketla ketlu",
        "pa": "ਕਿੰਨੇ ਕਿੰਨਾ ਕਿੰਨੀ kinne kinna",
    },
    "stock": {
        "en": "stock available availability",
        "hi": "उपलब्ध मिलेगा मिलेगी मिलेंगे स्टॉक", "hinglish": "milega milegi milenge stock available",
        "ta": "கிடைக்குமா கிடைக்கும் ஸ்டாக் kidaikuma", "te": "దొరుకుతుందా దొరుకుతాయా స్టాక్ dorukutunda",
        "kn": "ಸಿಗುತ್ತಾ ಸಿಗುತ್ತದೆಯೇ ಸಿಗುತ್ತೆ ಸ್ಟಾಕ್ siguttha", "ml": "കിട്ടുമോ സ്റ്റോക്ക് kittumo",
        "bn": "পাওয়া পাবো স্টক", "mr": "मिळेल मिळतील स्टॉक milel", "gu": "મળશે સ્ટોક malshe",
        "pa": "ਮਿਲੇਗਾ ਮਿਲੇਗੀ ਸਟਾਕ",
    },
    "exists": {
        "en": "have got", "hi": "है हैं", "hinglish": "hai hain", "ta": "இருக்கு இருக்கிறது irukku",
        "te": "ఉంది ఉన్నాయి undi", "kn": "ಇದೆ ide", "ml": "ഉണ്ട് undu", "bn": "আছে ache",
        "mr": "आहे आहेत aahe ahe", "gu": "છે che", "pa": "ਹੈ ਹਨ",
    },
    "exists_q": {
        "ta": "இருக்கா இருக்கிறதா இருக்குதா irukka", "te": "ఉందా ఉన్నాయా undaa", "kn": "ಇದೆಯಾ ಇದೆಯೇ ideya",
        "ml": "ഉണ്ടോ undo", "bn": "আছেকি",
    },
    "question": {
        "en": "what whats which", "hi": "क्या", "hinglish": "kya kyaa", "ta": "என்ன enna", "te": "ఏమిటి",
        "kn": "ಏನು", "ml": "എന്താ", "bn": "কি কী ki", "mr": "का काय", "gu": "શું શુ", "pa": "ਕੀ",
    },
    "holder": {  # "with you" (aapke paas, ਤੁਹਾਡੇ ਕੋਲ): "X hai" after them asks what the shop has
        "hi": "आपके पास", "hinglish": "aapke apke paas pas", "ta": "உங்ககிட்ட உங்களிடம் கிட்ட",
        "te": "మీ దగ్గర", "kn": "ನಿಮ್ಮ ಹತ್ರ ನಿಮ್ಮಲ್ಲಿ", "ml": "നിങ്ങളുടെ കയ്യിൽ അടുത്ത്",
        "bn": "আপনার আপনাদের কাছে", "mr": "तुमच्याकडे तुमच्या कडे", "gu": "તમારી તમારે પાસે",
        "pa": "ਤੁਹਾਡੇ ਕੋਲ",
    },
    "became": {  # "came to", the verb of "kitna hua" (how much has it come to)
        "hi": "हुआ हुए बने बना गए गया", "hinglish": "hua hue bane gaye gaya", "ta": "ஆச்சு ஆனது aachu",
        "te": "అయింది ఐంది ayindi", "kn": "ಆಯ್ತು ಆಯಿತು aaytu", "ml": "ആയി ആയത്", "bn": "হলো হল হয়েছে",
        "mr": "झाले झाला jhale", "gu": "થયા થયું થયો thaya", "pa": "ਹੋਏ ਹੋਇਆ ਹੋਈ ਬਣੇ ਬਣਿਆ ਬਣਦੇ ਗਏ ਗਿਆ",
    },
    "total": {
        "en": "total bill owe due", "hi": "टोटल बिल कुल हिसाब", "hinglish": "total bill hisab hisaab",
        "ta": "மொத்தம் மொத்த பில் டோட்டல் mottham", "te": "మొత్తం బిల్లు బిల్ టోటల్ mottam",
        "kn": "ಒಟ್ಟು ಬಿಲ್ ಟೋಟಲ್ ottu", "ml": "ആകെ മൊത്തം ബിൽ ടോട്ടൽ aake", "bn": "মোট বিল টোটাল",
        "mr": "एकूण बिल टोटल ekun", "gu": "કુલ બિલ ટોટલ", "pa": "ਕੁੱਲ ਬਿੱਲ ਬਿਲ ਟੋਟਲ",
    },
})
# Everyday chat words (yes, enough, fillers, verbs of adding) kept in their own module.
for _signal, _by_lang in (*MORE_WORDS.items(), *SERVICE_WORDS.items()):
    _row = TABLE.setdefault(_signal, {})
    for _lang, _words in _by_lang.items():
        _row[_lang] = f"{_row.get(_lang, '')} {_words}".strip()
# Language names, to switch the reply language ("Tamil mein baat karo", "తెలుగులో మాట్లాడండి").
LANGUAGE_NAMES = {
    "en": "english angrezi angreji inglish अंग्रेज़ी अंग्रेजी इंग्लिश இங்கிலீஷ் ஆங்கிலம் ఇంగ్లీష్ ఆంగ్లం "
          "ইংরেজি ইংলিশ इंग्रजी અંગ્રેજી ಇಂಗ್ಲಿಷ್ ಇಂಗ್ಲೀಷ್ ഇംഗ്ലീഷ് ਅੰਗਰੇਜ਼ੀ",
    "hi": "hindi हिंदी हिन्दी இந்தி ஹிந்தி హిందీ হিন্দি हिंदीत હિન્દી ಹಿಂದಿ ഹിന്ദി ਹਿੰਦੀ",
    "ta": "tamil தமிழ் தமிழ்ல तमिल తమిళం তামিল તમિલ ತಮಿಳು തമിഴ് ਤਾਮਿਲ",
    "te": "telugu తెలుగు तेलुगु தெலுங்கு তেলুগু તેલુગુ ತೆಲುಗು തെലുങ്ക് ਤੇਲਗੂ",
    "bn": "bengali bangla বাংলা बंगाली बांग्ला বাংলায় பெங்காலி బెంగాలీ બંગાળી ಬಂಗಾಳಿ ബംഗാളി ਬੰਗਾਲੀ",
    "mr": "marathi मराठी மராத்தி మరాఠీ মারাঠি મરાઠી ಮರಾಠಿ മറാത്തി ਮਰਾਠੀ",
    "gu": "gujarati gujrati ગુજરાતી गुजराती குஜராத்தி గుజరాతీ গুজরাটি ಗುಜರಾತಿ ഗുജറാത്തി ਗੁਜਰਾਤੀ",
    "kn": "kannada ಕನ್ನಡ कन्नड़ கன்னடம் కన్నడ কন্নড় કન્નડ കന്നഡ ਕੰਨੜ",
    "ml": "malayalam malayalathil മലയാളം മലയാളത്തിൽ मलयालम மலையாளம் మలయాళం মালায়ালম મલયાલમ ಮಲಯಾಳಂ ਮਲਿਆਲਮ",
    "pa": "punjabi panjabi ਪੰਜਾਬੀ पंजाबी பஞ்சாபி పంజాబీ পাঞ্জাবি પંજાબી ಪಂಜಾಬಿ പഞ്ചാബി",
}
_SUFFIX_MAX = 5  # characters of a case ending allowed after a native-script signal word


@lru_cache(maxsize=1024)
def signal_keys(signal: str, lang: str, script: str, other_languages: bool = True) -> frozenset[str]:
    """Keys of one signal's words written in `script`, for a message of `lang`. A token is compared
    with words of its own script only: short words of different scripts can fold to one key
    (Kannada ಹಣ "money", Hindi हाँ "yes" and Latin "haan" are all "han")."""
    langs = {lang, "all", "en"} | ({"hi"} if lang in ("hinglish", "mr") else set())
    if lang == "hi":
        langs.add("hinglish")
    extra: set[str] = set()
    if script == "Latn" and other_languages:
        extra = set(TABLE[signal]) - langs  # romanized lines mix languages; which one is often unclear
    own = " ".join(v for k, v in TABLE[signal].items() if k in langs - extra)
    native = script != "Latn"  # native words are compared in their own script: दाल (lentil) is not डाल (put)
    keys = {script_key(w) if native else word_key(w) for w in own.split() if (token_script(w) or "Latn") == script}
    if extra:  # other languages' words, unless they are also grocery words ("che" is "is" and "chai")
        grocery = lexicon.load().concepts_of
        more = " ".join(v for k, v in TABLE[signal].items() if k in extra)
        keys |= {k for k in (word_key(w) for w in more.split() if w.isascii()) if k not in grocery}
    return frozenset(keys) - {""}


@lru_cache(maxsize=16)
def language_names(script: str) -> dict[str, str]:
    return {word_key(w): code for code, words in LANGUAGE_NAMES.items() for w in words.split()
            if (token_script(w) or "Latn") == script}


def has_signal(token: str, k: str, signal: str, lang: str) -> bool:
    script = token_script(token) or "Latn"
    # A grocery word keeps its whole self: வெண்டைக்காய் (okra) is no வேண்டா (not wanted) + an ending.
    endings = script != "Latn" and k not in lexicon.load().concepts_of
    if _in_keys(script_key(token) if script != "Latn" else k, signal_keys(signal, lang, script), endings):
        return True
    # English loanwords typed in a native script (ट्रेन, ক্যানসেল, ஆர்டர்) meet the Latin word.
    return (script != "Latn" and signal in _LOANWORD_SIGNALS and len(k) >= 4
            and _in_keys(k, signal_keys(signal, lang, "Latn"), True))


_LOANWORD_SIGNALS = frozenset({"offtopic", "cart", "order", "cancel", "online", "pay", "cash", "checkout",
                               "arrival", "address"})


def own_language_signal(token: str, k: str, signal: str, lang: str) -> bool:
    """The word is a signal word of the message's own language (not only of some other language)."""
    script = token_script(token) or "Latn"
    return (script_key(token) if script != "Latn" else k) in signal_keys(signal, lang, script, False)


def _in_keys(k: str, keys: frozenset[str], suffixes: bool) -> bool:
    if k in keys:
        return True
    if not suffixes or len(k) < 4:
        return False
    return any(k[:-cut] in keys for cut in range(1, _SUFFIX_MAX + 1) if len(k) - cut >= max(4, cut))


def language_named(token: str, k: str) -> str | None:
    names = language_names(token_script(token) or "Latn")
    if k in names:
        return names[k]
    if token.isascii() or len(k) < 4:
        return None
    for cut in range(1, _SUFFIX_MAX + 2):
        if len(k) - cut >= 4 and k[:-cut] in names:
            return names[k[:-cut]]
    return None
