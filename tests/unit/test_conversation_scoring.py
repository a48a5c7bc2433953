"""How a finished chat is judged: the order it ended in, in base units; replies' script; never-SKUs."""
from vyaparai.cli.conversation_scoring import ChatResult, Exchange, judge, script_share, summary

CATALOG = {
    "SUGAR": {"sku": "SUGAR", "name": "Sugar (loose, per kg)", "unit": "kg", "pack_size": "1"},
    "MAGGI": {"sku": "MAGGI", "name": "Maggi Noodles 70g", "unit": "g", "pack_size": "70"},
}


def chat(expect, turns=({"text": "x"},)):
    return {"id": "cv-hi-1", "lang": "hi", "turns": list(turns), "expect": expect}


def ended_with(items, payment="cod", address="12 Gali 4, Delhi", replies=("ठीक है",)):
    r = ChatResult(id="cv-hi-1", lang="hi", exchanges=[Exchange("x", list(replies))])
    r.orders = [{"number": 1001, "items": items, "payment_method": payment, "delivery_address": address}]
    return r


def test_quantities_are_compared_in_base_units():
    r = ended_with([{"sku": "SUGAR", "qty": 500, "unit": "g"}, {"sku": "MAGGI", "qty": 2, "unit": "pack"}])
    judge(chat({"order": {"items": [{"sku": "SUGAR", "qty": 0.5, "unit": "kg"},
                                    {"sku": "MAGGI", "qty": 2, "unit": "pack"}], "payment": "cod"}}), r, CATALOG)
    assert r.passed, r.problems


def test_a_wrong_amount_payment_or_address_fails_the_chat_and_says_why():
    r = ended_with([{"sku": "SUGAR", "qty": 2, "unit": "kg"}], payment="upi", address="Pune")
    judge(chat({"order": {"items": [{"sku": "SUGAR", "qty": 0.5, "unit": "kg"}], "payment": "cod",
                          "address_has": "Delhi"}}), r, CATALOG)
    assert len(r.problems) == 3
    assert any("SUGAR: 2" in p for p in r.problems) and any("paid online" in p for p in r.problems)


def test_no_order_expected_and_never_skus():
    r = ended_with([{"sku": "MAGGI", "qty": 1, "unit": "pack"}])
    judge(chat({"order": None, "never_sku": ["MAGGI"]}), r, CATALOG)
    assert len(r.problems) == 2


def test_replies_must_be_mainly_in_the_customers_script_not_counting_product_names():
    assert script_share("आपका कार्ट: 2 kg", "Devanagari") > 0.8
    r = ended_with([], replies=("Maggi Noodles 70g जोड़ दिया",))
    r.exchanges.insert(0, Exchange("hi", ["Welcome"]))  # the first reply is not judged
    judge(chat({"reply_script": "Devanagari"}, turns=({"text": "a"}, {"text": "b"})), r, CATALOG)
    assert r.passed, r.problems
    r = ended_with([], replies=("Added to your cart",))
    r.exchanges.insert(0, Exchange("hi", ["Welcome"]))
    judge(chat({"reply_script": "Devanagari"}, turns=({"text": "a"}, {"text": "b"})), r, CATALOG)
    assert not r.passed


def test_reply_has_and_the_summary_per_language():
    r = ended_with([], replies=("Maggi ₹14",))
    judge(chat({}, turns=({"text": "maggi kitne ki", "reply_has": ["₹14"], "reply_not_has": ["added"]},)), r, CATALOG)
    assert r.passed
    bad = ChatResult(id="cv-ta-1", lang="ta", problems=["x"])
    s = summary([r, bad])
    assert (s["chats"], s["passed"], s["by_lang"]["ta"]["pass_rate"]) == (2, 1, 0.0)
