"""TelegramChannel against a fake Bot API: flood control honoured, refusals told apart from outages."""
import time

import pytest

from tests.fakes.telegram_api import flood, telegram_api  # noqa: F401  (fixture)
from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.channels.telegram import Pacer, TelegramChannel

TOKEN = "7012345678:AAH-fake-token-for-tests"


@pytest.fixture
async def channel(telegram_api):
    telegram_api.add_bot(TOKEN, "SharmaKiranaBot")

    async def tokens(bot_id: str) -> str | None:
        return TOKEN if bot_id == "7012345678" else None

    channel = TelegramChannel(tokens, telegram_api.base_url, pacer=Pacer(chat_interval=0.01))
    yield channel
    await channel.close()


def reply(text: str = "Aapka order #1001 pakka ho gaya", to: str = "7012345678:5123456789") -> OutboundMessage:
    return OutboundMessage(channel="telegram", recipient=to, text=text)


async def test_a_reply_reaches_the_chat_through_the_bot_it_names(channel, telegram_api):
    provider_id = await channel.send(reply())
    [call] = telegram_api.sent(5123456789)
    assert call.token == TOKEN and call.text == "Aapka order #1001 pakka ho gaya"
    assert provider_id.startswith("7012345678:5123456789:")


async def test_a_short_retry_after_is_waited_out_and_the_message_still_goes(channel, telegram_api):
    telegram_api.fail_next.append(flood(1))
    started = time.monotonic()
    await channel.send(reply())
    tries = telegram_api.sent(5123456789)
    assert len(tries) == 2 and tries[1].at - tries[0].at >= 0.95
    assert time.monotonic() - started < 3


async def test_a_long_retry_after_goes_back_to_the_outbox_to_retry_later(channel, telegram_api):
    telegram_api.fail_next.append(flood(120))
    with pytest.raises(ChannelError) as failed:
        await channel.send(reply())
    assert failed.value.retryable and failed.value.code == "flood"


async def test_a_customer_who_blocked_the_bot_is_not_retried(channel, telegram_api):
    telegram_api.fail_next.append((403, {"ok": False, "error_code": 403,
                                         "description": "Forbidden: bot was blocked by the user"}))
    with pytest.raises(ChannelError) as failed:
        await channel.send(reply())
    assert not failed.value.retryable


async def test_a_reply_for_a_bot_we_do_not_have_is_undeliverable(channel):
    with pytest.raises(ChannelError) as failed:
        await channel.send(reply(to="999:5123456789"))
    assert not failed.value.retryable and failed.value.code == "unknown_bot"


async def test_a_long_reply_goes_in_parts_in_order(channel, telegram_api):
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(100))
    await channel.send(reply(text))
    parts = telegram_api.sent(5123456789)
    assert len(parts) == 3 and "".join(p.text for p in parts).count("line ") == 100
