"""The order history queries: every filter, keyset pages both ways, export batches, and one store only."""
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.integration.past_orders import add_order, make_shop
from vyaparai.orders.history import HistoryFilters, history_batch, history_page, items_summary

JAN5 = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)  # 11:30 IST


async def _numbers(sessions, store_id, filters=HistoryFilters(), **cursor):
    async with sessions() as s:
        page = await history_page(s, store_id, filters, **cursor)
    return [o.number for o in page.orders]


async def test_each_filter_narrows_the_orders_and_they_combine(sessions):
    store_id = await make_shop(sessions)
    cod_done = await add_order(sessions, store_id, at=JAN5, status="delivered", payment_status="paid")
    upi_paid = await add_order(sessions, store_id, at=JAN5, payment_method="upi", payment_status="paid",
                               status="confirmed")
    upi_failed = await add_order(sessions, store_id, at=JAN5, payment_method="upi", payment_status="failed",
                                 status="cancelled")
    cod_pending = await add_order(sessions, store_id, at=JAN5)

    assert await _numbers(sessions, store_id) == [cod_pending, upi_failed, upi_paid, cod_done]
    assert await _numbers(sessions, store_id, HistoryFilters(statuses=("delivered", "cancelled"))) == [
        upi_failed, cod_done]
    assert await _numbers(sessions, store_id, HistoryFilters(payment_kind="cod")) == [cod_pending, cod_done]
    assert await _numbers(sessions, store_id, HistoryFilters(payment_kind="online")) == [upi_failed, upi_paid]
    assert await _numbers(sessions, store_id, HistoryFilters(payment_status="paid")) == [upi_paid, cod_done]
    assert await _numbers(sessions, store_id, HistoryFilters(payment_kind="online", payment_status="paid")) == [
        upi_paid]
    assert await _numbers(sessions, store_id, HistoryFilters(statuses=("pending",), payment_kind="online")) == []


async def test_dates_are_india_calendar_days_with_both_ends_included(sessions):
    store_id = await make_shop(sessions)
    late_jan4 = await add_order(sessions, store_id, at=datetime(2026, 1, 4, 18, 29, tzinfo=UTC))  # 23:59 IST
    early_jan5 = await add_order(sessions, store_id, at=datetime(2026, 1, 4, 18, 30, tzinfo=UTC))  # 00:00 IST
    late_jan6 = await add_order(sessions, store_id, at=datetime(2026, 1, 6, 18, 29, tzinfo=UTC))  # 23:59 IST
    jan7 = await add_order(sessions, store_id, at=datetime(2026, 1, 6, 18, 30, tzinfo=UTC))

    jan5_to_6 = HistoryFilters(placed_from=date(2026, 1, 5), placed_to=date(2026, 1, 6))
    assert await _numbers(sessions, store_id, jan5_to_6) == [late_jan6, early_jan5]
    assert await _numbers(sessions, store_id, HistoryFilters(placed_to=date(2026, 1, 4))) == [late_jan4]
    assert await _numbers(sessions, store_id, HistoryFilters(placed_from=date(2026, 1, 7))) == [jan7]
    one_day = HistoryFilters(placed_from=date(2026, 1, 5), placed_to=date(2026, 1, 5), statuses=("pending",))
    assert await _numbers(sessions, store_id, one_day) == [early_jan5]


async def test_pages_go_older_and_back_newer_with_the_filters_kept(sessions):
    store_id = await make_shop(sessions)
    numbers = [await add_order(sessions, store_id, at=JAN5 + timedelta(minutes=i),
                               payment_method="cod" if i % 2 else "upi") for i in range(13)]
    cod = sorted((n for i, n in enumerate(numbers) if i % 2), reverse=True)  # 6 orders
    only_cod = HistoryFilters(payment_kind="cod")
    async with sessions() as s:
        first = await history_page(s, store_id, only_cod, size=4)
        second = await history_page(s, store_id, only_cod, older_than=first.oldest_number, size=4)
        back = await history_page(s, store_id, only_cod, newer_than=second.newest_number, size=4)
    assert [o.number for o in first.orders] == cod[:4] and (first.has_newer, first.has_older) == (False, True)
    assert [o.number for o in second.orders] == cod[4:] and (second.has_newer, second.has_older) == (True, False)
    assert [o.number for o in back.orders] == cod[:4] and (back.has_newer, back.has_older) == (False, True)


async def test_going_back_near_the_top_gives_a_full_first_page(sessions):
    store_id = await make_shop(sessions)
    numbers = [await add_order(sessions, store_id, at=JAN5) for _ in range(5)]
    async with sessions() as s:
        page = await history_page(s, store_id, HistoryFilters(), newer_than=numbers[2], size=3)
    assert [o.number for o in page.orders] == numbers[:1:-1] and not page.has_newer and page.has_older


async def test_another_stores_orders_never_appear(sessions):
    mine, theirs = await make_shop(sessions), await make_shop(sessions, code="KIRANA2")
    my_order = await add_order(sessions, mine, at=JAN5)
    await add_order(sessions, theirs, at=JAN5, name="Other Customer")
    async with sessions() as s:
        page = await history_page(s, mine, HistoryFilters())
        batch = await history_batch(s, mine, HistoryFilters(), older_than=None)
    assert [(o.store_id, o.number) for o in page.orders] == [(mine, my_order)]
    assert [(o.store_id, o.number) for o in batch] == [(mine, my_order)]


async def test_export_batches_walk_every_filtered_order_once(sessions):
    store_id = await make_shop(sessions)
    for i in range(11):
        await add_order(sessions, store_id, at=JAN5, status="cancelled" if i == 4 else "pending")
    seen, older = [], None
    async with sessions() as s:
        while batch := await history_batch(s, store_id, HistoryFilters(statuses=("pending",)),
                                           older_than=older, size=3):
            seen += [o.number for o in batch]
            older = batch[-1].number
    assert len(seen) == 10 and seen == sorted(set(seen), reverse=True)


async def test_items_read_as_one_line_with_loose_weights_and_pack_counts(sessions):
    store_id = await make_shop(sessions)
    await add_order(sessions, store_id, at=JAN5, lines=(("SUGAR-LOOSE", 1500), ("MAGGI-70", 2000)))
    async with sessions() as s:
        (order,) = (await history_page(s, store_id, HistoryFilters())).orders
    assert items_summary(order) == "Sugar (loose, per kg) 1.5 kg; Maggi Masala Noodles 70g × 2"


def test_filters_refuse_values_that_are_not_statuses():
    with pytest.raises(ValueError):
        HistoryFilters(statuses=("lost",))
    with pytest.raises(ValueError):
        HistoryFilters(payment_kind="bitcoin")
