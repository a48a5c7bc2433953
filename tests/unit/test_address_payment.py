"""An address with the way to pay in the same message: the address is kept without the payment words."""
import pytest

from vyaparai.bot.address_payment import split_payment


@pytest.mark.parametrize("text,address,payment", [
    ("22 Lake Road, Kolkata 700029, cash", "22 Lake Road, Kolkata 700029", "cod"),
    ("Flat 7, Baner, Pune 411045, online", "Flat 7, Baner, Pune 411045", "online"),
    ("cod - B-3 Vasant Vihar, Delhi", "B-3 Vasant Vihar, Delhi", "cod"),
    ("9 Temple Street Madurai cash on delivery", "9 Temple Street Madurai", "cod"),
    ("घर 14, सदर बाजार, आगरा, कैश", "घर 14, सदर बाजार, आगरा", "cod"),
    ("வீடு 3, அண்ணா நகர், சென்னை, கேஷ்", "வீடு 3, அண்ணா நகர், சென்னை", "cod"),
    ("ਮਕਾਨ 2, ਮਾਡਲ ਟਾਊਨ, ਜਲੰਧਰ, ਕੈਸ਼ ਦੇਵਾਂਗਾ", "ਮਕਾਨ 2, ਮਾਡਲ ਟਾਊਨ, ਜਲੰਧਰ", "cod"),
])
def test_the_way_to_pay_said_with_the_address_is_split_off(text, address, payment):
    assert split_payment(text) == (address, payment)


@pytest.mark.parametrize("text", ["14 Rose Lane, Bandra West, Mumbai", "Flat 2, Cash Bazaar Road",
                                  "House 5, Online Tower, Noida", "Shop 4, Cash Bazaar Road, Delhi"])
def test_an_address_alone_is_kept_whole(text):
    assert split_payment(text) == (text, None)
