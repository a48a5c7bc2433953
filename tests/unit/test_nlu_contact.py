"""Addresses and phone numbers in what customers type, in any script."""
import pytest

from vyaparai.nlu.contact import find_phone, looks_like_address, split_address


@pytest.mark.parametrize("text", [
    "Plot 7, Sai Residency, Kondapur, Hyderabad",
    "C-45, Lajpat Nagar 2, New Delhi 110024",
    "14/3 Rajaji Street, Salem",
    "घर नंबर 18, शिव कॉलोनी, इंदौर",
    "৭/২ বেলেঘাটা মেইন রোড, কলকাতা",
    "நம்பர் 9, பாரதி தெரு, திருச்சி",
    "ఇంటి నెం 2-3-41, గాంధీ నగర్, విజయవాడ",
    "ಮನೆ ನಂ 21, 6ನೇ ಕ್ರಾಸ್, ಮೈಸೂರು",
    "വീട് നമ്പർ 5, ചന്ത റോഡ്, തൃശൂർ",
    "ਮਕਾਨ ਨੰ 31, ਗੁਰੂ ਨਗਰ, ਅੰਮ੍ਰਿਤਸਰ",
    "બ્લોક 4, શાંતિ સોસાયટી, વડોદરા",
])
def test_addresses_in_every_script_read_as_addresses(text):
    assert looks_like_address(text)


@pytest.mark.parametrize("text", [
    "3 kg aloo, 2 kg pyaz, 1 kg tamatar",
    "500g jeera aur 2kg atta",
    "ok", "haan ji", "do packet doodh bhej do",
    "मुझे दो किलो चीनी चाहिए",
])
def test_orders_and_short_replies_are_not_addresses(text):
    assert not looks_like_address(text)


def test_an_address_given_with_the_items_is_split_off_in_any_script():
    assert split_address("address: 22 Nehru Road, Vellore. 2 kg rava bhejo") == ("22 Nehru Road, Vellore", "2 kg rava bhejo")
    assert split_address("मेरा पता: 5, स्टेशन रोड, आगरा। 1 किलो चीनी") == ("5, स्टेशन रोड, आगरा", "1 किलो चीनी")
    address, rest = split_address("Flat 9, Lake View Apartments, Madurai. 1 kg sugar and 2 maggi")
    assert address.startswith("Flat 9") and rest == "1 kg sugar and 2 maggi"


def test_a_message_that_is_only_an_address_or_only_items_is_not_split():
    assert split_address("Flat 9, Lake View Apartments, Madurai") == (None, "Flat 9, Lake View Apartments, Madurai")
    assert split_address("2 kg atta. 1 maggi") == (None, "2 kg atta. 1 maggi")
    assert split_address("No. 5, Gandhi St. Chennai")[0] is None


@pytest.mark.parametrize("text,phone", [
    ("98765 43210", "919876543210"), ("+91-98765-43210", "919876543210"), ("09876543210", "919876543210"),
    ("call me on 7012345678 please", "917012345678"), ("९८७६५४३२१०", "919876543210"),
])
def test_indian_mobile_numbers_are_found_in_any_writing(text, phone):
    assert find_phone(text) == phone


@pytest.mark.parametrize("text", ["98765", "12345 67890", "1234567890123", "house 12, pin 560001"])
def test_what_is_not_a_mobile_number_is_refused(text):
    assert find_phone(text) is None


@pytest.mark.parametrize("text,address,rest", [
    ("7 Park Street, Kolkata 700016 and send 1 kg sugar", "7 Park Street, Kolkata 700016",
     "and send 1 kg sugar"),
    ("pata: Flat 3, Civil Lines, Kanpur 208001. 2 maggi aur 1 kilo aata", "Flat 3, Civil Lines, Kanpur 208001",
     "2 maggi aur 1 kilo aata"),
    ("घर 4, शास्त्री नगर, मेरठ 250004 और एक किलो चीनी", "घर 4, शास्त्री नगर, मेरठ 250004", "और एक किलो चीनी"),
])
def test_a_pin_code_ends_the_address_before_the_items(text, address, rest):
    assert split_address(text) == (address, rest)


def test_address_words_after_the_pin_code_are_still_the_address():
    assert split_address("House 9, Lake Road, Bhopal 462001, near the water tank")[0] is None


@pytest.mark.parametrize("text", ["Flat 2 Rose Villa Shillong", "Flat 9B Marine Drive Mumbai", "House no 4 Civil Lines",
                                  "plot 16 green park extension"])
def test_a_numbered_dwelling_with_place_names_is_an_address(text):
    from vyaparai.nlu.pipeline import understand
    u = understand(text)
    assert u.intent == "provide_address" and u.items == ()


def test_a_dwelling_number_with_an_amount_is_still_an_order():
    from vyaparai.nlu.pipeline import understand
    assert understand("flat 5 ke liye 2 kilo aloo").intent == "add_items"
