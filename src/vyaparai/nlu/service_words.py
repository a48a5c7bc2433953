"""Words of questions about the shop's service, not its goods: how long delivery takes, hours and fees."""
from __future__ import annotations

# signal -> language -> words, merged into signals.TABLE like chat_words.MORE_WORDS and read by
# nlu/questions.py. None of them ever names a product, so they leave the product runs.
SERVICE_WORDS: dict[str, dict[str, str]] = {
    # Nouns of time and duration: with "how much" / "when" / a verb of coming they ask how long the
    # delivery takes ("kitne din", "how many days", "কতক্ষণ", "किती वेळात", "ಎಷ್ಟು ಹೊತ್ತು").
    "duration": {
        "en": "time days hours hrs hour minutes mins today tomorrow tonight",
        "hinglish": "time din dino ghante ghanta ghanton baje minute minat samay aaj",
        "hi": "समय टाइम दिन दिनों घंटे घंटा बजे मिनट आज",
        "mr": "वेळ वेळात वेळेत दिवस दिवसात तास मिनिटात vel velat",
        "gu": "સમય ટાઈમ વાર વારમાં દિવસ દિવસમાં કલાક કલાકમાં મિનિટમાં samay kalak",
        "bn": "সময় টাইম কতক্ষণ ঘণ্টা ঘন্টা দিনে মিনিটে somoy koto khon kotokhon",
        "pa": "ਸਮਾਂ ਟਾਈਮ ਦਿਨ ਦਿਨਾਂ ਘੰਟੇ ਘੰਟਾ ਵਜੇ ਮਿੰਟ",
        "ta": "நேரம் நேரத்தில் நேரத்துல டைம் நாள் நாளில் நாட்கள் மணிநேரம் மணிக்கு neram",
        "te": "సమయం టైం టైమ్ రోజులు రోజుల్లో గంటలు గంటల్లో గంటకు samayam",
        "kn": "ಹೊತ್ತು ಹೊತ್ತಲ್ಲಿ ಸಮಯ ಟೈಮ್ ದಿನ ದಿನದಲ್ಲಿ ಗಂಟೆ ಗಂಟೆಗೆ hottu",
        "ml": "സമയം നേരം ദിവസം ദിവസത്തിൽ മണിക്കൂർ മണിക്കൂറിൽ മണിക്ക് samayam",
    },
    # Verbs of coming as a future ("aa jayega", "will come", ಬರುತ್ತೆ, येईल, આવશે, ਆਵੇਗਾ): with a
    # time word they ask when the goods arrive.
    "coming": {
        "en": "come coming reach take takes",
        "hinglish": "jayega jaega jaayega jayegi pahuchega pahunchoge lagega lagegi",
        "hi": "आएगा आएगी आ जाएगा जाएगा जाएगी पहुंचेगा लगेगा लगेगी",
        "mr": "येईल येणार पोहोचेल लागेल yeil",
        "gu": "આવશે પહોંચશે લાગશે aavshe aavse",
        "bn": "আসবে পৌঁছবে পৌঁছাবে লাগবে asbe",
        "pa": "ਆਵੇਗਾ ਆਊਗਾ ਆਵੇਗੀ ਪਹੁੰਚੇਗਾ ਲੱਗੇਗਾ",
        "ta": "வரும் வந்துடும் வந்துரும் ஆகும் varum",
        "te": "వస్తుంది వస్తాయి పడుతుంది vastundi",
        "kn": "ಬರುತ್ತೆ ಬರುತ್ತದೆ ಬರುತ್ತಾ ಬರ್ತದೆ barutte",
        "ml": "എത്തും വരും വരുമോ എടുക്കും ethum",
    },
    # The shop itself, its hours, charges and offers ("shop kab khulta hai", "delivery charge kitna"):
    # a question about the service that no product answers.
    "service": {
        "en": "shop store home open opens close closes closed charge charges fee fees minimum sunday monday "
              "tuesday wednesday thursday friday saturday holiday discount discounts offer offers coupon deal",
        "hinglish": "dukaan dukan khulta khulti khulega khulegi khuli band chutti chhoot chut",
        "hi": "दुकान खुलती खुलता खुलेगी खुलेगा बंद छुट्टी चार्ज",
        "mr": "दुकान उघडते उघडेल बंद सुट्टी चार्ज",
        "gu": "દુકાન ખુલે ખુલશે બંધ રજા ચાર્જ",
        "bn": "দোকান খোলে খুলবে বন্ধ ছুটি চার্জ",
        "pa": "ਦੁਕਾਨ ਖੁੱਲ੍ਹਦੀ ਖੁੱਲੇਗੀ ਬੰਦ ਛੁੱਟੀ ਚਾਰਜ",
        "ta": "கடை திறக்கும் மூடும் லீவு சார்ஜ்",
        "te": "షాపు అంగడి తెరుస్తారు మూసేస్తారు సెలవు ఛార్జ్ చార్జ్ ఛార్జి చార్జి",
        "kn": "ಅಂಗಡಿ ತೆರೆಯುತ್ತೆ ಮುಚ್ಚುತ್ತೆ ರಜೆ ಚಾರ್ಜ್",
        "ml": "കട തുറക്കും അടയ്ക്കും അവധി ചാർജ്",
    },
}
