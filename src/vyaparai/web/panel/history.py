"""Past orders: filters by status, date and payment, pages, and the CSV export."""
from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from urllib.parse import urlencode

from aiohttp import web
from multidict import MultiMapping

from vyaparai.orders.history import (
    EXPORT_BATCH,
    PAYMENT_KINDS,
    HistoryFilters,
    history_batch,
    history_page,
    items_summary,
)
from vyaparai.orders.india_time import ist_date, ist_text
from vyaparai.orders.states import ORDER_STATUSES, PAYMENT_STATUSES
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import current_owner
from vyaparai.web.panel.csv_export import csv_header, csv_rows, export_filename
from vyaparai.web.panel.i18n import Translator, translator
from vyaparai.web.panel.render import render

logger = logging.getLogger(__name__)

# Dates a person could mean; outside them the IST/UTC arithmetic would overflow for nothing.
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
SHOWN_MAX = 40  # characters of a bad value repeated back in a message

routes = web.RouteTableDef()


@routes.get("/panel/history")
async def history(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    _ = await translator(request)
    filters, problems = read_filters(request.query, _)
    older, newer = _number(request.query.get("after")), _number(request.query.get("before"))
    async with request.app[SERVICES].read() as db:
        page = await history_page(db, owner.store.id, filters, older_than=older,
                                  newer_than=newer if older is None else None)
    number = _number(request.query.get("page")) or 1
    # The page number only labels the page (the cursor decides what is on it): keep it believable.
    number = max(number, 2) if page.has_newer else 1
    query = filter_query(filters)
    links = {
        "newer": _link(query, before=page.newest_number, page=number - 1) if page.has_newer else None,
        "older": _link(query, after=page.oldest_number, page=number + 1) if page.has_older else None,
        "csv": "/panel/history.csv" + (f"?{urlencode(query)}" if query else ""),
    }
    return await render(request, "panel/history.html", {
        "owner": owner, "active": "history", "orders": page.orders, "items_summary": items_summary,
        "problems": problems, "filters": filters, "page_number": number, "links": links,
        "statuses": ORDER_STATUSES, "payment_statuses": PAYMENT_STATUSES,
        "ist_text": ist_text, "filtered": bool(query)})


@routes.get("/panel/history.csv")
async def history_csv(request: web.Request) -> web.StreamResponse:
    """Every filtered order, streamed in batches: a big export never sits in memory whole."""
    owner = await current_owner(request)
    _ = await translator(request)
    filters, _problems = read_filters(request.query, _)  # bad values are left out, as on the page
    today = ist_date(datetime.now(timezone.utc))
    response = web.StreamResponse(headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{export_filename(owner.store.code, filters, today)}"',
        "Cache-Control": "no-store",
        # The security middleware cannot add headers once streaming has started.
        "X-Content-Type-Options": "nosniff",
    })
    await response.prepare(request)
    await response.write(csv_header(_))
    sessions, older, sent = request.app[SERVICES].read, None, 0
    while True:
        # A session per batch: a slow phone downloading does not hold a database connection throughout.
        async with sessions() as db:
            batch = await history_batch(db, owner.store.id, filters, older_than=older)
        if batch:
            await response.write(csv_rows(batch, _))
            sent += len(batch)
        if len(batch) < EXPORT_BATCH:
            break
        older = batch[-1].number
    await response.write_eof()
    logger.info("history export for store %s: %d orders", owner.store.code, sent)
    return response


def read_filters(query: MultiMapping[str], _: Translator) -> tuple[HistoryFilters, list[str]]:
    """The filters in the query string, and a sentence for each value that was not understood (and skipped)."""
    problems: list[str] = []
    statuses = []
    for value in query.getall("status", []):
        if value in ORDER_STATUSES:
            statuses.append(value)
        elif value:
            problems.append(_("“{value}” is not an order status, so orders of every status are shown.",
                              value=value[:SHOWN_MAX]))
    placed_from = _date(query.get("from", ""), problems, _)
    placed_to = _date(query.get("to", ""), problems, _)
    if placed_from and placed_to and placed_from > placed_to:
        problems.append(_("The start date is after the end date, so the dates were not used."))
        placed_from = placed_to = None
    kind, paid = query.get("pay", ""), query.get("paid", "")
    if kind not in ("", *PAYMENT_KINDS):
        problems.append(_("“{value}” is not a way of paying, so every payment method is shown.",
                          value=kind[:SHOWN_MAX]))
        kind = ""
    if paid not in ("", *PAYMENT_STATUSES):
        problems.append(_("“{value}” is not a payment status, so every payment status is shown.",
                          value=paid[:SHOWN_MAX]))
        paid = ""
    return HistoryFilters(tuple(dict.fromkeys(statuses)), placed_from, placed_to, kind or None, paid or None), problems


def filter_query(filters: HistoryFilters) -> list[tuple[str, str]]:
    """The query string that asks for these filters again (for page links and the export)."""
    pairs = [("status", status) for status in filters.statuses]
    for key, value in (("from", filters.placed_from), ("to", filters.placed_to), ("pay", filters.payment_kind),
                       ("paid", filters.payment_status)):
        if value:
            pairs.append((key, str(value)))
    return pairs


def _date(value: str, problems: list[str], _: Translator) -> date | None:
    if not value.strip():
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= LATEST:
        problems.append(_("“{value}” is not a date we can use (write it as 2026-01-31), so it was left out.",
                          value=value[:SHOWN_MAX]))
        return None
    return day


def _number(value: str | None) -> int | None:
    if value and value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def _link(query: list[tuple[str, str]], **cursor: object) -> str:
    return "/panel/history?" + urlencode([*query, *((k, str(v)) for k, v in cursor.items())])
