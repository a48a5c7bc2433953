"""A customer orders through the built-in web chat, end to end, against a real database."""
import asyncio
import html
import re

from sqlalchemy import select

from vyaparai import locales
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage, OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.render import shown_name
from vyaparai.web.chat import HISTORY_LIMIT

from vyaparai.db.models import Order, Product

SESSION = "test-session-0001"


async def say(client, text, *, session=SESSION, button=None, id=None):
    body = {"session": session, "text": text}
    if button:
        body["button"] = button
    if id:
        body["id"] = id
    resp = await client.post("/api/chat/SHOP1", json=body)
    assert resp.status == 200, await resp.text()
    return [r["text"] for r in (await resp.json())["replies"]]


async def stock(services, sku):
    async with services.sessions() as s:
        return await s.scalar(select(Product.stock_milli).where(Product.sku == sku))


async def test_a_customer_orders_in_hinglish_and_the_stock_goes_down(client, services):
    added = "\n".join(await say(client, "2 kilo aata aur 1 maggi"))
    assert "Wheat Atta" in added and "Maggi Masala Noodles 70g" in added
    assert "₹98" in added  # 2 kg × ₹42 + 1 × ₹14
    cart = "\n".join(await say(client, "cart"))
    assert "₹98" in cart
    await say(client, "order")
    await say(client, "yes")
    await say(client, "Flat 4, Shanti Niwas, MG Road, Pune")
    placed = "\n".join(await say(client, "cod"))
    assert "#1001" in placed
    async with services.sessions() as s:
        order = await s.scalar(select(Order))
    assert (order.status, order.payment_method, order.total_paise) == ("pending", "cod", 9800)
    assert order.delivery_address == "Flat 4, Shanti Niwas, MG Road, Pune"
    assert await stock(services, "ATTA-LOOSE") == 48_000
    assert await stock(services, "MAGGI-70") == 99_000


async def test_the_same_message_delivered_twice_changes_nothing(client, services):
    first = await say(client, "3 maggi", id="client-msg-1")
    again = await say(client, "3 maggi", id="client-msg-1")
    assert first and again == []
    cart = "\n".join(await say(client, "cart"))
    assert "× 3" in cart and "₹42" in cart


async def test_empty_huge_and_garbage_messages_get_a_polite_reply(client):
    for text in ["", "   ", "x" * 100_000, "\x00\ufffd🙏🙏🙏 ;;;; @@@@", "asdkjh qwpoeiru zmxncb"]:
        replies = await say(client, text)
        assert replies, f"no reply to {text[:20]!r}"
        assert all(r.strip() for r in replies)


async def test_bad_requests_are_refused_clearly(client):
    resp = await client.post("/api/chat/SHOP1", data=b"{not json", headers={"Content-Type": "application/json"})
    assert resp.status == 400
    resp = await client.post("/api/chat/SHOP1", json={"session": "x", "text": "hi"})
    assert resp.status == 400
    resp = await client.post("/api/chat/NOSUCH", json={"session": SESSION, "text": "hi"})
    assert resp.status == 404


async def test_more_than_is_in_stock_is_capped_and_said(client):
    replies = "\n".join(await say(client, "5 amul butter 100g"))
    assert "3" in replies and "Amul Butter 100g" in replies
    cart = "\n".join(await say(client, "cart"))
    assert "× 3" in cart


async def test_the_shopkeeper_accepts_and_the_customer_is_told(client, services):
    await say(client, "1 kg sugar")
    for text in ["order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]:
        await say(client, text)
    # The shopkeeper answers on their own channel (the terminal here); the customer's chat gets the news.
    async with services.sessions() as s, s.begin():
        inbound_id = await record_inbound(s, InboundMessage(
            channel="terminal", provider_message_id="owner-1", sender="919876543210", text="accept 1001",
            store_code="SHOP1", sender_phone="919876543210"), (await s.scalar(select(Order.store_id))))
    owner_replies = await services.bot.process(inbound_id)
    assert "#1001" in owner_replies[0].text
    resp = await client.get("/api/chat/SHOP1/updates", params={"session": SESSION})
    updates = [r["text"] for r in (await resp.json())["replies"]]
    assert any("#1001" in u and "confirmed" in u for u in updates)


async def test_health_and_readiness(client):
    assert (await client.get("/healthz")).status == 200
    assert (await client.get("/readyz")).status == 200
    metrics = await (await client.get("/metrics")).text()
    assert "vyaparai_http_responses_total" in metrics


async def test_the_chat_page_is_served_with_security_headers(client):
    resp = await client.get("/chat/SHOP1")
    assert resp.status == 200
    assert "Gupta General Store" in await resp.text()
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
    assert (await client.get("/chat/NOSUCH")).status == 404


async def test_two_customers_checking_out_the_last_units_never_oversell(client, services):
    async def buy(session):
        await say(client, "3 amul butter 100 gram", session=session)
        for text in ["order", "yes", "Some address 12345", "cod"]:
            await say(client, text, session=session)

    await asyncio.gather(buy("buyer-one-0001"), buy("buyer-two-0002"))
    assert await stock(services, "AMUL-BUTTER-100") >= 0
    async with services.sessions() as s:
        orders = (await s.scalars(select(Order))).all()
    assert sum(o.total_paise for o in orders) <= 3 * 6000


async def test_two_first_messages_at_once_are_both_answered(client):
    greeting, added = await asyncio.gather(say(client, "hello", session="brand-new-0001"),
                                           say(client, "2 maggi", session="brand-new-0001"))
    # Replies belong to the chat session, not to one request: whichever answer comes back first may
    # carry both, and none is lost or repeated.
    assert len(greeting + added) >= 2 and len(set(greeting + added)) == len(greeting + added)
    cart = "\n".join(await say(client, "cart", session="brand-new-0001"))
    assert "Maggi" in cart


async def test_when_two_products_fit_the_bot_asks_which_and_takes_the_number(client):
    question = "\n".join(await say(client, "amul butter"))
    assert "1)" in question and "2)" in question and "Amul Butter 500g" in question
    picked = "\n".join(await say(client, "2"))
    assert "Amul Butter 500g" in picked and "₹285" in picked


async def test_remove_change_and_clear_the_cart(client):
    await say(client, "2 maggi aur 1 kilo cheeni")
    changed = "\n".join(await say(client, "maggi 5 kar do"))
    assert "× 5" in changed
    removed = "\n".join(await say(client, "remove maggi"))
    assert "Maggi" in removed and "Sugar" in removed.split("Maggi", 1)[1]
    assert "Maggi" not in "\n".join(await say(client, "cart")).split("\n", 1)[1]
    assert await say(client, "clear cart")
    assert "Sugar" not in "\n".join(await say(client, "cart"))


async def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    resp = await client.get("/favicon.ico")
    assert resp.status == 200 and resp.content_type == "image/svg+xml"
    assert "<svg" in await resp.text()


async def history(client, session=SESSION, store="SHOP1"):
    resp = await client.get(f"/api/chat/{store}/history", params={"session": session})
    assert resp.status == 200, await resp.text()
    return [(m["from"], m["text"]) for m in (await resp.json())["messages"]]


async def test_a_reloaded_chat_gets_both_sides_of_the_conversation_back_in_order(client):
    added = await say(client, "2 maggi")
    cart = await say(client, "cart")
    assert await history(client) == [("me", "2 maggi"), *[("bot", t) for t in added],
                                     ("me", "cart"), *[("bot", t) for t in cart]]


async def test_a_reloaded_chat_keeps_the_last_replys_buttons(client):
    await say(client, "1 kilo cheeni")
    resp = await client.get("/api/chat/SHOP1/history", params={"session": SESSION})
    last = (await resp.json())["messages"][-1]
    assert last["from"] == "bot" and "Sugar" in last["text"]
    assert [b["id"] for b in last["buttons"]] == ["checkout", "cart"]


async def test_a_chat_history_never_shows_another_sessions_messages(client):
    await say(client, "2 maggi", session="shopper-0001")
    # A session whose id starts with the first one's is still someone else.
    await say(client, "1 kilo cheeni", session="shopper-0001-b")
    mine = "\n".join(text for _, text in await history(client, "shopper-0001"))
    theirs = "\n".join(text for _, text in await history(client, "shopper-0001-b"))
    assert "Maggi" in mine and "cheeni" not in mine and "Sugar" not in mine
    assert "Sugar" in theirs and "maggi" not in theirs and "Maggi" not in theirs
    assert await history(client, "never-spoke-0001") == []


async def test_a_chat_history_shows_a_later_reply_once_after_it_was_taken(client, services, shop):
    await say(client, "2 maggi")
    async with services.sessions() as s, s.begin():
        queue_replies(s, shop.id, [OutboundMessage(channel="web", recipient=SESSION, text="Your order #1001 is packed.",
                                                   kind="notification")])
    # Not yet taken: the page's poll of /updates shows it, so the history must not as well.
    assert ("bot", "Your order #1001 is packed.") not in await history(client)
    resp = await client.get("/api/chat/SHOP1/updates", params={"session": SESSION})
    assert [r["text"] for r in (await resp.json())["replies"]] == ["Your order #1001 is packed."]
    assert (await history(client)).count(("bot", "Your order #1001 is packed.")) == 1


async def test_a_chat_history_holds_only_the_newest_messages(client):
    await say(client, "hello")
    for _ in range(31):
        await say(client, "cart")
    await say(client, "2 maggi")
    shown = await history(client)
    assert len(shown) == HISTORY_LIMIT
    assert ("me", "hello") not in shown and shown[-2] == ("me", "2 maggi")


async def test_a_chat_history_refuses_a_bad_session_and_an_unknown_store(client):
    for params in ({"session": "x"}, {"session": "has spaces in it"}, {}):
        resp = await client.get("/api/chat/SHOP1/history", params=params)
        assert resp.status == 400 and "session" in (await resp.json())["error"]
    resp = await client.get("/api/chat/NOSUCH/history", params={"session": SESSION})
    assert resp.status == 404


async def test_the_chat_page_greets_in_the_browsers_language_with_examples_to_tap(client):
    tamil = await (await client.get("/chat/SHOP1", headers={"Accept-Language": "ta-IN,ta;q=0.9,en;q=0.8"})).text()
    greeting = html.unescape(re.search(r'class="msg bot greeting">([^<]*)', tamil).group(1))
    assert "Gupta General Store" in greeting and re.search("[\u0b80-\u0bff]", greeting)
    tamil_examples = examples_on(tamil)
    assert any(re.search("[\u0b80-\u0bff]", e) for e in tamil_examples)
    assert any(re.search("[\u0900-\u097f]", e) for e in tamil_examples)  # Hindi is always offered
    assert any(e.isascii() for e in tamil_examples)  # and English
    english = examples_on(await (await client.get("/chat/SHOP1")).text())
    assert english[0].isascii() and any(re.search("[\u0900-\u097f]", e) for e in english)


async def test_every_example_the_page_offers_is_understood(client):
    for lang in ("en", "hi", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa"):
        page = await (await client.get("/chat/SHOP1", headers={"Accept-Language": lang})).text()
        order, ask = examples_on(page)[:2]
        session = f"example-{lang}-0001"
        added = "\n".join(await say(client, order, session=session))
        for name in ("Wheat Atta (loose, per kg)", "Sugar (loose, per kg)"):  # named in the reply's language
            assert any(shown_name(other, name, True) in added for other in locales.SUPPORTED), (lang, order, added)
        assert "•" in "\n".join(await say(client, ask, session=session)), (lang, ask)  # the help list


def examples_on(page: str) -> list[str]:
    return [html.unescape(e) for e in re.findall(r'<button type="button" data-text="([^"]*)"', page)]
