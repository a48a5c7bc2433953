"""Replies fit every WhatsApp limit: buttons, lists, links, long texts degrade instead of being refused."""
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.whatsapp.render import render


def out(text="Aapka cart", buttons=(), **kw) -> OutboundMessage:
    return OutboundMessage(channel="whatsapp", recipient="919812345678", text=text, buttons=tuple(buttons), **kw)


def test_plain_text_is_a_text_message():
    assert render(out("namaste")) == {"type": "text", "text": {"body": "namaste", "preview_url": False}}


def test_a_text_longer_than_4096_characters_is_cut_with_an_ellipsis():
    body = render(out("क" * 5000))["text"]["body"]
    assert len(body) == 4096 and body.endswith("…")


def test_up_to_three_choices_are_reply_buttons_with_short_titles():
    msg = render(out(buttons=[Button("yes", "Haan, order karo"), Button("no", "Nahi"),
                              Button("x" * 300, "A very long button title indeed")]))
    inter = msg["interactive"]
    assert inter["type"] == "button" and inter["body"]["text"] == "Aapka cart"
    replies = [b["reply"] for b in inter["action"]["buttons"]]
    assert [r["title"] for r in replies] == ["Haan, order karo", "Nahi", "A very long button…"]
    assert all(len(r["title"]) <= 20 for r in replies)
    assert len(replies[2]["id"]) == 256


def test_four_to_ten_choices_become_a_list_keeping_long_names_in_the_description():
    names = ["Aashirvaad Shudh Chakki Atta 10 kg", "Maggi 70 g", "Tata Salt", "Amul Butter"]
    msg = render(out("Kaunsa?", [Button(f"pick:{i}", n) for i, n in enumerate(names, 1)]))
    inter = msg["interactive"]
    assert inter["type"] == "list" and len(inter["action"]["button"]) <= 20
    rows = inter["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == ["pick:1", "pick:2", "pick:3", "pick:4"]
    assert rows[0]["title"] == "Aashirvaad Shudh Chakki…" and len(rows[0]["title"]) <= 24
    assert rows[0]["description"] == names[0]
    assert "description" not in rows[1]


def test_descriptions_stop_at_72_characters():
    long_name = "Fortune Premium Kachi Ghani Pure Mustard Oil, Pouch, 1 litre, pack of 12, family saver"
    buttons = [Button(f"pick:{i}", long_name) for i in range(5)]
    rows = render(out("?", buttons))["interactive"]["action"]["sections"][0]["rows"]
    assert all(len(r["description"]) <= 72 and r["description"].endswith("…") for r in rows)


def test_the_list_button_label_can_be_chosen_and_is_kept_short():
    buttons = [Button(f"pick:{i}", f"Item {i}") for i in range(5)]
    msg = render(out("?", buttons, meta={"list_button": "विकल्प देखें और चुनें अभी यहाँ"}))
    assert len(msg["interactive"]["action"]["button"]) == 20


def test_more_than_ten_choices_become_plain_text_the_customer_can_answer_by_typing():
    text = "\n".join(f"{i}. Item {i}" for i in range(1, 13))
    msg = render(out(text, [Button(f"pick:{i}", f"Item {i}") for i in range(1, 13)]))
    assert msg["type"] == "text"
    assert "12. Item 12" in msg["text"]["body"]


def test_buttons_on_a_text_too_long_for_an_interactive_body_fall_back_to_text_with_hints():
    text = "Naya order #1042\n" + "\n".join(f"{i} x Product {i}" for i in range(80))
    msg = render(out(text, [Button("accept:1042", "Accept"), Button("reject:1042", "Reject")]))
    assert msg["type"] == "text"
    body = msg["text"]["body"]
    assert "79 x Product 79" in body and "[Accept]" in body and "[Reject]" in body


def test_a_payment_link_is_a_call_to_action_button():
    msg = render(out("₹490 ka bhugtan karein", link_url="https://rzp.io/i/abc", link_title="Pay ₹490 now with UPI"))
    inter = msg["interactive"]
    assert inter["type"] == "cta_url"
    assert inter["action"]["parameters"] == {"display_text": "Pay ₹490 now with U…", "url": "https://rzp.io/i/abc"}


def test_a_link_with_buttons_too_is_sent_as_text_with_both():
    msg = render(out("Pay", [Button("pay:cod", "Cash")], link_url="https://rzp.io/i/abc", link_title="Pay"))
    assert msg["type"] == "text"
    assert "https://rzp.io/i/abc" in msg["text"]["body"] and "[Cash]" in msg["text"]["body"]


def test_an_empty_text_with_buttons_still_has_a_body():
    msg = render(out("  ", [Button("yes", "Yes")]))
    assert msg["interactive"]["body"]["text"]


def test_a_template_carries_the_text_on_one_line_and_the_buttons_as_quick_reply_payloads():
    text = "🛒 New order #1001\n• Sugar × 2 kg — ₹92\n\nTotal   ₹92\tCOD"
    msg = render(out(text, [Button("accept:1001", "Accept"), Button("reject:1001", "Reject")],
                     meta={"template": {"name": "order_alert", "language": "hi", "params": [text]}}))
    assert msg["type"] == "template"
    template = msg["template"]
    assert (template["name"], template["language"]) == ("order_alert", {"code": "hi"})
    body, accept, reject = template["components"]
    assert body["parameters"] == [{"type": "text", "text": "🛒 New order #1001 · • Sugar × 2 kg — ₹92 · Total ₹92 COD"}]
    assert (accept["sub_type"], accept["index"], accept["parameters"][0]["payload"]) == ("quick_reply", "0",
                                                                                          "accept:1001")
    assert reject["parameters"][0]["payload"] == "reject:1001"


def test_a_long_template_parameter_is_cut():
    msg = render(out("x", meta={"template": {"name": "t", "params": ["word " * 400]}}))
    param = msg["template"]["components"][0]["parameters"][0]["text"]
    assert len(param) <= 900 and param.endswith("…")
