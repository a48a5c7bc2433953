"""A reply goes out from the WhatsApp number of the store whose outbox row it is, without a query per send."""
from __future__ import annotations

from sqlalchemy import event

from vyaparai.bot.messages import OutboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import Conversation
from vyaparai.orders.customers import get_or_create_customer
from vyaparai.workers.whatsapp_senders import REMEMBER_SECONDS, StoreNumbers

CUSTOMER = "919800011122"


async def two_stores(sessions):
    """Two shops with their own numbers; the customer last wrote to the second."""
    async with sessions() as s, s.begin():
        first = await create_store(s, code="ONE", name="One", owner_phones=["9811100001"],
                                   whatsapp_phone_number_id="PN-ONE")
        second = await create_store(s, code="TWO", name="Two", owner_phones=["9811100002"],
                                    whatsapp_phone_number_id="PN-TWO")
        await s.flush()
        customer = await get_or_create_customer(s, "whatsapp", CUSTOMER)
        s.add(Conversation(store_id=second.id, customer_id=customer.id, channel="whatsapp", recipient=CUSTOMER,
                           state="idle", data={}))
        return first.id, second.id


def reply(store_id: int | None = None, kind: str = "text") -> OutboundMessage:
    meta = {"store_id": store_id} if store_id is not None else {}
    return OutboundMessage(channel="whatsapp", recipient=CUSTOMER, text="hi", kind=kind, meta=meta)


async def test_the_reply_leaves_from_the_number_of_the_store_it_belongs_to(engine, sessions):
    first, second = await two_stores(sessions)
    numbers = StoreNumbers(sessions)
    # The first store's notice goes from its own number, though the customer last wrote to the second.
    assert await numbers(reply(first)) == "PN-ONE"
    assert await numbers(reply(second)) == "PN-TWO"
    # A message that does not say its store: from the store the customer last wrote to.
    assert await numbers(reply()) == "PN-TWO"


async def test_the_map_of_numbers_is_read_once_in_a_while_not_per_send(engine, sessions):
    first, _ = await two_stores(sessions)
    statements = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    now = [0.0]
    numbers = StoreNumbers(sessions, clock=lambda: now[0])
    for _ in range(20):
        assert await numbers(reply(first)) == "PN-ONE"
    assert len([s for s in statements if "store_channels" in s]) == 1
    now[0] += REMEMBER_SECONDS + 1
    await numbers(reply(first))
    assert len([s for s in statements if "store_channels" in s]) == 2
