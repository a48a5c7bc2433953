"""One customer across channels by a phone number the provider vouches for, never by one typed in a chat."""
import asyncio

from sqlalchemy import func, select

from vyaparai.db.models import Customer
from vyaparai.orders.customers import get_or_create_customer


async def test_the_same_phone_on_sms_after_whatsapp_is_the_same_customer(sessions):
    async with sessions() as s, s.begin():
        on_whatsapp = await get_or_create_customer(s, "whatsapp", "919811112222", phone="919811112222")
        on_sms = await get_or_create_customer(s, "sms", "+919811112222", phone="919811112222")
    assert on_sms.id == on_whatsapp.id


async def test_a_phone_typed_in_the_web_chat_never_joins_someone_elses_whatsapp(sessions):
    async with sessions() as s, s.begin():
        web = await get_or_create_customer(s, "web", "some-browser-session")
        web.phone = "919833334444"  # typed at the checkout: anyone can type any number
        whatsapp = await get_or_create_customer(s, "whatsapp", "919833334444", phone="919833334444")
    assert whatsapp.id != web.id


async def test_two_first_messages_at_once_make_one_customer(sessions):
    """A webhook retry racing the first delivery: one customer, both turns go on (on PostgreSQL the second
    INSERT waits for the first transaction and then does nothing; SQLite takes one writer at a time)."""
    first_in = asyncio.Event()

    async def first_contact(hold: bool):
        async with sessions() as s, s.begin():
            customer = await get_or_create_customer(s, "whatsapp", "919855556666", phone="919855556666")
            if hold:
                first_in.set()
                await asyncio.sleep(0.3)  # the other turn runs into our uncommitted identity meanwhile
            return customer.id

    async def second_contact():
        await first_in.wait()
        return await first_contact(hold=False)

    ids = await asyncio.gather(first_contact(hold=True), second_contact())
    assert ids[0] == ids[1]
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Customer)) == 1
