"""The owner logs in to the panel with a one-time code sent to their phone on the shop's WhatsApp."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.e2e.conftest import OWNER_PHONE
from tests.e2e.test_panel import csrf_of
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.config import Settings
from vyaparai.db.models import OutboxMessage, PanelLoginCode, StoreChannel
from vyaparai.web.app import create_app
from vyaparai.web.keys import JOBS
from vyaparai.workers.services import Services

SHOP_NUMBER = "1122334455667"  # the shop's WhatsApp phone-number id
STRANGER = "919811100000"
ON_ITS_WAY = "If this number owns a store, a code is on its way"
NO_WHATSAPP = "WhatsApp is not set up for this panel yet"


@pytest.fixture
async def services(database_url, graph):  # noqa: F811
    services = Services.create(Settings(database_url=database_url, whatsapp_token="test-token",
                                        whatsapp_api_base_url=graph.base_url))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    async with services.sessions() as s, s.begin():
        s.add(StoreChannel(store_id=shop.id, channel="whatsapp", external_id=SHOP_NUMBER))
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


async def ask_for_code(client, phone=OWNER_PHONE):
    token = await csrf_of(client, "/panel/login/code")
    resp = await client.post("/panel/login/code", data={"csrf": token, "phone": phone}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login/code/enter"
    return await (await client.get("/panel/login/code/enter")).text()


async def enter_code(client, code):
    token = await csrf_of(client, "/panel/login/code/enter")
    return await client.post("/panel/login/code/enter", data={"csrf": token, "code": code}, allow_redirects=False)


async def code_sent(graph, count=1):  # noqa: F811
    messages = await graph.wait_for(OWNER_PHONE, count)
    assert len(messages) == count
    return re.search(r"\b(\d{6})\b", messages[-1].text).group(1)


async def outbox_to(services, phone):
    async with services.sessions() as s:
        return (await s.scalars(select(OutboxMessage).where(OutboxMessage.recipient == phone))).all()


async def age_codes(services, **shift):
    """Move every code back in time, as if it had been asked for that long ago."""
    back = timedelta(**shift)
    async with services.sessions() as s, s.begin():
        for row in (await s.scalars(select(PanelLoginCode))).all():
            row.created_at, row.expires_at = row.created_at - back, row.expires_at - back


def opened_the_panel(resp) -> bool:
    return resp.status == 303 and resp.headers["Location"] == "/panel/"


async def logged_in(client) -> bool:
    return (await client.get("/panel/", allow_redirects=False)).status == 200


async def test_the_login_page_offers_a_code_on_whatsapp(client):
    page = await (await client.get("/panel/login")).text()
    assert 'href="/panel/login/code"' in page and "Send me a code on WhatsApp" in page


async def test_the_owner_gets_a_six_digit_code_from_the_shop_number_and_it_logs_them_in(client, graph, services):
    page = await ask_for_code(client, phone="+91 98765 43210")
    assert ON_ITS_WAY in page and "+919876543210" in page
    code = await code_sent(graph)
    message = graph.to(OWNER_PHONE)[0]
    assert message.phone_number_id == SHOP_NUMBER and "Gupta General Store" in message.text
    await client.app[JOBS].drain()  # the sender marks the row after the provider answered: wait for that mark
    [row] = await outbox_to(services, OWNER_PHONE)
    assert row.channel == "whatsapp" and row.status == "sent"
    async with services.sessions() as s:
        stored = await s.scalar(select(PanelLoginCode.code_hash))
    assert code not in stored

    assert opened_the_panel(await enter_code(client, f"{code[:3]} {code[3:]}"))
    assert "Gupta General Store" in await (await client.get("/panel/")).text()


async def test_the_code_message_is_in_the_language_the_owner_chose(client, graph):
    token = await csrf_of(client)
    await client.post("/panel/language", data={"csrf": token, "lang": "hi", "next": "/panel/login"})
    page = await ask_for_code(client)
    assert "कोड" in page
    await code_sent(graph)
    assert "दुकान पैनल" in graph.to(OWNER_PHONE)[0].text


async def test_a_wrong_code_is_refused_and_the_right_one_still_works(client, graph):
    await ask_for_code(client)
    code = await code_sent(graph)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    resp = await enter_code(client, wrong)
    assert resp.status == 401 and "That code is wrong" in await resp.text()
    assert opened_the_panel(await enter_code(client, code))
    assert await logged_in(client)


async def test_five_wrong_tries_kill_the_code(client, graph):
    await ask_for_code(client)
    code = await code_sent(graph)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert (await enter_code(client, wrong)).status == 401
    assert (await enter_code(client, code)).status == 401
    assert not await logged_in(client)


async def test_an_expired_code_is_refused(client, graph, services):
    await ask_for_code(client)
    code = await code_sent(graph)
    await age_codes(services, minutes=10, seconds=1)
    assert (await enter_code(client, code)).status == 401
    assert not await logged_in(client)


async def test_a_used_code_cannot_be_used_again(client, graph, services):
    await ask_for_code(client)
    code = await code_sent(graph)
    assert opened_the_panel(await enter_code(client, code))
    token = await csrf_of(client, "/panel/")
    await client.post("/panel/logout", data={"csrf": token})
    await ask_for_code(client)  # within the minute: no new code, so the used one is the only one
    assert len(await outbox_to(services, OWNER_PHONE)) == 1
    assert (await enter_code(client, code)).status == 401
    assert not await logged_in(client)


async def test_a_phone_that_owns_no_store_gets_the_same_page_and_no_message(client, services):
    stranger_page = await ask_for_code(client, phone=STRANGER)
    assert (await enter_code(client, "123456")).status == 401
    owner_page = await ask_for_code(client)
    assert stranger_page.replace(STRANGER, OWNER_PHONE) == owner_page
    assert await outbox_to(services, STRANGER) == []
    assert len(await outbox_to(services, OWNER_PHONE)) == 1


async def test_codes_are_sent_at_most_once_a_minute_and_five_times_an_hour(client, graph, services):
    first = await ask_for_code(client)
    assert await ask_for_code(client) == first  # held back, but the page does not say so
    assert len(await outbox_to(services, OWNER_PHONE)) == 1
    old_code = await code_sent(graph)

    for sent in range(2, 6):
        await age_codes(services, minutes=2)
        await ask_for_code(client)
        assert len(await outbox_to(services, OWNER_PHONE)) == sent
    await age_codes(services, minutes=2)
    await ask_for_code(client)
    assert len(await outbox_to(services, OWNER_PHONE)) == 5

    new_code = await code_sent(graph, 5)
    assert (await enter_code(client, old_code)).status == 401  # a newer code replaced it
    assert opened_the_panel(await enter_code(client, new_code))


async def test_both_forms_need_their_csrf_token(client, services):
    resp = await client.post("/panel/login/code", data={"phone": OWNER_PHONE})
    assert resp.status == 403
    assert await outbox_to(services, OWNER_PHONE) == []
    await ask_for_code(client)
    assert (await client.post("/panel/login/code/enter", data={"code": "123456"})).status == 403


async def test_the_code_page_needs_a_phone_first(client):
    resp = await client.get("/panel/login/code/enter", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login/code"


async def test_a_mistyped_phone_is_pointed_out(client):
    token = await csrf_of(client, "/panel/login/code")
    resp = await client.post("/panel/login/code", data={"csrf": token, "phone": "12345"})
    assert resp.status == 400 and "not a phone number" in await resp.text()


async def test_without_whatsapp_the_page_says_to_use_the_password(aiohttp_client, database_url, shop):
    services = Services.create(Settings(database_url=database_url))
    try:
        client = await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))
        assert NO_WHATSAPP in await (await client.get("/panel/login/code")).text()
        page = await ask_for_code(client)
        assert NO_WHATSAPP in page and ON_ITS_WAY not in page and 'name="code"' not in page
        [row] = await outbox_to(services, OWNER_PHONE)
        assert row.channel == "whatsapp"
    finally:
        await services.close()
