"""The store's products: search, edit, add, upload a price list, and what is running low."""
from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from vyaparai.catalog.editing import (
    PAGE_SIZE, InventoryItem, ProductExists, add_product, find_product, search_products, update_product,
)
from vyaparai.catalog.product_input import ABOVE_MRP, check_new_product, check_product_change, shown_amount
from vyaparai.catalog.records import CATALOG_UNITS
from vyaparai.locales import money
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel import inventory_upload
from vyaparai.web.panel.auth import current_owner
from vyaparai.web.panel.csrf import checked_form
from vyaparai.web.panel.i18n import Translator, translator
from vyaparai.web.panel.render import flash, render

LIST_URL = "/panel/inventory"
EDIT_URL = r"/panel/inventory/{product_id:\d{1,9}}"
NEW_URL = "/panel/inventory/new"
MAX_PAGE = 10_000

routes = web.RouteTableDef()
routes.get(inventory_upload.UPLOAD_URL)(inventory_upload.upload_page)
routes.post(inventory_upload.UPLOAD_URL)(inventory_upload.upload)
routes.get(inventory_upload.PROGRESS_URL)(inventory_upload.import_progress)


@routes.get(LIST_URL)
async def product_list(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    _ = await translator(request)
    text = request.query.get("q", "").strip()
    low = request.query.get("low") == "1"
    page = _page_number(request.query.get("page", ""))
    async with request.app[SERVICES].read() as db:
        items = await search_products(db, owner.store.id, text, low_stock_only=low, limit=PAGE_SIZE + 1,
                                      offset=(page - 1) * PAGE_SIZE)

    def page_url(number: int) -> str:
        params = {k: v for k, v in (("q", text), ("low", "1" if low else ""), ("page", number)) if v}
        return f"{LIST_URL}?{urlencode(params)}" if params else LIST_URL

    return await render(request, "panel/inventory.html", {
        "owner": owner, "active": "inventory", "q": text, "low": low, "page": page,
        "rows": [_row(item, _) for item in items[:PAGE_SIZE]],
        "prev_url": page_url(page - 1) if page > 1 else None,
        "next_url": page_url(page + 1) if len(items) > PAGE_SIZE else None,
        "all_url": page_url(1) if low else None, "back": request.path_qs})


@routes.get(EDIT_URL)
async def edit_page(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    async with request.app[SERVICES].read() as db:
        item = await _find(db, owner.store.id, int(request.match_info["product_id"]))
    stock, low = shown_amount(item.product, item.product.stock_milli), shown_amount(item.product, item.low_stock_milli)
    form = {"price": _rupees_field(item.product.price_paise), "stock": stock[0], "low_stock": low[0],
            "active": item.product.active, "stock_was": item.product.stock_milli,
            "low_stock_was": item.low_stock_milli, "back": _safe_back(request.query.get("back", ""))}
    return await _edit_form(request, owner, item, form, {})


@routes.post(EDIT_URL)
async def edit(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    form = await checked_form(request)
    _ = await translator(request)
    async with request.app[SERVICES].sessions() as db, db.begin():
        item = await _find(db, owner.store.id, int(request.match_info["product_id"]))
        change = check_product_change(item.product, form, mrp_paise=item.product.mrp_paise)
        if not isinstance(change, dict):
            await update_product(db, owner.store.id, item.product.id, change)
    if isinstance(change, dict):
        errors = _edit_errors(change, item, _)
        return await _edit_form(request, owner, item, {**form, "active": bool(form.get("active"))}, errors,
                                status=400)
    await flash(request, _("Saved {name}.", name=item.product.name))
    raise web.HTTPSeeOther(_safe_back(str(form.get("back", ""))))


@routes.get(NEW_URL)
async def new_page(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    return await _new_form(request, owner, {"unit": "piece", "stock": "0", "low_stock": "0"}, {})


@routes.post(NEW_URL)
async def new(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    form = await checked_form(request)
    _ = await translator(request)
    row = check_new_product(form)
    if isinstance(row, dict):
        return await _new_form(request, owner, form, _new_errors(row, _), status=400)
    try:
        async with request.app[SERVICES].sessions() as db, db.begin():
            await add_product(db, owner.store.id, row)
    except ProductExists:
        errors = {"sku": _("Another product already has the code {sku}.", sku=row.sku)}
        return await _new_form(request, owner, form, errors, status=400)
    await flash(request, _("Added {name}.", name=row.name))
    raise web.HTTPSeeOther(f"{LIST_URL}?{urlencode({'q': row.sku})}")


async def _edit_form(request, owner, item: InventoryItem, form, errors, *, status: int = 200) -> web.Response:
    _ = await translator(request)
    return await render(request, "panel/inventory_edit.html", {
        "owner": owner, "active": "inventory", "item": item.product, "form": form, "errors": errors,
        "unit": _unit_label(shown_amount(item.product, 0)[1], _)}, status=status)


async def _new_form(request, owner, form, errors, *, status: int = 200) -> web.Response:
    return await render(request, "panel/inventory_new.html", {
        "owner": owner, "active": "inventory", "form": form, "errors": errors, "units": CATALOG_UNITS},
        status=status)


async def _find(db, store_id: int, product_id: int) -> InventoryItem:
    item = await find_product(db, store_id, product_id)
    if item is None:
        # Another store's product looks exactly like one that does not exist.
        raise web.HTTPNotFound(text="No such product in your store.")
    return item


def _row(item: InventoryItem, _: Translator) -> dict:
    p = item.product
    stock, unit = shown_amount(p, p.stock_milli)
    return {"id": p.id, "name": p.name, "sku": p.sku, "price_paise": p.price_paise, "active": p.active,
            "stock": stock, "low_stock": shown_amount(p, item.low_stock_milli)[0], "unit": _unit_label(unit, _),
            "is_low": item.is_low}


def _edit_errors(problems: dict[str, str], item: InventoryItem, _: Translator) -> dict[str, str]:
    errors = {}
    if "price" in problems:
        errors["price"] = (_("The price cannot be above the MRP ({mrp}).", mrp=money(item.product.mrp_paise, _.lang))
                           if problems["price"] == ABOVE_MRP else _price_rule(_))
    unit = shown_amount(item.product, 0)[1]
    amount_rule = (_("Enter an amount in {unit}, 0 or more, with at most 3 decimals.", unit=_unit_label(unit, _))
                   if item.product.loose else _("Enter a whole number of packs, 0 or more."))
    errors.update({field: amount_rule for field in ("stock", "low_stock") if field in problems})
    return errors


def _new_errors(problems: dict[str, str], _: Translator) -> dict[str, str]:
    rules = {
        "sku": _("Enter a code of up to 64 characters, without spaces or |."),
        "name": _("Enter the product's name (up to 300 characters)."),
        "brand": _("A brand is up to 120 characters."),
        "category": _("A category is up to 64 characters."),
        "unit": _("Choose kg, g, l, ml or piece."),
        "pack_size": _("Enter the pack size in the chosen unit, more than 0 (like 500 for 500 g)."),
        "price": _price_rule(_),
        "stock": _("Enter a number of packs, 0 or more; fractions only for loose goods."),
    }
    rules["low_stock"] = rules["stock"]
    return {field: rules[field] for field in problems if field in rules}


def _price_rule(_: Translator) -> str:
    return _("Enter the price in rupees, more than 0, with at most 2 decimals (like 45.50).")


def _unit_label(unit: str, _: Translator) -> str:
    return {"pack": _("packs"), "piece": _("pieces")}.get(unit, unit)


def _rupees_field(paise: int) -> str:
    return f"{paise // 100}" if paise % 100 == 0 else f"{paise // 100}.{paise % 100:02d}"


def _page_number(raw: str) -> int:
    # isascii: "²" and "١٢" are digits to isdigit() but not to int(); 6 digits is more pages than any shop has.
    return min(int(raw), MAX_PAGE) if raw.isascii() and raw.isdigit() and 0 < len(raw) <= 6 and int(raw) > 0 else 1


def _safe_back(back: str) -> str:
    # Only the inventory list, so a crafted link cannot send the owner elsewhere after saving.
    return back if back.startswith(LIST_URL) and "//" not in back and "\\" not in back else LIST_URL
