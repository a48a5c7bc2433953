"""The day at a glance: today's orders, revenue, what is pending, and what sells most."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from aiohttp import web

from vyaparai.bot.inbox import count_failed_messages
from vyaparai.bot.outbox import count_failed_replies
from vyaparai.orders.reports import day_summary, top_products
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import current_owner
from vyaparai.web.panel.render import render

TOP_DAYS = 7
TOP_COUNT = 5
# What "now" is; tests set a fixed clock here to check the IST day boundary. Unset: the real time.
CLOCK = web.AppKey("panel_clock", Callable[[], datetime])

routes = web.RouteTableDef()


@routes.get("/panel/dashboard")
async def dashboard(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    now = request.app[CLOCK]() if CLOCK in request.app else datetime.now(timezone.utc)
    async with request.app[SERVICES].read() as db:
        summary = await day_summary(db, owner.store.id, now=now)
        best = await top_products(db, owner.store.id, now=now, days=TOP_DAYS, limit=TOP_COUNT)
        # Messages the shop never answered (set aside after failing again and again): the operator can retry them.
        unanswered = await count_failed_messages(db, owner.store.id)
        undelivered = await count_failed_replies(db, owner.store.id)
    today = summary.day.isoformat()
    return await render(request, "panel/dashboard.html", {
        "owner": owner, "active": "dashboard", "summary": summary, "best": best, "top_days": TOP_DAYS,
        "today_link": f"/panel/history?from={today}&to={today}", "unanswered": unanswered,
        "undelivered": undelivered})
