"""The Telegram webhook's edges: secret tokens, redeliveries, what is ignored, and a store's own bot via the CLI."""
import logging

import pytest
from sqlalchemy import func, select

from tests.e2e.telegram_support import (
    BOT_TOKEN, CUSTOMER_CHAT, SECRET, VECTORS, deliver, message, payload, text,
)
from tests.e2e.test_telegram_order import client, services, tg_shop  # noqa: F401  (fixtures)
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from tests.fakes.telegram_api import telegram_api  # noqa: F401  (fixture)
from vyaparai import locales
from vyaparai.channels.telegram import webhook_secret
from vyaparai.cli.context import CommandError
from vyaparai.cli.telegram import connect
from vyaparai.db.models import CartItem, InboundLog, TelegramBot

SHOP_BOT_TOKEN = "8099887766:AAShop-own-bot-token"


async def count(services, model) -> int:
    async with services.sessions() as s:
        return await s.scalar(select(func.count()).select_from(model))


# HTTP itself drops spaces around a header value, so the trailing-space vector is checked in the unit tests.
OVER_HTTP = [c for c in VECTORS["cases"] if c["header"] is None or c["header"] == c["header"].strip()]


@pytest.mark.parametrize("case", OVER_HTTP, ids=lambda c: c.get("note", "valid"))
async def test_only_the_exact_secret_token_is_let_in(client, services, case):
    status = await deliver(client, payload("message_text.json"), secret=case["header"])
    if case["valid"]:
        assert status == 200
    else:
        assert status == (401 if case["header"] is None else 403)
    assert await count(services, InboundLog) == (1 if case["valid"] else 0)


async def test_a_redelivered_update_puts_the_items_in_the_cart_once(client, services, telegram_api):
    update = payload("message_text_hindi.json")
    assert await deliver(client, update) == 200
    answered = len(await telegram_api.wait_for(CUSTOMER_CHAT))
    assert await deliver(client, update) == 200
    assert len(telegram_api.sent(CUSTOMER_CHAT)) == answered
    assert await count(services, InboundLog) == 1
    assert await count(services, CartItem) == 2


async def test_an_edited_message_changes_nothing_and_says_nothing(client, services, telegram_api, caplog):
    caplog.set_level(logging.INFO, logger="vyaparai.web.telegram")
    assert await deliver(client, payload("doc_sample_edited_message.json")) == 200
    assert await count(services, InboundLog) == 0 and telegram_api.called("sendMessage") == []
    assert "edited_message" in caplog.text


async def test_a_voice_note_gets_the_same_polite_answer_as_on_whatsapp(client, telegram_api):
    assert await deliver(client, payload("voice.json")) == 200
    [reply] = await telegram_api.wait_for(CUSTOMER_CHAT)
    assert reply.text == locales.t("en", "unsupported_message")


async def test_a_shared_location_with_no_checkout_open_is_answered(client, telegram_api):
    for name in ("location.json", "location_live.json"):
        assert await deliver(client, payload(name)) == 200
    replies = await telegram_api.wait_for(CUSTOMER_CHAT, 2)
    assert len(replies) == 2
    assert all(r.text != locales.t("en", "unsupported_message") for r in replies)  # a pin is read, not refused


async def test_customer_text_is_escaped_so_it_cannot_break_the_formatting(client, telegram_api):
    assert await deliver(client, text(CUSTOMER_CHAT, "<b>2 kg</b> & cheeni")) == 200
    for reply in await telegram_api.wait_for(CUSTOMER_CHAT):
        assert reply.params["parse_mode"] == "HTML"
        assert "<b>" not in reply.text


async def test_unknown_store_and_unreadable_body_are_refused(client):
    assert await deliver(client, payload("message_text.json"), store="NOSUCH") == 404
    resp = await client.post("/webhooks/telegram/TGSHOP", data=b"{not json",
                             headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert resp.status == 400


async def test_a_store_connects_its_own_bot_and_customers_are_answered_by_it(client, services, telegram_api):
    telegram_api.add_bot(SHOP_BOT_TOKEN, "GuptaKiranaBot")
    settings = services.settings
    assert await connect(settings, "tgshop", SHOP_BOT_TOKEN, secret_key_set=True) == 0
    [hook] = telegram_api.called("setWebhook")
    bot_id = SHOP_BOT_TOKEN.split(":")[0]
    assert hook.params["url"].endswith("/webhooks/telegram/TGSHOP")
    assert hook.params["secret_token"] == webhook_secret(settings.secret_key, bot_id)
    commands = [c["command"] for c in telegram_api.called("setMyCommands")[0].params["commands"]]
    assert commands == ["start", "cart", "order", "help", "language"]
    async with services.sessions() as s:
        stored = await s.scalar(select(TelegramBot))
    assert stored.username == "GuptaKiranaBot" and SHOP_BOT_TOKEN not in stored.token_encrypted

    # The env-wide secret no longer opens this store's webhook; the bot's own one does.
    assert await deliver(client, text(CUSTOMER_CHAT, "hi")) == 403
    assert await deliver(client, text(CUSTOMER_CHAT, "hi"), secret=hook.params["secret_token"]) == 200
    [reply] = await telegram_api.wait_for(CUSTOMER_CHAT)
    assert reply.token == SHOP_BOT_TOKEN


async def test_connecting_refuses_a_bad_token_and_a_missing_secret_key(client, services, telegram_api):
    with pytest.raises(CommandError, match="SECRET_KEY"):
        await connect(services.settings, "TGSHOP", SHOP_BOT_TOKEN, secret_key_set=False)
    with pytest.raises(CommandError, match="token"):
        await connect(services.settings, "TGSHOP", "8099887766:revoked", secret_key_set=True)
    assert await count(services, TelegramBot) == 0


async def test_a_group_command_with_the_bot_name_is_the_same_command(client, telegram_api):
    assert await deliver(client, message(CUSTOMER_CHAT, text="/help@SharmaKiranaBot")) == 200
    [reply] = await telegram_api.wait_for(CUSTOMER_CHAT)
    assert reply.text == locales.t("en", "help")
