"""Replies are never lost and never handed out twice."""
import asyncio
from datetime import timedelta

from sqlalchemy import select

from tests.fakes.channels import FakePushChannel
from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.bot.outbox import queue_replies, take_pulled
from vyaparai.channels.base import ChannelError
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.workers.delivery import deliver_due
from vyaparai.workers.outbox_claim import LEASE, claim_due


def reply(text: str, channel: str = "whatsapp", to: str = "919812345678") -> OutboundMessage:
    return OutboundMessage(channel=channel, recipient=to, text=text, buttons=(Button("yes", "Yes"),))


async def queue(sessions, *replies):
    async with sessions() as s, s.begin():
        queue_replies(s, None, list(replies))


async def statuses(sessions):
    async with sessions() as s:
        return [(r.payload["text"], r.status) for r in (await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))]


async def test_a_queued_reply_is_sent_once_with_its_buttons(sessions):
    wa = FakePushChannel()
    await queue(sessions, reply("Order #1001 confirmed"))
    assert await deliver_due(sessions, {"whatsapp": wa}) == 1
    assert await deliver_due(sessions, {"whatsapp": wa}) == 0
    assert [m.text for m in wa.sent] == ["Order #1001 confirmed"]
    assert wa.sent[0].buttons == (Button("yes", "Yes"),)
    assert await statuses(sessions) == [("Order #1001 confirmed", "sent")]


async def test_a_worker_that_dies_after_claiming_loses_nothing(sessions):
    """The claim is committed, then the process dies before sending: the lease runs out and it goes out."""
    wa = FakePushChannel()
    await queue(sessions, reply("hello"))
    claimed = await claim_due(sessions, utcnow())
    assert len(claimed) == 1  # ...and then the worker crashed.
    assert await deliver_due(sessions, {"whatsapp": wa}) == 0  # still leased to the dead worker
    later = utcnow() + LEASE + timedelta(seconds=1)
    assert await deliver_due(sessions, {"whatsapp": wa}, now=later) == 1
    assert [m.text for m in wa.sent] == ["hello"]


async def test_a_failed_send_is_retried_later_and_then_succeeds(sessions):
    wa = FakePushChannel()
    wa.fail_next.append(ChannelError("timeout"))
    await queue(sessions, reply("hi"))
    assert await deliver_due(sessions, {"whatsapp": wa}) == 0
    assert await statuses(sessions) == [("hi", "pending")]
    assert await deliver_due(sessions, {"whatsapp": wa}) == 0  # backoff: not due yet
    assert await deliver_due(sessions, {"whatsapp": wa}, now=utcnow() + timedelta(seconds=10)) == 1
    assert [m.text for m in wa.sent] == ["hi"]


async def test_a_permanent_error_is_not_retried(sessions):
    wa = FakePushChannel()
    wa.fail_next.append(ChannelError("not a WhatsApp number", retryable=False))
    await queue(sessions, reply("hi"))
    await deliver_due(sessions, {"whatsapp": wa})
    assert await statuses(sessions) == [("hi", "failed")]


async def test_a_channel_that_is_not_configured_is_reported_not_retried(sessions):
    await queue(sessions, reply("alert", channel="telegram"))
    await deliver_due(sessions, {})
    assert await statuses(sessions) == [("alert", "undeliverable")]


async def test_pull_replies_are_handed_over_once_even_to_two_readers_at_once(sessions):
    await queue(sessions, *[reply(f"r{i}", channel="web", to="session-abc123") for i in range(5)])

    async def read():
        async with sessions() as s, s.begin():
            return [m.text for m in await take_pulled(s, "web", "session-abc123")]

    first, second = await asyncio.gather(read(), read())
    assert sorted(first + second) == [f"r{i}" for i in range(5)]
    assert not set(first) & set(second)
    assert await read() == []


async def test_pull_replies_are_not_pushed(sessions):
    wa = FakePushChannel("web")
    await queue(sessions, reply("web only", channel="web", to="session-abc123"))
    assert await deliver_due(sessions, {"web": wa}) == 0
    assert wa.sent == []


async def test_a_secret_message_is_sent_whole_and_then_forgotten_by_the_outbox(sessions):
    wa = FakePushChannel()
    code = OutboundMessage(channel="whatsapp", recipient="919812345678", text="Your panel code is 482913",
                           kind="notification", meta={"secret": True})
    await queue(sessions, code, reply("Order #1001 confirmed"))
    assert await deliver_due(sessions, {"whatsapp": wa}) == 2
    assert [m.text for m in wa.sent] == ["Your panel code is 482913", "Order #1001 confirmed"]
    assert await statuses(sessions) == [("(secret removed after delivery)", "sent"), ("Order #1001 confirmed", "sent")]


async def test_a_secret_that_cannot_be_delivered_is_forgotten_too(sessions):
    code = OutboundMessage(channel="whatsapp", recipient="919812345678", text="Your panel code is 482913",
                           meta={"secret": True})
    await queue(sessions, code)
    await deliver_due(sessions, {})
    assert await statuses(sessions) == [("(secret removed after delivery)", "undeliverable")]


async def test_a_reply_that_crashes_its_adapter_every_time_is_set_aside_after_max_attempts(sessions):
    wa = FakePushChannel()
    wa.fail_next.extend(RuntimeError("adapter bug") for _ in range(10))
    await queue(sessions, reply("poison"))
    later = utcnow()
    for _ in range(3):
        later += timedelta(hours=1)  # past any backoff
        await deliver_due(sessions, {"whatsapp": wa}, now=later, max_attempts=3)
    assert await statuses(sessions) == [("poison", "failed")]
    assert await deliver_due(sessions, {"whatsapp": wa}, now=later + timedelta(hours=1), max_attempts=3) == 0
    assert len(wa.fail_next) == 7  # tried three times, then left alone
