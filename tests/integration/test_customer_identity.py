"""One customer across channels by a phone number the provider vouches for, never by one typed in a chat."""
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
