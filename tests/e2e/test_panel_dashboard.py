"""The owner's "Today" page: orders and revenue of the India day, what waits, and the week's best sellers."""
import re
from datetime import UTC, datetime, timedelta

import pytest

from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.web.app import create_app
from vyaparai.web.panel.dashboard import CLOCK

from tests.e2e.test_panel import log_in
from tests.integration.past_orders import add_order

NOW = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)  # 08:30 IST on 5 January
TODAY_EARLY = datetime(2026, 1, 4, 20, 0, tzinfo=UTC)  # 01:30 IST today, though still 4 January in UTC
YESTERDAY_LATE = datetime(2026, 1, 4, 18, 0, tzinfo=UTC)  # 23:30 IST on 4 January


@pytest.fixture
async def panel(aiohttp_client, services, shop):
    """The app with its clock stopped at NOW, so "today" is a known India day."""
    app = create_app(Settings(database_url=services.settings.database_url), services=services, sweep_every=3600)
    app[CLOCK] = lambda: NOW
    return await aiohttp_client(app)


def figure(page: str, name: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(rf'<dd id="{name}">(.*?)</dd>', page, re.S).group(1)).strip()


async def dashboard(panel) -> str:
    resp = await panel.get("/panel/dashboard")
    assert resp.status == 200
    return await resp.text()


async def test_today_counts_the_india_day_and_revenue_leaves_out_cancelled(panel, services, shop):
    add = lambda **kw: add_order(services.sessions, shop.id, **kw)  # noqa: E731
    await add(at=TODAY_EARLY, status="delivered")  # Rs 46
    await add(at=NOW, lines=(("MAGGI-70", 3000),))  # Rs 42, pending
    await add(at=NOW, lines=(("AMUL-BUTTER-500", 1000),), status="cancelled")  # Rs 285, not revenue
    await add(at=YESTERDAY_LATE, lines=(("TATA-SALT-1", 1000),), status="confirmed")  # yesterday, still open
    await log_in(panel)
    page = await dashboard(panel)
    assert figure(page, "orders-today") == "3"
    assert figure(page, "revenue-today") == "₹88"
    assert figure(page, "pending") == "1" and figure(page, "open") == "2"
    assert "1 of today&#39;s orders were cancelled; they are not in the revenue." in page
    assert 'href="/panel/history?from=2026-01-05&amp;to=2026-01-05"' in page


async def test_best_sellers_of_the_last_seven_days_by_revenue(panel, services, shop):
    add = lambda **kw: add_order(services.sessions, shop.id, **kw)  # noqa: E731
    await add(at=NOW - timedelta(days=6), lines=(("MAGGI-70", 10000),))  # Rs 140
    await add(at=NOW, lines=(("SUGAR-LOOSE", 2500), ("MAGGI-70", 2000)))  # Rs 115 + Rs 28
    await add(at=NOW, lines=(("AMUL-BUTTER-500", 2000),), status="cancelled")  # cancelled: not a sale
    await add(at=NOW - timedelta(days=8), lines=(("TATA-SALT-1", 20000),))  # Rs 560, too long ago
    await log_in(panel)
    table = re.search(r'<table id="best-sellers">(.*?)</table>', await dashboard(panel), re.S).group(1)
    rows = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in re.findall(r"<tr>(.*?)</tr>", table)]
    assert rows[1:] == ["Maggi Masala Noodles 70g × 12 ₹168", "Sugar (loose, per kg) 2.5 kg ₹115"]


async def test_another_stores_orders_do_not_count(panel, services, shop):
    async with services.sessions() as s, s.begin():
        await create_store(s, code="SHOP2", name="Other Store", owner_phones=["919811122233"],
                           owner_password="another long password")
    await add_order(services.sessions, shop.id, at=NOW)
    assert (await log_in(panel, phone="919811122233", password="another long password")).status == 303
    page = await dashboard(panel)
    assert "Other Store" in page
    assert [figure(page, f) for f in ("orders-today", "revenue-today", "pending", "open")] == ["0", "₹0", "0", "0"]
    assert "No sales in these days yet." in page


async def test_the_dashboard_needs_a_login(panel):
    resp = await panel.get("/panel/dashboard", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"
