"""WhatsApp traffic past what the queue holds: every webhook still gets 200 and every message one answer, in order."""
import asyncio
import json
import logging

import pytest
from sqlalchemy import select

from tests.e2e.test_whatsapp_webhook import APP_SECRET, sign, text, wa_shop  # noqa: F401  (fixture)
from tests.fakes.graph_api import graph  # noqa: F401  (fixture)
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, OutboxMessage
from vyaparai.web.app import create_app
from vyaparai.web.keys import JOBS
from vyaparai.workers.services import Services


@pytest.fixture
def sizes(request) -> tuple[str, str]:
    """(queue size, consumers); by default one consumer and room for two: a burst overflows at once."""
    return getattr(request, "param", ("2", "1"))


@pytest.fixture
async def services(monkeypatch, sizes, database_url, graph):  # noqa: F811
    monkeypatch.setenv("VYAPARAI_QUEUE_SIZE", sizes[0])
    monkeypatch.setenv("VYAPARAI_CONSUMERS", sizes[1])
    services = Services.create(Settings(
        database_url=database_url, whatsapp_token="test-token", whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token="unused", whatsapp_api_base_url=graph.base_url))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, wa_shop):  # noqa: F811
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


def batch(sender: str, texts: list[str], prefix: str) -> bytes:
    """One webhook carrying several messages of one customer, as Meta batches them."""
    envelope = json.loads(text(sender, "unused", "").decode())
    value = envelope["entry"][0]["changes"][0]["value"]
    value["messages"] = [{"from": sender, "id": f"{prefix}.{i}", "timestamp": "1718000000", "type": "text",
                          "text": {"body": t}} for i, t in enumerate(texts)]
    return json.dumps(envelope).encode()


async def post(client, body: bytes) -> int:
    resp = await client.post("/webhooks/whatsapp", data=body, headers={"X-Hub-Signature-256": sign(body)})
    return resp.status


async def test_a_burst_past_the_queue_is_acknowledged_and_every_message_answered_once(client, graph, services,
                                                                                        caplog):
    customers = [f"9198765{i:05d}" for i in range(16)]
    with caplog.at_level(logging.WARNING, logger="vyaparai.workers.inprocess"):
        codes = await asyncio.gather(*(post(client, text(c, f"wamid.burst{i}", "2 maggi"))
                                       for i, c in enumerate(customers)))
        assert codes == [200] * len(customers)
        await client.app[JOBS].drain()
    assert "inbound queue full" in caplog.text  # the burst did overflow the queue
    async with services.sessions() as s:
        assert set((await s.scalars(select(InboundLog.status))).all()) == {"processed"}
        rows = (await s.scalars(select(OutboxMessage))).all()
    assert {r.status for r in rows} == {"sent"}
    for customer in customers:
        answers = graph.to(customer)
        assert answers and "Maggi" in answers[0].text
        assert len(answers) == len([r for r in rows if r.recipient == customer])  # nothing sent twice


@pytest.mark.parametrize("sizes", [("100", "4")], indirect=True)  # consumers enough to take all three at once
async def test_one_customers_messages_are_answered_in_the_order_they_were_sent(client, graph, services):
    customer = "919812312300"
    body = batch(customer, ["1 maggi", "2 cheeni", "3 maggi aur"], "wamid.order")
    assert await post(client, body) == 200
    await client.app[JOBS].drain()
    async with services.sessions() as s:
        handled = (await s.execute(select(InboundLog.provider_message_id, InboundLog.processed_at)
                                   .order_by(InboundLog.processed_at))).all()
    assert [pid for pid, _at in handled] == ["wamid.order.0", "wamid.order.1", "wamid.order.2"]
    said = [r.text for r in graph.to(customer)]
    assert "Sugar" not in said[0] and any("Sugar" in t for t in said[1:])
