"""The onboarding form: register a store as `store create` does, copy starter categories, welcome the owner."""
from __future__ import annotations

from aiohttp import web

from vyaparai.bot.owner_language import LANGUAGES, remember_owner_language
from vyaparai.catalog.onboarding import NewStore, onboard_store
from vyaparai.catalog.rules_input import parse_hours
from vyaparai.catalog.starter import UnknownCategory, starter_categories
from vyaparai.catalog.stores import MIN_PASSWORD_LENGTH, ChannelTaken, InvalidStoreValue, StoreError, StoreExists
from vyaparai.web.admin.auth import current_operator
from vyaparai.web.admin.welcome import queue_welcome
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.web.panel.csrf import checked_form
from vyaparai.web.panel.i18n import Translator, translator
from vyaparai.web.panel.render import flash, render

FIELDS = ("code", "name", "owner_phone", "owner_password", "whatsapp_phone_number_id", "lat", "lon", "address",
          "hours", "owner_language")
MAX_FIELD = 300

routes = web.RouteTableDef()


@routes.get("/onboard")
async def onboarding_form(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    return await _form(request, operator, values={"take_orders_now": "on", "owner_language": "hi"}, errors={})


@routes.post("/onboard")
async def onboard(request: web.Request) -> web.Response:
    operator = await current_operator(request)
    form = await checked_form(request)
    values = {name: str(form.get(name, "")).strip()[:MAX_FIELD] for name in FIELDS}
    values["take_orders_now"] = form.get("take_orders_now", "")
    categories = [str(c) for c in form.getall("category", [])]
    _ = await translator(request)
    errors: dict[str, str] = {}
    new = _new_store(_, values, categories, errors)
    if new is not None:
        services = request.config_dict[SERVICES]
        try:
            async with services.sessions() as db, db.begin():
                store = (await onboard_store(db, new, actor=operator.actor)).store
                if values["owner_language"] in LANGUAGES:
                    remember_owner_language(store, store.owner_phones[0], values["owner_language"], chosen=False)
                queue_welcome(db, store, services.settings.public_base_url)
        except StoreError as e:
            errors.update(_store_error(_, e))
        except UnknownCategory as e:
            errors["category"] = _("The starter catalog has no category {names}.", names=", ".join(e.names))
    if errors:
        return await _form(request, operator, values={**values, "categories": categories}, errors=errors, status=400)
    request.config_dict[JOBS].kick_delivery()
    await flash(request, _("{store} is registered. A welcome with the panel link is on its way to +{phone}.",
                           store=store.name, phone=store.owner_phones[0]))
    raise web.HTTPSeeOther(f"/admin/stores/{store.code}")


def _new_store(_: Translator, values: dict, categories: list[str], errors: dict) -> NewStore | None:
    """The form as a NewStore; the numbers and hours are read here, everything else is checked by create_store."""
    lat = _number(values["lat"])
    lon = _number(values["lon"])
    if lat is False or lon is False:
        errors["location"] = _("Latitude and longitude are numbers, like 28.5672 and 77.2436.")
    hours = None
    if values["hours"]:
        try:
            hours = parse_hours(values["hours"])
        except InvalidStoreValue:
            errors["hours"] = _("Write the hours like: Mon-Sat 08:00-21:00, Sun 09:00-13:00.")
    if errors:
        return None
    return NewStore(code=values["code"], name=values["name"], owner_phone=values["owner_phone"],
                    owner_password=values["owner_password"] or None,
                    whatsapp_phone_number_id=values["whatsapp_phone_number_id"] or None,
                    lat=lat, lon=lon, address=values["address"] or None, opening_hours=hours,
                    take_orders_now=bool(values["take_orders_now"]), starter_categories=tuple(categories))


def _number(text: str) -> float | None | bool:
    """A float, None when empty, False when it is not a number."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return False
    return value if value == value and abs(value) != float("inf") else False


def _store_error(_: Translator, e: StoreError) -> dict[str, str]:
    """The field the refusal is about, and what to do about it."""
    if isinstance(e, StoreExists):
        return {"code": _("A store with code {code} already exists.", code=e.store_code)}
    if isinstance(e, ChannelTaken):
        return {"whatsapp_phone_number_id": _("This WhatsApp number id already belongs to another store.")}
    field = getattr(e, "field", "")
    return {
        "code": {"code": _("Use 2 to 32 letters, digits, '-' or '_'.")},
        "name": {"name": _("A store needs a name.")},
        "phone": {"owner_phone": _(
            "That is not a phone number. Write it with the country code, e.g. +91 98765 43210.")},
        "owner_phones": {"owner_phone": _("A store needs an owner's phone number.")},
        "owner_password": {"owner_password": _("The password must be at least {count} characters.",
                                               count=MIN_PASSWORD_LENGTH)},
        "location": {"location": _("Give both latitude (-90 to 90) and longitude (-180 to 180), or neither.")},
        "opening_hours": {"hours": _("Write the hours like: Mon-Sat 08:00-21:00, Sun 09:00-13:00.")},
    }.get(field, {"code": str(e)})


async def _form(request: web.Request, operator, *, values: dict, errors: dict, status: int = 200) -> web.Response:
    return await render(request, "admin/onboard.html", {
        "operator": operator, "active": "onboard", "values": values, "errors": errors, "owner_languages": LANGUAGES,
        "starter": starter_categories(), "chosen": set(values.get("categories", ())),
        "min_password": MIN_PASSWORD_LENGTH}, status=status)
