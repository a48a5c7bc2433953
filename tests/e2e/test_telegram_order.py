"""A Hindi order on Telegram, end to end: updates in at the webhook, replies out at a fake Bot API."""
import re

import pytest
from sqlalchemy import select

from tests.e2e.telegram_support import BOT_TOKEN, CUSTOMER_CHAT, OWNER_CHAT, SECRET, deliver, own_contact, payload, tap, text
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from tests.fakes.telegram_api import telegram_api  # noqa: F401  (fixture)
from vyaparai import locales
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.channels.telegram import Pacer
from vyaparai.config import Settings
from vyaparai.db.models import Customer, Order
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

OWNER_PHONE = "919800000002"
CATALOG = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni|chini|चीनी,40
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,maggi|मैगी,100
"""


@pytest.fixture
async def tg_shop(sessions, tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(CATALOG, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="TGSHOP", name="Sharma Kirana", owner_phones=[OWNER_PHONE],
                                   whatsapp_phone_number_id="1122334455667")
        assert not (await import_catalog(session, store.id, path)).errors
    return store


@pytest.fixture
async def services(database_url, telegram_api, graph):
    telegram_api.add_bot(BOT_TOKEN, "SharmaKiranaBot")
    services = Services.create(Settings(
        database_url=database_url, secret_key="a-test-secret-key-of-32-characters",
        telegram_bot_token=BOT_TOKEN, telegram_secret_token=SECRET, telegram_api_base_url=telegram_api.base_url,
        whatsapp_token="wa-token", whatsapp_app_secret="wa-secret", whatsapp_api_base_url=graph.base_url))
    services.channels["telegram"].pacer = Pacer(chat_interval=0.01)  # the 1 s per chat pace, shortened for tests
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, tg_shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


async def link_owner(client, telegram_api, graph) -> None:
    assert await deliver(client, text(OWNER_CHAT, "/owner +91 98000 00002")) == 200
    [code_message] = await graph.wait_for(OWNER_PHONE)
    code = re.search(r"\b(\d{6})\b", code_message.text).group(1)
    assert await deliver(client, text(OWNER_CHAT, f"/owner 9800000002 {code}")) == 200
    linked = await telegram_api.wait_for(OWNER_CHAT, 2)
    assert "Sharma Kirana" in linked[-1].text


async def test_a_hindi_order_placed_with_taps_and_a_shared_number_is_accepted_by_the_owner_on_telegram(
        client, telegram_api, graph, services):
    await link_owner(client, telegram_api, graph)
    assert await deliver(client, payload("message_start_command.json")) == 200
    assert "Sharma Kirana" in (await telegram_api.wait_for(CUSTOMER_CHAT))[0].text
    assert await deliver(client, payload("message_text_hindi.json")) == 200
    cart = (await telegram_api.wait_for(CUSTOMER_CHAT, 2))[-1]
    assert "चीनी" in cart.text or "Sugar" in cart.text
    assert "checkout" in cart.callback_data

    assert await deliver(client, tap(CUSTOMER_CHAT, "checkout")) == 200
    # The tap is answered and the keyboard it was on taken away, so it cannot be pressed twice.
    assert telegram_api.called("answerCallbackQuery")
    [edit] = telegram_api.called("editMessageReplyMarkup")
    assert edit.chat_id == str(CUSTOMER_CHAT) and "reply_markup" not in edit.params
    assert await deliver(client, text(CUSTOMER_CHAT, "पता: 12 गांधी रोड, जयपुर 302001")) == 200
    asked = telegram_api.sent(CUSTOMER_CHAT)[-1]
    assert "pay:cod" in asked.callback_data
    assert await deliver(client, tap(CUSTOMER_CHAT, "pay:cod")) == 200
    placed = telegram_api.sent(CUSTOMER_CHAT)[-2:]
    assert "#1001" in placed[0].text
    assert placed[1].markup["keyboard"][0][0]["request_contact"] is True

    assert await deliver(client, own_contact(CUSTOMER_CHAT, "919812345678")) == 200
    assert "+919812345678" in telegram_api.sent(CUSTOMER_CHAT)[-1].text

    alert = next(c for c in telegram_api.sent(OWNER_CHAT) if "#1001" in c.text)
    assert alert.callback_data == ["accept:1001", "reject:1001"]
    assert await deliver(client, tap(OWNER_CHAT, "accept:1001")) == 200
    assert "1001" in telegram_api.sent(OWNER_CHAT)[-1].text
    assert telegram_api.sent(CUSTOMER_CHAT)[-1].text == locales.t("hi", "notice_confirmed", number=1001)
    async with services.sessions() as session:
        order = await session.scalar(select(Order))
        assert (order.status, order.payment_method, order.channel) == ("confirmed", "cod", "telegram")
        assert (await session.get(Customer, order.customer_id)).phone == "919812345678"
