"""The owner sees on the dashboard how many of the shop's messages were set aside unanswered (and only the shop's)."""
from vyaparai.bot.inbox import record_inbound
from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.db.models import InboundLog

from tests.e2e.test_panel import log_in


async def _failed_message(services, store_id: int, message_id: str) -> None:
    async with services.sessions() as s, s.begin():
        inbound_id = await record_inbound(s, InboundMessage(channel="web", provider_message_id=message_id,
                                                            sender="someone-0001", text="hi"), store_id)
        log = await s.get(InboundLog, inbound_id)
        log.status, log.attempts, log.error = "failed", 8, "RuntimeError('boom')"


async def test_the_dashboard_counts_the_shops_unanswered_messages(client, services, shop):
    await log_in(client)
    assert 'id="failed-messages"' not in await (await client.get("/panel/dashboard")).text()
    async with services.sessions() as s, s.begin():
        other = await create_store(s, code="OTHER1", name="Other Shop", owner_phones=["919811111111"])
    await _failed_message(services, shop.id, "m-1")
    await _failed_message(services, shop.id, "m-2")
    await _failed_message(services, other.id, "m-3")
    page = await (await client.get("/panel/dashboard")).text()
    assert "2 customer messages could not be handled and 0 replies could not be sent" in page
