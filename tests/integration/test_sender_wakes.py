"""Waking the senders: one turn's reply is claimed by one sender, not by every sender at once."""
import asyncio
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from tests.fakes.channels import FakePushChannel
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.outbox import queue_replies
from vyaparai.workers.pipeline_settings import PipelineSettings
from vyaparai.workers.senders import Senders


class Claims:
    """How many outbox claims the engine sends (the claim is the UPDATE that counts an attempt)."""

    def __init__(self, engine):
        self.count = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)

    def _before(self, _conn, _cursor, statement, _params, _context, _many):
        if statement.startswith("UPDATE outbox SET") and "attempts=(outbox.attempts +" in statement:
            self.count += 1


async def _queue(sessions, text: str, to: str) -> None:
    async with sessions() as s, s.begin():
        queue_replies(s, None, [OutboundMessage(channel="whatsapp", recipient=to, text=text)])


@pytest.fixture
async def senders(database_url, sessions):
    wa = FakePushChannel()
    services = SimpleNamespace(settings=SimpleNamespace(database_url=database_url, max_attempts=8),
                               sessions=sessions, channels={"whatsapp": wa})
    senders = Senders(services, PipelineSettings(senders=3, send_poll_every=3600))
    await senders.start()
    yield senders, wa
    await senders.stop()


async def test_one_wake_sends_a_turns_reply_with_one_claim_however_many_senders_wait(engine, sessions, senders):
    senders, wa = senders
    claims = Claims(engine)
    for i, text in enumerate(("Aapka cart: 2 Maggi", "உங்கள் கூடை: 1 பால்", "तुमची पिशवी: 3 साबण")):
        await _queue(sessions, text, f"91981000003{i}")
        senders.wake()
        await asyncio.wait_for(senders.settle(), timeout=10)
    assert [m.text for m in wa.sent] == ["Aapka cart: 2 Maggi", "உங்கள் கூடை: 1 பால்", "तुमची पिशवी: 3 साबण"]
    assert claims.count == 3  # before: every idle sender claimed, all but one of them nothing


async def test_wakes_while_every_sender_is_busy_are_not_lost(sessions, senders):
    senders, wa = senders
    for i in range(5):
        await _queue(sessions, f"Order #{1001 + i} placed", f"91982000004{i}")
        senders.wake()  # no waiting between: most wakes come while a sender is claiming or sending
    await asyncio.wait_for(senders.settle(), timeout=10)
    assert sorted(m.text for m in wa.sent) == [f"Order #{1001 + i} placed" for i in range(5)]
