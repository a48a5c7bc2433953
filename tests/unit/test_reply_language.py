"""The bot keeps the conversation's language until the customer clearly writes in another."""
import pytest

from vyaparai.bot.language import next_language, switches
from vyaparai.nlu.pipeline import understand


@pytest.mark.parametrize("current,text", [
    ("hinglish", "ok"), ("hinglish", "Tata Salt"), ("hinglish", "3 kg aloo, 2 kg pyaz"),
    ("hi", "ok"), ("hi", "Surf Excel Matic"), ("ta", "Colgate 2"), ("ml", "thanks"),
    ("mr", "2 किलो साखर"),  # too short to tell Marathi from Hindi: stays
    ("en", "Maggi"),
])
def test_short_or_neutral_messages_keep_the_language(current, text):
    u = understand(text)
    assert u.lang == current or not switches(u, current)


@pytest.mark.parametrize("current,text,new", [
    ("en", "मुझे दो किलो चीनी चाहिए", "hi"),
    ("hinglish", "ரெண்டு லிட்டர் பால் வேணும்", "ta"),
    ("en", "bhaiya do kilo cheeni bhej do", "hinglish"),
    ("hinglish", "please send me two packets of bread", "en"),
    ("hi", "I want two packets of bread please", "en"),
])
def test_a_clear_message_in_another_language_switches(current, text, new):
    u = understand(text)
    assert u.lang == new and switches(u, current)


@pytest.mark.parametrize("text", ["बंगला ११, शांती नगर, सांगली", "दोन किलो साखर", "कांदे आणि बटाटे"])
def test_a_marathi_chat_does_not_turn_hindi_on_words_both_languages_share(text):
    assert not switches(understand(text), "mr")


def test_a_marathi_chat_turns_hindi_when_the_customer_writes_hindi():
    u = understand("मुझे दो किलो चीनी चाहिए और एक साबुन भी")
    assert u.lang == "hi" and switches(u, "mr")


# A store's own product names are often local words typed in Latin letters; an English or Hinglish
# customer ordering them is still answered in Latin letters.
@pytest.mark.parametrize("current,text", [
    ("en", "half kg kadalai paruppu"), ("en", "posto 50 gm 2 packets"), ("en", "rin bar 4, vim bar 2"),
    ("en", "1 kg thuvaram paruppu and 2 kg vengayam"), ("hinglish", "ek red label chai patti"),
    ("hinglish", "2 packet sabudana aur 1 kilo kanda"),
])
def test_product_names_in_a_local_language_do_not_switch_the_chat(current, text):
    assert not switches(understand(text), current)


@pytest.mark.parametrize("current,text,new", [
    ("en", "enakku rendu kilo vengayam venum", "ta"),
    ("hinglish", "amar dui kilo chal lagbe", "bn"),
    ("en", "mala don kilo sakhar pahije", "mr"),
])
def test_the_local_language_s_own_grammar_words_still_switch_it(current, text, new):
    u = understand(text)
    assert u.lang == new and switches(u, current)


# A customer who types Latin letters reads Latin letters: a line langid reads as Tamil or Bengali from its
# words is answered in English, or in Hinglish when its grammar words are Hindi.
@pytest.mark.parametrize("text,lang,reply", [
    ("1kg thuvaram paruppu", "ta", "en"),
    ("posto 50 gm 2 packets", "bn", "en"),
    ("enakku rendu kilo vengayam venum", "ta", "en"),
    ("rendu kilo arisi kudunga bhaiya", "ta", "en"),
    ("amar dui kilo chal lagbe", "bn", "en"),
    ("ondu kg akki beku", "kn", "en"),
])
def test_a_first_message_in_latin_letters_is_answered_in_latin_letters(text, lang, reply):
    u = understand(text)
    assert u.lang == lang and next_language(u, None) == reply


@pytest.mark.parametrize("text,lang", [
    ("2 kg சர்க்கரை", "ta"), ("আমার দুই কেজি চাল লাগবে", "bn"), ("bhaiya 2 kilo aata de do", "hinglish"),
    ("need 2 kg onions", "en"),
])
def test_a_first_message_in_a_script_of_its_own_language_is_answered_in_it(text, lang):
    assert next_language(understand(text), None) == lang


def test_a_latin_letter_chat_is_not_turned_to_a_native_script_by_local_grammar_words():
    assert next_language(understand("enakku rendu kilo vengayam venum"), "en") == "en"
    assert next_language(understand("mujhe do kilo cheeni chahiye bhaiya"), "en") == "hinglish"


def test_a_chat_in_a_native_script_keeps_it_when_the_customer_types_latin_letters():
    assert next_language(understand("rendu kilo arisi venum"), "ta") == "ta"
    assert next_language(understand("send me two packets of bread please"), "ta") == "en"


@pytest.mark.parametrize("text,lang", [("reply in tamil", "ta"), ("tamil mein baat karo", "ta"),
                                       ("bangla te bolun", "bn")])
def test_asking_for_a_language_by_name_answers_in_its_own_script(text, lang):
    assert next_language(understand(text), "en") == lang


@pytest.mark.parametrize("text", ["चणा डाळ अर्धा किलो", "एक किलो गूळ", "200 ग्रॅम शेंगदाणे"])
def test_a_chat_read_as_hindi_turns_marathi_on_a_marathi_word_or_letter(text):
    assert next_language(understand(text), "hi") == "mr"


@pytest.mark.parametrize("text", ["एक किलो चीनी", "धनिया भी", "हाँ"])
def test_a_hindi_chat_stays_hindi_on_words_both_languages_share(text):
    assert next_language(understand(text), "hi") == "hi"
