"""The bot obeys the store's rules (through the web chat; the bot is the same on every channel): a paused store,
opening hours, a minimum order, a delivery charge, the ways to pay."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from tests.e2e.test_chat_checkout_dialogue import Chat, orders
from tests.e2e.test_owner_chat import owner
from vyaparai.db.models import CartItem, Customer, OutboxMessage, Store

MON_SAT_8_TO_21 = {d: [["08:00", "21:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}
ADDRESS = "Flat 4, Shanti Niwas, MG Road, Pune"


class Clock:
    """India time for the bot, a second later at every message (as a real chat is)."""

    def __init__(self, day: int, hh: int, mm: int = 0):
        # 2026-06-01 is a Monday; India is UTC+5:30.
        self.at = datetime(2026, 6, day, tzinfo=UTC) + timedelta(minutes=hh * 60 + mm - 330)

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


async def set_rules(services, **columns) -> None:
    """What `vyaparai store update` / the panel would have set: the store row's columns."""
    async with services.sessions() as s, s.begin():
        store = await s.scalar(select(Store).where(Store.code == "SHOP1"))
        for name, value in columns.items():
            setattr(store, name, value)


async def cart_lines(services) -> int:
    async with services.sessions() as s:
        return await s.scalar(select(func.count()).select_from(CartItem))


async def owner_alerts(services) -> list[str]:
    async with services.sessions() as s:
        rows = await s.scalars(select(OutboxMessage).where(OutboxMessage.channel == "whatsapp"))
        return [m.payload["text"] for m in rows]


# --- a paused store -------------------------------------------------------------------------------------------

async def test_a_paused_store_answers_every_chat_politely_and_takes_no_order(client, services):
    chat = Chat(client)
    await chat.send("2 kg atta and 1 maggi")
    await chat.send("order")  # a checkout under way when the store is paused
    await set_rules(services, status="paused")
    for text in ("yes", "hi", "3 maggi", "cash"):
        reply = await chat.send(text)
        assert "Gupta General Store is closed for now and is not taking orders" in reply, (text, reply)
        assert "#10" not in reply
    assert await orders(services) == []
    assert await cart_lines(services) == 2  # the cart is kept for when the store is back


async def test_the_paused_store_greets_in_the_customers_language(client, services):
    await set_rules(services, status="paused")
    reply = await Chat(client).send("namaste, 2 kilo cheeni chahiye")
    assert "Gupta General Store abhi kuch samay ke liye band hai" in reply


async def test_a_store_not_verified_yet_takes_no_order_either(client, services):
    await set_rules(services, status="pending")
    assert "not taking orders" in await Chat(client).send("3 maggi")


async def test_after_resuming_the_same_chat_places_the_order(client, services):
    chat = Chat(client)
    await set_rules(services, status="paused")
    await chat.send("3 maggi")
    await set_rules(services, status="active")
    await chat.send("3 maggi")
    await chat.send("order")
    await chat.send("yes")
    await chat.send(ADDRESS)
    assert "#1001" in await chat.send("cash")


async def test_the_owner_still_runs_a_paused_store_by_chat(client, services):
    await set_rules(services, status="paused")
    assert "not taking orders" not in await owner(services, "today")
    assert await owner(services, "today")  # the owner's commands answer as always


async def test_a_placed_order_can_still_be_followed_at_a_paused_store(client, services):
    chat = Chat(client)
    for text in ("3 maggi", "order", "yes", ADDRESS):
        await chat.send(text)
    assert "mobile number" in await chat.send("cash")  # the web chat asks for a number to call
    await set_rules(services, status="paused")
    assert "not taking orders" not in await chat.send("98111 22334")
    assert "#1001" in await chat.send("where is my order")
    [order] = await orders(services)
    async with services.sessions() as s:
        assert (await s.get(Customer, order.customer_id)).phone == "919811122334"


# --- opening hours --------------------------------------------------------------------------------------------

async def test_outside_hours_the_customer_hears_when_the_shop_opens_and_the_cart_waits(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21)
    services.bot.clock = Clock(1, 22, 30)  # Monday night
    chat = Chat(client)
    first = await chat.send("2 kg atta")
    assert "the shop is closed right now. It opens tomorrow at 8:00." in first
    assert "Added 2 kg" in first  # the cart still fills
    refused = await chat.send("order")
    assert "It opens tomorrow at 8:00" in refused and "place the order when the shop is open" in refused
    assert chat.button_ids() != ["yes", "no"]  # no confirm question: nothing to say yes to
    assert await orders(services) == [] and await cart_lines(services) == 1


async def test_on_saturday_night_the_shop_opens_on_monday(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21)
    services.bot.clock = Clock(6, 22)  # Saturday night; Sunday is not in the hours
    assert "It opens on Monday at 8:00." in await Chat(client).send("hello")


async def test_the_opening_time_is_said_in_hindi(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21)
    services.bot.clock = Clock(6, 22)
    assert "सोमवार को 8:00 बजे खुलेगी" in await Chat(client).send("नमस्ते")


async def test_a_shop_that_takes_orders_when_closed_places_it_for_when_it_opens(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21, orders_when_closed=True)
    services.bot.clock = Clock(1, 23)
    chat = Chat(client)
    await chat.send("3 maggi")
    confirm = await chat.send("order")
    assert "It opens tomorrow at 8:00" in confirm and "You can still order now" in confirm
    await chat.send("yes")
    await chat.send(ADDRESS)
    placed = await chat.send("cash")
    assert "#1001" in placed and "your order will be prepared when it opens" in placed
    assert [o.number for o in await orders(services)] == [1001]
    assert any("Order #1001 came in while the shop is closed" in a for a in await owner_alerts(services))


async def test_inside_hours_nothing_is_said_about_them(client, services):
    await set_rules(services, opening_hours=MON_SAT_8_TO_21)
    services.bot.clock = Clock(2, 11)
    chat = Chat(client)
    for text in ("3 maggi", "order", "yes", ADDRESS):
        assert "closed" not in await chat.send(text)
    assert "#1001" in await chat.send("cash")


# --- minimum order --------------------------------------------------------------------------------------------

async def test_a_cart_below_the_minimum_is_refused_with_the_amount_still_needed(client, services):
    await set_rules(services, min_order_paise=20000)
    chat = Chat(client)
    await chat.send("2 kg atta and 1 maggi")  # ₹84 + ₹14
    refused = await chat.send("order")
    assert "The minimum order here is ₹200: please add ₹102 more." in refused
    assert await cart_lines(services) == 2 and await orders(services) == []
    await chat.send("1 amul butter 500 gram")  # ₹285 more
    assert "Shall I place this order? Total ₹383." in await chat.send("order")


async def test_taking_the_cart_below_the_minimum_mid_checkout_stops_the_confirm(client, services):
    await set_rules(services, min_order_paise=10000)
    chat = Chat(client)
    await chat.send("2 kg atta and 2 maggi")  # ₹112
    await chat.send("order")
    reply = await chat.send("remove maggi")
    assert "please add ₹16 more" in reply
    assert await orders(services) == []


# --- delivery charge ------------------------------------------------------------------------------------------

async def test_the_delivery_charge_is_in_the_confirm_question_and_the_order_total(client, services):
    await set_rules(services, delivery_charge_paise=3000, free_delivery_above_paise=50000)
    chat = Chat(client)
    await chat.send("2 kg atta and 1 maggi")
    confirm = await chat.send("order")
    for line in ("Subtotal: ₹98", "Delivery: ₹30", "Total: ₹128", "Free delivery above ₹500: add ₹402 more.",
                 "Shall I place this order? Total ₹128."):
        assert line in confirm, confirm
    await chat.send("yes")
    await chat.send(ADDRESS)
    assert "Total ₹128" in await chat.send("cash")
    [order] = await orders(services)
    assert (order.subtotal_paise, order.delivery_fee_paise, order.total_paise) == (9800, 3000, 12800)


async def test_the_cart_and_the_total_question_count_the_delivery_charge_too(client, services):
    await set_rules(services, delivery_charge_paise=3000, free_delivery_above_paise=50000)
    chat = Chat(client)
    added = await chat.send("2 kg atta and 1 maggi")
    assert "Delivery: ₹30" in added and "Total: ₹128" in added, added
    cart = await chat.send("cart")
    assert "Delivery: ₹30" in cart and "Total: ₹128" in cart, cart
    assert "₹128" in await chat.send("what is my total?")


async def test_delivery_is_free_above_the_amount(client, services):
    await set_rules(services, delivery_charge_paise=3000, free_delivery_above_paise=50000)
    chat = Chat(client)
    await chat.send("2 amul butter 500 gram")  # ₹570
    confirm = await chat.send("order")
    assert "Delivery: free" in confirm and "Total: ₹570" in confirm and "add ₹" not in confirm
    for text in ("yes", ADDRESS, "cash"):
        await chat.send(text)
    [order] = await orders(services)
    assert (order.delivery_fee_paise, order.total_paise) == (0, 57000)


async def test_a_store_without_a_delivery_charge_shows_the_cart_as_always(client, services):
    chat = Chat(client)
    await chat.send("3 maggi")
    confirm = await chat.send("order")
    assert "Total: ₹42" in confirm and "Subtotal" not in confirm and "Delivery" not in confirm


# --- the ways to pay (no payment gateway in this process) -----------------------------------------------------

async def test_a_cash_only_store_says_so_instead_of_asking(client, services):
    await set_rules(services, online_enabled=False)
    chat = Chat(client)
    for text in ("3 maggi", "order", "yes"):
        await chat.send(text)
    placed = await chat.send(ADDRESS)
    assert "This shop takes cash on delivery only." in placed and "#1001" in placed
    assert [o.payment_method for o in await orders(services)] == ["cod"]


async def test_asking_to_pay_online_at_a_cash_only_store_is_told_and_offered_cash(client, services):
    await set_rules(services, online_enabled=False)
    chat = Chat(client)
    await chat.send(ADDRESS)  # given early: the checkout will not ask for it
    await chat.send("3 maggi")
    await chat.send("pay online")
    told = await chat.send("yes")
    assert "can't take online payment" in told and chat.button_ids() == ["pay:cod"]
    assert await orders(services) == []
    assert "#1001" in await chat.tap(1)
    assert [o.payment_method for o in await orders(services)] == ["cod"]


async def test_both_ways_off_is_taken_as_cash(client, services):
    await set_rules(services, online_enabled=False, cod_enabled=False)
    chat = Chat(client)
    for text in ("3 maggi", "order", "yes"):
        await chat.send(text)
    assert "#1001" in await chat.send(ADDRESS)
    assert [o.payment_method for o in await orders(services)] == ["cod"]
