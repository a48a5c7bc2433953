"""SMS replies: choices numbered, no emoji, within the segment budget by saying less (never a word cut)."""
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.sms.render import render
from vyaparai.channels.sms.segments import cost


def sms(text: str, buttons=(), **kw) -> OutboundMessage:
    return OutboundMessage(channel="sms", recipient="919812345678", text=text, buttons=tuple(buttons), **kw)


def test_segments_are_160_gsm_characters_or_70_in_an_indian_script():
    assert cost("a" * 160).segments == 1 and cost("a" * 161).segments == 2
    assert cost("a" * 306).segments == 2 and cost("a" * 307).segments == 3
    assert cost("क" * 70) == cost("क" * 70) and cost("क" * 70).segments == 1 and cost("क" * 71).segments == 2
    assert cost("[" * 80).segments == 1 and cost("[" * 81).segments == 2  # extension characters cost two


def test_buttons_become_numbered_choices_and_emoji_are_left_out():
    text = render(sms("🛒 Added 2 kg sugar ✅", [Button("checkout", "Place order"), Button("cart", "View cart")]))
    assert text.splitlines() == ["Added 2 kg sugar", "1) Place order", "2) View cart"]


def test_an_english_reply_is_written_in_gsm_letters_so_it_costs_160_a_segment():
    text = render(sms("Total: ₹134 — say “order”…"))
    assert text == 'Total: Rs.134 - say "order"...' and cost(text).encoding == "gsm7"


def test_a_hindi_reply_stays_in_its_script():
    text = render(sms("कुल: ₹134 — ऑर्डर करें?"))
    assert text == "कुल: ₹134 — ऑर्डर करें?" and cost(text).encoding == "ucs2"


def test_a_long_cart_is_shortened_to_three_segments_keeping_the_total_and_the_choices():
    lines = [f"{n}. चीनी बहुत बढ़िया वाली × {n} किलो — ₹{46 * n}" for n in range(1, 12)]
    message = sms("\n".join(["आपका कार्ट:", *lines, "कुल: ₹3036", "ऑर्डर करने के लिए “ऑर्डर” लिखें।"]),
                  [Button("checkout", "ऑर्डर करें"), Button("cart", "कार्ट देखें")])
    text = render(message)
    assert cost(text).segments <= 3
    assert "कुल: ₹3036" in text and text.endswith("1) ऑर्डर करें\n2) कार्ट देखें")
    assert "1. चीनी" in text and "11. चीनी" not in text and "+" in text  # "+N ..." says how many were left out
    assert all(line in message.text or line.startswith(("+", "1)", "2)")) for line in text.splitlines())


def test_product_choices_are_never_left_out_and_a_long_line_loses_whole_words():
    options = [f"{n}) Amul Taaza Toned Milk Pouch {n} litre — ₹{30 * n}" for n in range(1, 5)]
    message = sms("\n".join(["Which milk did you mean? " + "We have many kinds of it today " * 10, *options]),
                  [Button(f"pick:{n}", f"Milk {n}") for n in range(1, 5)])
    text = render(message, max_segments=2)
    assert cost(text).segments <= 2
    assert all(option.replace("—", "-").replace("₹", "Rs.") in text for option in options)
    first = text.splitlines()[0]
    assert first.endswith("...") and all(word in message.text for word in first[:-3].split())


def test_a_payment_link_is_kept_whole():
    text = render(sms("Pay ₹134 for order #1001", link_url="https://rzp.io/i/AbC123", link_title="Pay now"))
    assert text.endswith("Pay now https://rzp.io/i/AbC123")
