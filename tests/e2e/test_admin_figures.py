"""Figures across stores: orders and revenue per IST day, the week's best sellers, the stores with problems."""
from datetime import datetime, timedelta, timezone
from html import unescape

from sqlalchemy import select, update

from tests.e2e.admin_support import admin_log_in, admin_post, operator  # noqa: F401
from tests.e2e.test_panel import CUSTOMER
from vyaparai.config import Settings
from vyaparai.db.models import Order
from vyaparai.web.admin.figures import CLOCK
from vyaparai.web.app import create_app

# 10:00 in India on a Wednesday: the IST day is the same as the UTC day.
NOW = datetime(2026, 12, 2, 4, 30, tzinfo=timezone.utc)
SUGAR_ORDER = ["1 kilo cheeni", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]


async def order_by_chat(client, session):
    for text in SUGAR_ORDER:
        assert (await client.post("/api/chat/SHOP1", json={"session": session, "text": text})).status == 200


def row_of(page: str, day: str) -> str:
    start = page.index(f"<td>{day}</td>")
    return page[start:page.index("</tr>", start)]


async def test_the_figures_add_up_per_day_and_name_the_best_sellers(aiohttp_client, services, shop,
                                                                   operator):  # noqa: F811
    app = create_app(Settings(database_url=services.settings.database_url), services=services, sweep_every=3600)
    app[CLOCK] = lambda: NOW
    client = await aiohttp_client(app)
    await order_by_chat(client, CUSTOMER)
    await order_by_chat(client, "second-buyer-0002")
    await order_by_chat(client, "third-buyer-0003")
    async with services.sessions() as s, s.begin():
        numbers = (await s.scalars(select(Order.number).order_by(Order.number))).all()
        # 18:15 UTC on 1 Dec is 23:45 IST: the last minutes of 1 Dec in India.
        late = NOW - timedelta(hours=10, minutes=15)
        await s.execute(update(Order).where(Order.number == numbers[0]).values(placed_at=late))
        await s.execute(update(Order).where(Order.number == numbers[1]).values(placed_at=NOW - timedelta(days=20)))
        await s.execute(update(Order).where(Order.number == numbers[2]).values(placed_at=NOW, status="cancelled"))
    await admin_log_in(client)
    await admin_post(client, "/admin/stores/SHOP1/pause", {"reason": "audit"}, "/admin/stores/SHOP1")
    page = unescape(await (await client.get("/admin/figures")).text())
    assert "<td>1</td><td>₹0</td>" in row_of(page, "02-12-2026")  # cancelled: counted, no revenue
    assert "<td>1</td><td>₹46</td>" in row_of(page, "01-12-2026")
    assert "<td>0</td><td>₹0</td>" in row_of(page, "19-11-2026")  # 14 days shown, the oldest
    assert "18-11-2026" not in page  # and no more: the 20-day-old order is out of the window
    best = page[page.index('id="best-sellers"'):]
    assert "Sugar (loose, per kg)" in best and "1 kg" in best
    troubled = page[page.index('id="troubled"'):]
    assert "Gupta General Store" in troubled and "paused" in troubled
