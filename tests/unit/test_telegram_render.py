"""What a customer sees on Telegram: escaped text, long replies in parts, buttons as keyboards."""
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.telegram.render import TEXT_MAX, render, split_text


def reply(text: str, **fields) -> OutboundMessage:
    return OutboundMessage(channel="telegram", recipient="1:2", text=text, **fields)


def test_customer_words_with_markup_characters_are_shown_as_typed():
    [call] = render(reply("Added <b>Maggi</b> & 2 kg <i>atta"))
    assert call["parse_mode"] == "HTML"
    assert call["text"] == "Added &lt;b&gt;Maggi&lt;/b&gt; &amp; 2 kg &lt;i&gt;atta"


def test_a_long_reply_arrives_in_parts_each_within_the_limit_and_nothing_lost():
    lines = [f"{n}. Tata Salt 1kg × {n} — ₹28" for n in range(400)]
    calls = render(reply("\n".join(lines), buttons=(Button("checkout", "Order"),)))
    assert len(calls) > 1
    assert all(len(c["text"]) <= TEXT_MAX for c in calls)
    assert "\n".join(c["text"] for c in calls).split("\n") == lines
    assert "reply_markup" in calls[-1] and all("reply_markup" not in c for c in calls[:-1])


def test_a_word_longer_than_the_limit_is_cut_without_losing_characters():
    pieces = split_text("x" * 9000, TEXT_MAX)
    assert [len(p) for p in pieces] == [4096, 4096, 808]


def test_two_short_buttons_share_a_row_and_long_product_names_get_a_row_each():
    short = render(reply("Order?", buttons=(Button("yes", "Yes"), Button("no", "No"))))[0]["reply_markup"]
    assert [[b.callback_data for b in row] for row in short.inline_keyboard] == [["yes", "no"]]
    names = tuple(Button(f"pick:{n}", f"Aashirvaad Shudh Chakki Atta {n} kg") for n in (1, 5, 10))
    long = render(reply("Which one?", buttons=names))[0]["reply_markup"]
    assert [[b.callback_data for b in row] for row in long.inline_keyboard] == [["pick:1"], ["pick:5"], ["pick:10"]]


def test_the_payment_link_is_a_url_button():
    [call] = render(reply("Pay ₹106", link_url="https://rzp.io/i/abc", link_title="Pay now"))
    [[button]] = call["reply_markup"].inline_keyboard
    assert (button.text, button.url) == ("Pay now", "https://rzp.io/i/abc")


def test_asking_for_a_phone_offers_the_share_my_number_button():
    [call] = render(reply("Your number?", meta={"asks": "phone", "share_label": "📱 Share my number"}))
    [[button]] = call["reply_markup"].keyboard
    assert button.request_contact and button.text == "📱 Share my number"
    assert call["reply_markup"].one_time_keyboard
