"""The panel's order pages: the open orders, one order's detail, and accept / reject / advance."""
from __future__ import annotations

from datetime import datetime, timezone

from aiohttp import web

from vyaparai.bot.order_actions import next_step, set_order_status
from vyaparai.orders.errors import InvalidTransition, OrderNotFound
from vyaparai.orders.lifecycle import find_order
from vyaparai.orders.listing import item_as_dict, orders_as_dicts
from vyaparai.orders.states import CANCELLED, CONFIRMED, OPEN_STATUSES, PENDING, can_cancel
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import current_owner
from vyaparai.web.panel.csrf import checked_form
from vyaparai.web.panel.i18n import translator
from vyaparai.web.panel.render import flash, render

MAX_REASON = 200

routes = web.RouteTableDef()


@routes.get("/panel/")
async def open_orders(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    async with request.app[SERVICES].read() as db:
        orders = await orders_as_dicts(db, owner.store.id, limit=100, statuses=OPEN_STATUSES)
    return await render(request, "panel/orders.html", {"owner": owner, "orders": orders})


@routes.get(r"/panel/orders/{number:\d{1,9}}")
async def order_detail(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    async with request.app[SERVICES].read() as db:
        order = await _find(db, owner.store.id, int(request.match_info["number"]))
        items = [item_as_dict(i) for i in order.items]
        history = sorted(order.history, key=lambda e: e.at)
    return await render(request, "panel/order.html", {
        "owner": owner, "order": order, "items": items, "history": history, "next": next_step(order.status),
        "can_accept": order.status == PENDING, "can_reject": can_cancel(order.status)})


@routes.post(r"/panel/orders/{number:\d{1,9}}/{action:accept|reject|advance}")
async def order_action(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    form = await checked_form(request)
    number, action = int(request.match_info["number"]), request.match_info["action"]
    reason = str(form.get("reason", "")).strip()[:MAX_REASON] or None
    services = request.app[SERVICES]
    _ = await translator(request)
    async with services.sessions() as db, db.begin():
        order = await _find(db, owner.store.id, number)
        wanted = {"accept": CONFIRMED, "reject": CANCELLED}.get(action) or next_step(order.status)
        try:
            if wanted is None:
                raise InvalidTransition(number, order.status, "next")
            await set_order_status(db, owner.store, number, wanted, reason=reason if action == "reject" else None,
                                   now=datetime.now(timezone.utc), payments=services.bot.payments)
            message = _("Order #{number} is now {status}. The customer has been told.",
                        number=number, status=_.status(order.status))
        except InvalidTransition as e:
            message = _("Order #{number} is {status}; it cannot be changed that way now.",
                        number=number, status=_.status(e.current))
    await flash(request, message)
    raise web.HTTPSeeOther("/panel/" if form.get("back") == "list" else f"/panel/orders/{number}")


async def _find(db, store_id: int, number: int):
    try:
        return await find_order(db, store_id, number)
    except OrderNotFound:
        # Someone else's order number looks exactly like one that does not exist.
        raise web.HTTPNotFound(text="No such order in your store.") from None
