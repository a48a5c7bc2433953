"""The outbox's cost: a claim and a mark per batch, no claim on the chance, and no reply left waiting for the poll."""
import asyncio
from types import SimpleNamespace

from sqlalchemy import event, select

from tests.fakes.channels import FakePushChannel
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.channels.base import ChannelError
from vyaparai.db.models import OutboxMessage
from vyaparai.workers.delivery import deliver_due
from vyaparai.workers.pipeline_settings import PipelineSettings
from vyaparai.workers.senders import Senders


def reply(text: str, to: str) -> OutboundMessage:
    return OutboundMessage(channel="whatsapp", recipient=to, text=text)


async def queue(sessions, *replies):
    async with sessions() as s, s.begin():
        queue_replies(s, None, list(replies))


class Statements:
    """The SQL statements the engine sends (SQLite's BEGIN IMMEDIATE left out)."""

    def __init__(self, engine):
        self.sent: list[str] = []
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)

    def _before(self, _conn, _cursor, statement, _params, _context, _many):
        if not statement.startswith("BEGIN"):
            self.sent.append(statement.split(" SET ")[0])


async def test_a_reply_at_a_quiet_moment_takes_one_claim_and_one_mark(engine, sessions):
    await queue(sessions, reply("Your cart: 2 Maggi", "919810000011"))
    statements = Statements(engine)
    wa = FakePushChannel()
    assert await deliver_due(sessions, {"whatsapp": wa}) == 1
    assert statements.sent == ["UPDATE outbox", "UPDATE outbox"]  # no claim after it that finds nothing


async def test_replies_to_many_people_are_marked_with_one_statement(engine, sessions):
    await queue(sessions, *(reply(f"Your cart #{i}", f"9198100000{i:02d}") for i in range(5)))
    statements = Statements(engine)
    wa = FakePushChannel()
    assert await deliver_due(sessions, {"whatsapp": wa}) == 5
    # The claim, one mark for the five (an executemany), and a claim for any reply written behind them.
    assert len(statements.sent) == 3
    async with sessions() as s:
        rows = (await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    assert [(r.status, r.provider_message_id) for r in rows] == [("sent", f"wamid.fake{i}") for i in range(1, 6)]


async def test_a_batch_where_one_send_fails_records_each_rows_own_outcome(sessions):
    await queue(sessions, *(reply(f"Your cart #{i}", f"9198200000{i:02d}") for i in range(3)))
    wa = FlakyChannel(fail_for="919820000001")
    assert await deliver_due(sessions, {"whatsapp": wa}) == 2
    async with sessions() as s:
        rows = (await s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    assert [(r.status, r.error) for r in rows] == [("sent", None), ("pending", "provider busy"), ("sent", None)]
    assert rows[1].lease_until is None and rows[1].provider_message_id is None


class FlakyChannel(FakePushChannel):
    def __init__(self, fail_for: str):
        super().__init__()
        self.fail_for = fail_for

    async def send(self, message):
        if message.recipient == self.fail_for:
            raise ChannelError("provider busy")
        return await super().send(message)


async def test_a_persons_second_reply_goes_right_after_the_first(engine, sessions):
    await queue(sessions, reply("Which one?", "919810000099"), reply("Your cart: 1 Atta", "919810000099"))
    statements = Statements(engine)
    wa = FakePushChannel()
    assert await deliver_due(sessions, {"whatsapp": wa}) == 2
    assert [m.text for m in wa.sent] == ["Which one?", "Your cart: 1 Atta"]
    assert len(statements.sent) == 4  # claim, mark, claim the second, mark


class QueuingChannel(FakePushChannel):
    """While sending its first message, a turn elsewhere writes another reply and wakes the senders."""

    def __init__(self, sessions, senders_box: list):
        super().__init__()
        self.sessions, self.senders_box = sessions, senders_box

    async def send(self, message):
        if not self.sent:
            await queue(self.sessions, reply("Order #1001 placed", "919810000077"))
            self.senders_box[0].wake()
        return await super().send(message)


async def send_with_senders(database_url, sessions, channel_class, recipient: str, **settings):
    """Queue one reply, wake the senders (no poll for an hour) and return the channel once they are idle."""
    box: list = []
    channel = channel_class(sessions, box)
    services = SimpleNamespace(settings=SimpleNamespace(database_url=database_url, max_attempts=8),
                               sessions=sessions, channels={"whatsapp": channel})
    senders = Senders(services, PipelineSettings(send_poll_every=3600, **settings))
    box.append(senders)
    await queue(sessions, reply("Your cart: 2 Maggi", recipient))
    await senders.start()
    try:
        senders.wake()
        await asyncio.wait_for(senders.settle(), timeout=10)
    finally:
        await senders.stop()
    return channel


async def test_a_reply_written_while_the_senders_send_goes_without_waiting_for_the_poll(database_url, sessions):
    wa = await send_with_senders(database_url, sessions, QueuingChannel, "919810000066")
    assert [m.text for m in wa.sent] == ["Your cart: 2 Maggi", "Order #1001 placed"]


class SecondThoughtChannel(FakePushChannel):
    """While the first reply to a person is in flight, their next message's reply is written and the senders woken;
    another sender takes the wake and finds that reply held behind the one in flight."""

    def __init__(self, sessions, senders_box: list):
        super().__init__()
        self.sessions, self.senders_box = sessions, senders_box

    async def send(self, message):
        if not self.sent:
            await queue(self.sessions, reply("Your cart: 2 Maggi, 1 Sugar", message.recipient))
            self.senders_box[0].wake()
            await asyncio.sleep(0.05)  # the other sender claims (nothing) meanwhile
        return await super().send(message)


async def test_a_persons_next_reply_written_while_their_last_is_in_flight_goes_without_waiting_for_the_poll(
        database_url, sessions):
    wa = await send_with_senders(database_url, sessions, SecondThoughtChannel, "919810000055", senders=2)
    assert [m.text for m in wa.sent] == ["Your cart: 2 Maggi", "Your cart: 2 Maggi, 1 Sugar"]
