import re

import pytest

from vyaparai import locales
from vyaparai.bot.owner_commands import parse_owner_command
from vyaparai.nlu.translit import key
from vyaparai.nlu.vocabulary import Vocabulary

# The product words of a small shop, as the store's index would give them.
SHOP = Vocabulary(words=frozenset(key(w) for w in "maggi masala noodles tata salt amul butter atta parle biscuit".split()))


def read(text: str):
    return parse_owner_command(text, None, SHOP)


@pytest.mark.parametrize(
    ("text", "status", "number"),
    [
        ("accept 1042", "confirmed", 1042),
        ("Accept #1042", "confirmed", 1042),
        ("haan", "confirmed", None),
        ("1042 packed", "processing", 1042),
        ("1042 nikal gaya", "out_for_delivery", 1042),
        ("out for delivery 1042", "out_for_delivery", 1042),
        ("1042 delivered", "delivered", 1042),
        ("1042 de diya", "delivered", 1042),
    ],
)
def test_shopkeeper_words_move_an_order(text, status, number):
    cmd = parse_owner_command(text)
    assert (cmd.action, cmd.status, cmd.number) == ("status", status, number)


def test_reject_keeps_the_reason_for_the_customer():
    cmd = parse_owner_command("reject 1042 stock nahi hai")
    assert (cmd.status, cmd.number, cmd.reason) == ("cancelled", 1042, "stock nahi hai")


def test_buttons_carry_the_order_number():
    cmd = parse_owner_command("Accept", button_id="accept:1007")
    assert (cmd.action, cmd.status, cmd.number) == ("status", "confirmed", 1007)


@pytest.mark.parametrize(
    ("text", "words", "stock"),
    [("maggi 50", "maggi", 50), ("stock aata 20", "aata", 20), ("aata khatam", "aata", 0), ("20 aata", "aata", 20)],
)
def test_stock_by_message(text, words, stock):
    cmd = parse_owner_command(text)
    assert (cmd.action, cmd.words, cmd.stock) == ("stock", words, stock)


@pytest.mark.parametrize("text", ["today", "aaj ka hisaab"])
def test_daily_summary(text):
    assert parse_owner_command(text).action == "summary"


def test_chatter_without_an_order_number_is_not_a_command():
    assert parse_owner_command("ok thanks bhai").action != "status"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("order 2051 approve kar do", "confirmed"),
        ("2052 ready hai", "processing"),
        ("2053 rider ke saath nikla", "out_for_delivery"),
        ("2054 pahuncha diya", "delivered"),
        ("2055 को स्वीकार कीजिए", "confirmed"),
        ("2056 तैयार है", "processing"),
        ("2057 रवाना कर दिया", "out_for_delivery"),
        ("2058 डिलीवरी हो गई", "delivered"),
        ("2059 ஆர்டரை ஏற்றுக்கொள்கிறேன்", "confirmed"),
        ("2060 தயார்", "processing"),
        ("2061 கிளம்பியாச்சு", "out_for_delivery"),
        ("2062 டெலிவரி முடிஞ்சது", "delivered"),
        ("2063 ఆర్డర్ అంగీకరిస్తున్నాను", "confirmed"),
        ("2064 సిద్ధం", "processing"),
        ("2065 బయలుదేరింది", "out_for_delivery"),
        ("2066 డెలివరీ అయిపోయింది", "delivered"),
        ("2067 অর্ডার নিলাম", "confirmed"),
        ("2068 তৈরি", "processing"),
        ("2069 রওনা হয়েছে", "out_for_delivery"),
        ("2070 পৌঁছে গেছে", "delivered"),
        ("2071 ऑर्डर मंजूर", "confirmed"),
        ("2072 तयार आहे", "processing"),
        ("2073 निघाली", "out_for_delivery"),
        ("2074 डिलिव्हरी झाली", "delivered"),
        ("2075 ઓર્ડર મંજૂર", "confirmed"),
        ("2076 તૈયાર છે", "processing"),
        ("2077 નીકળ્યો", "out_for_delivery"),
        ("2078 પહોંચાડ્યો", "delivered"),
        ("2079 ಆರ್ಡರ್ ಒಪ್ಪಿದೆ", "confirmed"),
        ("2080 ಸಿದ್ಧ", "processing"),
        ("2081 ಹೊರಟಿದೆ", "out_for_delivery"),
        ("2082 ತಲುಪಿದೆ", "delivered"),
        ("2083 സ്വീകരിച്ചു", "confirmed"),
        ("2084 തയ്യാർ", "processing"),
        ("2085 പുറപ്പെട്ടു", "out_for_delivery"),
        ("2086 എത്തിച്ചു", "delivered"),
        ("2087 ਮਨਜ਼ੂਰ ਹੈ", "confirmed"),
        ("2088 ਤਿਆਰ ਹੈ", "processing"),
        ("2089 ਰਵਾਨਾ ਹੋ ਗਿਆ", "out_for_delivery"),
        ("2090 ਡਿਲੀਵਰੀ ਹੋ ਗਈ", "delivered"),
    ],
)
def test_order_moves_in_every_language(text, status):
    cmd = read(text)
    assert (cmd.action, cmd.status, cmd.number) == ("status", status, int(re.search(r"\d+", text).group()))


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("aaj ki bikri batao", "summary"),
        ("आज की बिक्री कितनी हुई", "summary"),
        ("இன்னைக்கு விற்பனை எவ்வளவு", "summary"),
        ("ఈరోజు అమ్మకాలు", "summary"),
        ("আজ কত বিক্রি হল", "summary"),
        ("आजची विक्री", "summary"),
        ("આજનું વેચાણ", "summary"),
        ("ಇವತ್ತಿನ ಮಾರಾಟ", "summary"),
        ("ഇന്നത്തെ വിൽപ്പന", "summary"),
        ("ਅੱਜ ਦੀ ਵਿਕਰੀ", "summary"),
        ("which items are low", "low_stock"),
        ("कौन सा माल कम है", "low_stock"),
        ("குறைவா இருக்கிற ஸ்டாக்", "low_stock"),
        ("తక్కువ ఉన్న స్టాక్", "low_stock"),
        ("কোন স্টক কম", "low_stock"),
        ("कमी असलेला स्टॉक", "low_stock"),
        ("ઓછા સ્ટોકની યાદી", "low_stock"),
        ("ಕಡಿಮೆ ಇರುವ ಸ್ಟಾಕ್", "low_stock"),
        ("സ്റ്റോക്ക് കുറവ്", "low_stock"),
        ("ਘੱਟ ਵਾਲਾ ਸਟਾਕ", "low_stock"),
        ("new orders dikhao", "pending"),
        ("naye order kitne hain", "pending"),
        ("பெண்டிங் ஆர்டர்கள்", "pending"),
        ("కొత్త ఆర్డర్లు", "pending"),
        ("নতুন অর্ডার কটা", "pending"),
        ("नवीन ऑर्डर", "pending"),
        ("નવા ઓર્ડર", "pending"),
        ("ಹೊಸ ಆರ್ಡರ್", "pending"),
        ("പുതിയ ഓർഡറുകൾ", "pending"),
        ("ਨਵੇਂ ਆਰਡਰ", "pending"),
    ],
)
def test_figures_low_stock_and_waiting_orders_in_every_language(text, action):
    assert read(text).action == action


def test_packed_in_hindi_moves_the_order_instead_of_looking_up_stock():
    cmd = read("3021 पैक हो गया")
    assert (cmd.action, cmd.status, cmd.number) == ("status", "processing", 3021)


@pytest.mark.parametrize("text", ["3022 cancel karo", "3023 cancel kar do", "reject 3024", "3025 रद्द करो", "❌"])
def test_a_bare_cancel_carries_no_reason(text):
    cmd = read(text)
    assert (cmd.status, cmd.reason) == ("cancelled", None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("reject 3026 Dukaan aaj band hai", "Dukaan aaj band hai"),
     ("3027 रद्द करो दूध खत्म है", "दूध खत्म है"),
     ("cancel 3028 rider nahi mila, cancel kar do", "rider nahi mila")],
)
def test_a_reason_is_kept_as_typed_without_the_command_words(text, reason):
    assert read(text).reason == reason


@pytest.mark.parametrize(
    ("text", "words", "stock", "unit"),
    [("atta ka stock 25 kilo kar do", "atta", 25, "kg"), ("சர்க்கரை 15 கிலோ", "சர்க்கரை", 15, "kg"),
     ("চিনি শেষ", "চিনি", 0, None), ("ਖੰਡ 9", "ਖੰਡ", 9, None), ("ಸಕ್ಕರೆ ಖಾಲಿ", "ಸಕ್ಕರೆ", 0, None),
     ("amul butter 100g khatam", "amul butter 100 g", 0, None), ("amul butter 500 g 12", "amul butter 500 g", 12, None)],
)
def test_stock_counts_in_any_script(text, words, stock, unit):
    cmd = read(text)
    assert (cmd.action, cmd.words, cmd.stock, cmd.unit) == ("stock", words, stock, unit)


@pytest.mark.parametrize("text", ["amul butter kitna bacha hai", "ఉప్పు స్టాక్ ఎంత", "maggi ka stock?"])
def test_asking_for_a_products_stock(text):
    assert read(text).action == "stock_query"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("please talk in Marathi", "mr"), ("bangla mein baat karo", "bn"), ("English లో మాట్లాడండి", "en"),
     ("ਪੰਜਾਬੀ ਵਿੱਚ ਗੱਲ ਕਰੋ", "pa")],
)
def test_the_owner_asks_for_a_language(text, lang):
    cmd = read(text)
    assert (cmd.action, cmd.target_lang) == ("language", lang)


@pytest.mark.parametrize("lang", locales.SUPPORTED)
def test_every_example_the_owner_help_shows_works(lang):
    for sentence in ("owner_didnt_understand", "owner_commands_help"):
        for example in re.findall(r"“([^”]+)”", locales.t(lang, sentence)):
            cmd = read(example)
            assert cmd.action != "unknown", example
            if re.search(r"\d{3,}", example):
                assert cmd.action == "status" and cmd.number == 1042, example
