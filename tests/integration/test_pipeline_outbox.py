"""The outbox under load: claimers side by side, one reply per turn in order per person, each number's rate kept."""
import asyncio
from datetime import timedelta

from sqlalchemy import event, select, update
from sqlalchemy.exc import OperationalError

from tests.fakes.channels import FakePushChannel
from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.bot.outbox import queue_replies
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import OutboxMessage
from vyaparai.db.types import utcnow
from vyaparai.workers.delivery import deliver_claimed, deliver_due
from vyaparai.workers.outbox_claim import claim_due
from vyaparai.workers.rate_limit import SendLimits


def reply(text: str, to: str, kind: str = "reply") -> OutboundMessage:
    return OutboundMessage(channel="whatsapp", recipient=to, text=text, kind=kind)


async def queue(sessions, replies, store_id=None):
    async with sessions() as s, s.begin():
        queue_replies(s, store_id, list(replies))


async def statuses(sessions) -> dict[str, str]:
    async with sessions() as s:
        return {r.payload["text"]: r.status for r in await s.scalars(select(OutboxMessage))}


class SlowChannel(FakePushChannel):
    """Takes a moment per send, and notes whether two messages to one person were ever in flight together."""

    def __init__(self):
        super().__init__()
        self.in_flight: set[str] = set()
        self.overlaps: list[str] = []

    async def send(self, message):
        if message.recipient in self.in_flight:
            self.overlaps.append(message.recipient)
        self.in_flight.add(message.recipient)
        await asyncio.sleep(0.002)
        self.in_flight.discard(message.recipient)
        return await super().send(message)


async def test_each_person_gets_their_replies_in_order_and_never_two_at_once(sessions):
    people = [f"9198000000{i:02d}" for i in range(6)]
    await queue(sessions, [reply(f"{p} #{n}", p) for n in range(4) for p in people])
    wa = SlowChannel()
    sent = await asyncio.gather(*(deliver_due(sessions, {"whatsapp": wa}, limit=100) for _ in range(3)))
    assert sum(sent) == 24
    for person in people:
        assert [m.text for m in wa.sent if m.recipient == person] == [f"{person} #{n}" for n in range(4)]
    assert wa.overlaps == []


async def test_claimers_side_by_side_never_take_the_same_row_and_never_deadlock(sessions):
    """On PostgreSQL this runs the claims truly at once (SKIP LOCKED); on SQLite they take turns."""
    people = [f"9197000000{i:02d}" for i in range(40)]
    await queue(sessions, [reply(f"{p} #{n}", p) for n in range(5) for p in people])
    taken: list[int] = []
    wa = FakePushChannel()

    async def claimer():
        while claimed := await claim_due(sessions, utcnow(), limit=7):
            taken.extend(row.id for row in claimed)
            await deliver_claimed(sessions, {"whatsapp": wa}, claimed)

    await asyncio.wait_for(asyncio.gather(*(claimer() for _ in range(6))), timeout=60)
    assert len(taken) == len(set(taken)) == 200
    assert len(wa.sent) == 200
    assert set((await statuses(sessions)).values()) == {"sent"}


async def test_a_reply_the_provider_took_is_not_sent_again_when_marking_it_fails(engine, sessions):
    await queue(sessions, [reply("Your cart: 2 Maggi", "919811100001")])
    failing = FailingMarks(engine, times=2)  # the claim works; the first two marks do not
    wa = FakePushChannel()
    assert await deliver_due(sessions, {"whatsapp": wa}) == 1
    assert failing.times == 0
    later = utcnow() + timedelta(hours=1)  # past any lease
    assert await deliver_due(sessions, {"whatsapp": wa}, now=later) == 0
    assert [m.text for m in wa.sent] == ["Your cart: 2 Maggi"]
    async with sessions() as s:
        row = await s.scalar(select(OutboxMessage))
    assert (row.status, row.provider_message_id) == ("sent", "wamid.fake1")


class FailingMarks:
    """A database that goes away the next `times` an outbox row is marked sent."""

    def __init__(self, engine, times: int):
        self.times = times
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)

    def _before(self, _conn, _cursor, statement, _params, _context, _many):
        if self.times and statement.startswith("UPDATE outbox") and "sent_at" in statement:
            self.times -= 1
            raise OperationalError(statement, {}, ConnectionResetError("connection reset by peer"))


async def test_a_stale_reply_left_by_a_crash_is_superseded_but_an_order_notice_still_goes(sessions):
    customer = "919811100002"
    await queue(sessions, [reply("Which one? 1) Maggi 70 g 2) Maggi 140 g", customer),
                           reply("Order #1042 is out for delivery", customer, kind="notification"),
                           reply("Your cart: 2 Maggi 70 g", customer)])
    async with sessions() as s, s.begin():
        # A process died sending the first reply (its lease ran out) and another sent the newest one.
        text = OutboxMessage.payload["text"].as_string()
        await s.execute(update(OutboxMessage).where(text.like("Which one%"))
                        .values(status="sending", attempts=1, lease_until=utcnow() - timedelta(minutes=5)))
        await s.execute(update(OutboxMessage).where(text.like("Your cart%")).values(status="sent"))
    wa = FakePushChannel()
    await deliver_due(sessions, {"whatsapp": wa})
    assert [m.text for m in wa.sent] == ["Order #1042 is out for delivery"]
    assert (await statuses(sessions))["Which one? 1) Maggi 70 g 2) Maggi 140 g"] == "superseded"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


class TimedChannel(FakePushChannel):
    def __init__(self, clock: FakeClock):
        super().__init__()
        self.clock, self.times = clock, []

    async def send(self, message):
        self.times.append((message.recipient, self.clock()))
        return await super().send(message)


async def test_each_store_number_keeps_to_its_rate_and_one_busy_store_does_not_slow_another(sessions):
    async with sessions() as s, s.begin():
        busy = await create_store(s, code="BUSY", name="Busy Kirana", owner_phones=["919800000001"])
        quiet = await create_store(s, code="QUIET", name="Quiet Kirana", owner_phones=["919800000002"])
    await queue(sessions, [reply("hello", f"9196000000{i:02d}") for i in range(12)], busy.id)
    await queue(sessions, [reply("hello", "919500000001")], quiet.id)
    clock = FakeClock()
    wa = TimedChannel(clock)
    limits = SendLimits(rate=4, clock=clock, sleep=clock.sleep)
    assert await deliver_due(sessions, {"whatsapp": wa}, limits=limits) == 13
    busy_times = sorted(t for to, t in wa.times if to.startswith("91960"))
    for i, start in enumerate(busy_times):
        assert len([t for t in busy_times[i:] if t < start + 1.0]) <= 4 + 1e-9  # any one-second window
    assert busy_times[-1] - busy_times[0] >= 2.7  # 12 messages at 4/s: one every quarter second
    quiet_time = next(t for to, t in wa.times if to == "919500000001")
    assert quiet_time <= busy_times[0] + 0.5  # not made to wait behind the busy store's queue


async def test_a_reply_that_keeps_failing_stops_holding_back_the_next_one_and_is_then_superseded(sessions):
    customer = "919811100003"
    await queue(sessions, [reply("Which one? 1) Atta 5 kg 2) Atta 10 kg", customer),
                           reply("Your cart: 1 Atta 5 kg", customer)])
    wa = FakePushChannel()
    wa.fail_next.extend(ChannelError("temporarily unavailable") for _ in range(3))
    later = utcnow()
    for _ in range(3):
        later += timedelta(hours=1)  # past each backoff
        await deliver_due(sessions, {"whatsapp": wa}, now=later)
    assert wa.sent == []  # three tries of the first reply, and the second waited behind it
    assert await deliver_due(sessions, {"whatsapp": wa}) == 1  # the first is in its backoff: the second goes
    await deliver_due(sessions, {"whatsapp": wa}, now=later + timedelta(hours=1))
    assert [m.text for m in wa.sent] == ["Your cart: 1 Atta 5 kg"]
    assert (await statuses(sessions))["Which one? 1) Atta 5 kg 2) Atta 10 kg"] == "superseded"
