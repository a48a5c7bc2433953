"""What a message means right after the customer asked a question: "aur Horlicks?" asks the same of another
product; "theek hai, 2 de do" orders the product the question was about."""
from __future__ import annotations

from dataclasses import replace

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import key
from vyaparai.nlu.types import ItemMention, Size, Understanding

ASKED = "asked"  # conversation.data key: the question the last message asked, for a follow-up "and X?"
ASKED_ABOUT = "asked_about"  # ... and the one product it asked about, for "ok, give 2"


def follow_up(u: Understanding, asked_before: str | None) -> Understanding:
    """"Maggi kitne ka hai?" then "aur Horlicks?": a short question right after one asks the same of the new item."""
    if (asked_before in ("ask_price", "ask_stock") and u.intent == "add_items" and u.text.rstrip().endswith("?")
            and all(m.qty is None for m in u.items)):
        return replace(u, intent=asked_before)
    return u


def question_after_question(u: Understanding, about: dict | None, index: ProductIndex) -> Understanding:
    """"Amul butter hai?" then "how much is the 500 g one?", "kitne ka hai?", "விலை?": a question naming no product,
    right after one about a product, asks about that product (the size said picks its pack). A question with
    a word for the bill ("total kitna hua?") still reads as the bill."""
    if not about or u.items or u.intent not in ("ask_price", "ask_total", "ask_stock"):
        return u
    joined = understand(f"{about['text']} {u.text}", index.vocabulary())
    if joined.intent not in ("ask_price", "ask_stock") or len(joined.items) != 1:
        return u
    return replace(u, intent=joined.intent, items=joined.items, sure_items=True)


def asked_about(u: Understanding, index: ProductIndex) -> dict | None:
    """The one product a question asked about: its words, and the product when they named it for sure."""
    if len(u.items) != 1:
        return None
    match = index.match(u.items[0])
    if match.decision != "matched":
        return {"text": u.items[0].text}
    p, said = match.product, u.items[0]
    return {"text": said.text, "sku": p.sku, "name": p.name, "size": [float(p.pack_base), p.base_unit],
            "qty": said.qty, "unit": said.unit}


def narrowed_to_asked(u: Understanding, about: dict | None, index: ProductIndex) -> Understanding:
    """"Dahi hai?" (several curds listed) then "2 of the amul one" / "अमूल वाला दो": a brand or a word alone that
    names many products is read among the products the answer was about - the one product both sets of words
    name together (Amul's curd, not "which Amul?" over all of Amul)."""
    if not about or u.intent not in ("add_items", "change_quantity") or len(u.items) != 1:
        return u
    item = u.items[0]
    alone = index.match(item, limit=20)
    if alone.decision != "ambiguous":
        return u
    joined = replace(item, text=f"{about['text']} {item.text}", key=f"{key(about['text'])} {item.key}")
    found = index.match(joined)
    if found.decision != "matched" or all(r.sku != found.product.sku for r, _ in alone.candidates):
        return u
    return replace(u, items=(joined,))


def order_after_question(u: Understanding, about: dict | None, index: ProductIndex) -> Understanding:
    """"Tata salt kitne ka hai?" then "theek hai, 2 de do" / "ok give 2": an amount with no product, right after
    a question about one product, orders that product (the amount read with the question's words)."""
    if not about or u.items or u.intent not in ("yes", "unknown", "change_quantity"):
        return u
    joined = understand(f"{about['text']} {u.text}", index.vocabulary())
    if joined.intent not in ("add_items", "change_quantity") or len(joined.items) != 1 or not joined.items[0].qty:
        return u
    item = joined.items[0]
    if about.get("sku"):  # the product the answer was about ("Parle-G 250 g"), not its words' other packs
        named = replace(item, text=about["name"], key=key(about["name"]), size=Size(*about["size"]), size_hint=None,
                        size_number=None)
        found = index.match(named)
        item = named if found.decision == "matched" and found.product.sku == about["sku"] else item
    return replace(u, intent="add_items", items=(item,), sure_items=True, count=None, choice=None)


def yes_after_asking(u: Understanding, asked_before: str | None, about: dict | None) -> Understanding:
    """"2 Horlicks milenge?" / "ஹார்லிக்ஸ் இருக்கா?" answered "yes, we have it", then "ok", "சரி, போடுங்க",
    "হ্যাঁ দিন": a yes naming nothing takes the product asked about, in the amount the question said (one pack
    when it said none). After a price question only an amount asked about is taken ("2 kg cheeni kitne ki?")."""
    if u.intent != "yes" or u.items or not about or not about.get("sku"):
        return u
    if asked_before != "ask_stock" and not (asked_before == "ask_price" and about.get("qty")):
        return u
    item = ItemMention(text=about["name"], key=key(about["name"]), qty=about.get("qty") or 1,
                       unit=about.get("unit"), size=Size(*about["size"]))
    return replace(u, intent="add_items", items=(item,), sure_items=True)
