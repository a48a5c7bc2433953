"""Dashboard figures: today in India time, revenue without cancelled orders, what waits, best sellers."""
from datetime import UTC, datetime, timedelta

from tests.integration.past_orders import add_order, make_shop
from vyaparai.orders.reports import day_summary, top_products

NOW = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)  # 08:30 IST on 5 January
TODAY_EARLY = datetime(2026, 1, 4, 20, 0, tzinfo=UTC)  # 01:30 IST on 5 January: today, though "yesterday" in UTC
YESTERDAY_LATE = datetime(2026, 1, 4, 18, 0, tzinfo=UTC)  # 23:30 IST on 4 January


async def _summary(sessions, store_id):
    async with sessions() as s:
        return await day_summary(s, store_id, now=NOW)


async def test_today_is_the_india_day_across_utc_midnight(sessions):
    store_id = await make_shop(sessions)
    await add_order(sessions, store_id, at=TODAY_EARLY)  # Rs 46
    await add_order(sessions, store_id, at=YESTERDAY_LATE, lines=(("MAGGI-70", 1000),))
    summary = await _summary(sessions, store_id)
    assert (summary.day.isoformat(), summary.orders, summary.revenue_paise) == ("2026-01-05", 1, 4600)


async def test_revenue_leaves_out_cancelled_orders_but_the_count_keeps_them(sessions):
    store_id = await make_shop(sessions)
    await add_order(sessions, store_id, at=NOW, status="delivered")  # 46
    await add_order(sessions, store_id, at=NOW, lines=(("MAGGI-70", 3000),), status="confirmed")  # 42
    await add_order(sessions, store_id, at=NOW, lines=(("GHEE-1L", 1000),), status="cancelled")  # 650
    summary = await _summary(sessions, store_id)
    assert (summary.orders, summary.cancelled, summary.revenue_paise) == (3, 1, 4600 + 4200)


async def test_pending_and_open_count_whatever_day_the_order_came(sessions):
    store_id = await make_shop(sessions)
    await add_order(sessions, store_id, at=NOW - timedelta(days=3))
    await add_order(sessions, store_id, at=NOW)
    await add_order(sessions, store_id, at=NOW, status="out_for_delivery")
    await add_order(sessions, store_id, at=NOW, status="delivered")
    await add_order(sessions, store_id, at=NOW, status="cancelled")
    summary = await _summary(sessions, store_id)
    assert (summary.pending, summary.open) == (2, 3)


async def test_an_empty_day_is_all_zeros(sessions):
    summary = await _summary(sessions, await make_shop(sessions))
    assert (summary.orders, summary.cancelled, summary.revenue_paise, summary.pending, summary.open) == (0,) * 5


async def test_best_sellers_rank_by_revenue_over_seven_india_days_without_cancelled(sessions):
    store_id = await make_shop(sessions)
    await add_order(sessions, store_id, at=NOW, lines=(("MAGGI-70", 5000), ("SUGAR-LOOSE", 500)))
    await add_order(sessions, store_id, at=NOW - timedelta(days=6), lines=(("SUGAR-LOOSE", 2000),))
    await add_order(sessions, store_id, at=NOW, lines=(("GHEE-1L", 2000),), status="cancelled")
    # Seven IST days up to 5 January start at 00:00 IST on 30 December: 23:30 IST the day before is out.
    await add_order(sessions, store_id, at=datetime(2025, 12, 29, 18, 0, tzinfo=UTC), lines=(("GHEE-1L", 1000),))
    await add_order(sessions, store_id, at=datetime(2025, 12, 29, 19, 0, tzinfo=UTC), lines=(("MAGGI-70", 1000),))
    async with sessions() as s:
        best = await top_products(s, store_id, now=NOW, days=7)
    assert [(p.name, p.quantity, p.revenue_paise, p.orders) for p in best] == [
        ("Sugar (loose, per kg)", (2.5, "kg"), 2300 + 9200, 2),
        ("Maggi Masala Noodles 70g", (6, "pack"), 7000 + 1400, 2),
    ]


async def test_another_stores_orders_count_nowhere(sessions):
    mine, theirs = await make_shop(sessions), await make_shop(sessions, code="KIRANA2")
    await add_order(sessions, theirs, at=NOW, lines=(("GHEE-1L", 1000),))
    summary = await _summary(sessions, mine)
    async with sessions() as s:
        assert await top_products(s, mine, now=NOW) == []
    assert (summary.orders, summary.revenue_paise, summary.pending) == (0, 0, 0)
