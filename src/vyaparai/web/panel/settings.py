"""The owner's Settings page: the shop's rules (minimum order, delivery charge, hours, cash/online, radius)."""
from __future__ import annotations

from aiohttp import web
from multidict import MultiDictProxy

from vyaparai.catalog.hours import DAYS
from vyaparai.catalog.rules_input import (
    MAX_PAISE, MAX_RADIUS_KM, InvalidRule, parse_radius_km, parse_rupees, parse_week, update_store_rules,
)
from vyaparai.db.models import Store
from vyaparai.locales import money
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import Owner, current_owner
from vyaparai.web.panel.csrf import checked_form
from vyaparai.web.panel.i18n import Translator, translator
from vyaparai.web.panel.render import flash, render

SETTINGS_URL = "/panel/settings"
# form field -> the Store column it sets
MONEY_FIELDS = {"min_order": "min_order_paise", "delivery_charge": "delivery_charge_paise",
                "free_above": "free_delivery_above_paise"}
SWITCHES = {"cod": "cod_enabled", "online": "online_enabled", "orders_when_closed": "orders_when_closed"}
PAIRS_SHOWN = 2  # time pairs per weekday row: enough for a lunch break

routes = web.RouteTableDef()


@routes.get(SETTINGS_URL)
async def settings_page(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    return await _form(request, owner, _form_of(owner.store), {})


@routes.post(SETTINGS_URL)
async def save(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    form = await checked_form(request)
    _ = await translator(request)
    changes, errors = _read(form, _)
    if errors:
        return await _form(request, owner, _typed(form), errors, status=400)
    async with request.app[SERVICES].sessions() as db, db.begin():
        store = await db.get(Store, owner.store.id)  # the store comes from the login, never from the form
        await update_store_rules(db, store, changes, actor=f"owner:+{owner.phone}")
    await flash(request, _("Settings saved. Customers get the new terms from their next message."))
    raise web.HTTPSeeOther(SETTINGS_URL)


def _read(form: MultiDictProxy, _: Translator) -> tuple[dict, dict[str, str]]:
    """The form as rule values, or {field: sentence} for each field that cannot be used."""
    changes, errors = {}, {}
    for field, rule in MONEY_FIELDS.items():
        try:
            changes[rule] = parse_rupees(str(form.get(field, "")), rule)
        except InvalidRule:
            errors[field] = _money_rule(rule, _)
    try:
        changes["delivery_radius_km"] = parse_radius_km(str(form.get("radius", "")))
    except InvalidRule:
        errors["radius"] = _("Enter a distance in km, more than 0 and at most {km}, or leave it empty.",
                             km=MAX_RADIUS_KM)
    changes.update({rule: bool(form.get(field)) for field, rule in SWITCHES.items()})
    if not (changes["cod_enabled"] or changes["online_enabled"]):
        errors["payment"] = _payment_rule(_)
    hours, problems = parse_week(_week_rows(form))
    changes["opening_hours"] = hours
    for day, problem in problems.items():
        errors[f"hours_{day}"] = (_("These times overlap.") if "overlap" in problem.problem else
                                  _("The shop cannot be closed every day.") if day == "week" else
                                  _("Enter opening and closing times like 08:00, or tick Closed."))
    return changes, errors


def _week_rows(form: MultiDictProxy) -> dict[str, list[tuple[str, str]] | None]:
    return {day: None if form.get(f"{day}_closed") else
            list(zip(form.getall(f"{day}_open", []), form.getall(f"{day}_close", []), strict=False))
            for day in DAYS}


def _form_of(store: Store) -> dict:
    """What the form shows for the store as it is."""
    hours = store.opening_hours or {day: [["00:00", "24:00"]] for day in DAYS}  # no hours: open all day
    return {
        "min_order": _rupees_field(store.min_order_paise),
        "delivery_charge": _rupees_field(store.delivery_charge_paise),
        "free_above": _rupees_field(store.free_delivery_above_paise),
        "radius": f"{store.delivery_radius_km:g}" if store.delivery_radius_km is not None else "",
        **{field: getattr(store, rule) for field, rule in SWITCHES.items()},
        "days": {day: {"closed": not hours.get(day),
                       # A time input cannot show 24:00; midnight as a closing time reads back as the day's end.
                       "pairs": [(a, "00:00" if b == "24:00" else b) for a, b in hours.get(day) or ()]}
                 for day in DAYS},
    }


def _typed(form: MultiDictProxy) -> dict:
    """The form as the owner sent it, to show again with the errors."""
    rows = _week_rows(form)
    return {
        **{field: str(form.get(field, "")) for field in (*MONEY_FIELDS, "radius")},
        **{field: bool(form.get(field)) for field in SWITCHES},
        "days": {day: {"closed": rows[day] is None,
                       "pairs": list(zip(form.getall(f"{day}_open", []), form.getall(f"{day}_close", []),
                                         strict=False))}
                 for day in DAYS},
    }


async def _form(request: web.Request, owner: Owner, form: dict, errors: dict, *, status: int = 200
                ) -> web.Response:
    _ = await translator(request)
    days = [{"key": day, "label": label, "closed": form["days"][day]["closed"],
             "pairs": _padded(form["days"][day]["pairs"])}
            for day, label in zip(DAYS, _day_names(_), strict=True)]
    return await render(request, "panel/settings.html", {
        "owner": owner, "active": "settings", "form": form, "days": days, "errors": errors,
        "paused": owner.store.status == "paused", "pending": owner.store.status == "pending"}, status=status)


def _padded(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(pairs) + [("", "")] * (PAIRS_SHOWN - len(pairs))


def _day_names(_: Translator) -> list[str]:
    return [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def _money_rule(rule: str, _: Translator) -> str:
    limit = money(MAX_PAISE[rule], _.lang)
    if rule == "free_delivery_above_paise":
        return _("Enter an amount in rupees above 0 and up to {limit}, or leave it empty.", limit=limit)
    return _("Enter an amount in rupees, 0 or more and up to {limit}, with at most 2 decimals.", limit=limit)


def _payment_rule(_: Translator) -> str:
    return _("Keep cash on delivery or online payment on: customers need a way to pay.")


def _rupees_field(paise: int | None) -> str:
    if paise is None:
        return ""
    return f"{paise // 100}" if paise % 100 == 0 else f"{paise // 100}.{paise % 100:02d}"
