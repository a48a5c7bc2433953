import pytest

from vyaparai.bot.owner_commands import parse_owner_command


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
