"""WhatsAppChannel against a fake Graph API: where it posts, what it sends, and how failures are classified."""
import pytest

from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.channels.whatsapp import WhatsAppChannel


@pytest.fixture
async def channel(graph):
    ch = WhatsAppChannel("test-token", graph.base_url, api_version="26.0", phone_number_id="111")
    yield ch
    await ch.close()


def reply(**kw) -> OutboundMessage:
    return OutboundMessage(**{"channel": "whatsapp", "recipient": "919812345678", "text": "Haan ji", **kw})


async def test_a_reply_is_posted_from_the_default_number_with_the_token(channel, graph):
    provider_id = await channel.send(reply(buttons=(Button("yes", "Haan"),)))
    assert provider_id == "wamid.1"
    sent = graph.requests[0]
    assert sent.path == "/v26.0/111/messages"
    assert sent.headers["Authorization"] == "Bearer test-token"
    assert sent.json["to"] == "919812345678" and sent.json["messaging_product"] == "whatsapp"
    assert sent.button_ids == ["yes"]


async def test_the_store_number_in_meta_is_the_sender(channel, graph):
    await channel.send(reply(meta={"phone_number_id": "222"}))
    assert graph.requests[0].phone_number_id == "222"


async def test_a_sender_lookup_chooses_the_store_number(graph):
    async def lookup(message):
        return "333"

    ch = WhatsAppChannel("t", graph.base_url, sender_lookup=lookup)
    try:
        await ch.send(reply())
    finally:
        await ch.close()
    assert graph.requests[0].phone_number_id == "333"


async def test_a_business_scoped_user_is_addressed_as_recipient(channel, graph):
    await channel.send(reply(recipient="IN.13491208655302741918"))
    assert graph.requests[0].json["recipient"] == "IN.13491208655302741918"
    assert "to" not in graph.requests[0].json


@pytest.mark.parametrize("status, retryable", [(400, False), (401, False), (404, False), (429, True),
                                               (500, True), (503, True)])
async def test_api_errors_say_whether_trying_again_can_help(channel, graph, status, retryable):
    graph.fail_next.append((status, {"error": {"message": "nope", "code": 131026}}))
    with pytest.raises(ChannelError) as e:
        await channel.send(reply())
    assert e.value.retryable is retryable
    assert e.value.code == "131026"


async def test_an_unreachable_api_is_worth_retrying(graph):
    url = graph.base_url
    await graph.close()
    ch = WhatsAppChannel("t", url, phone_number_id="111")
    try:
        with pytest.raises(ChannelError) as e:
            await ch.send(reply())
    finally:
        await ch.close()
    assert e.value.retryable


async def test_without_any_sending_number_the_message_is_not_retried(graph):
    ch = WhatsAppChannel("t", graph.base_url)
    try:
        with pytest.raises(ChannelError) as e:
            await ch.send(reply())
    finally:
        await ch.close()
    assert not e.value.retryable and graph.requests == []
