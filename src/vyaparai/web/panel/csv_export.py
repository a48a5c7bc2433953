"""The order history as CSV: columns in the owner's language, amounts spreadsheets can add, no formulas."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from vyaparai.db.models import Order
from vyaparai.orders.history import HistoryFilters, items_summary
from vyaparai.orders.india_time import ist_text
from vyaparai.web.panel.i18n import Translator

# Excel opens a UTF-8 CSV as a legacy code page unless it starts with a byte-order mark:
# without it, ₹ and Hindi names come out as mojibake.
BOM = "\ufeff"
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (https://owasp.org/www-community/attacks/CSV_Injection); a leading apostrophe makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_header(_: Translator) -> bytes:
    return (BOM + _line([
        _("Order number"), _("Placed at (IST)"), _("Status"), _("Payment method"), _("Payment status"),
        _("Customer name"), _("Phone"), _("Items"), _("Subtotal (₹)"), _("Delivery fee (₹)"), _("Total (₹)"),
        _("Address"),
    ])).encode("utf-8")


def csv_rows(orders: Iterable[Order], _: Translator) -> bytes:
    """One CSV line per order (items, customer loaded), encoded and ready to send."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(_row(order, _) for order in orders)
    return out.getvalue().encode("utf-8")


def export_filename(store_code: str, filters: HistoryFilters, today: date) -> str:
    """orders-SHOP1-2026-01-01-to-2026-01-31.csv; the download date when no dates were chosen."""
    first, last = filters.placed_from, filters.placed_to
    if first or last:
        span = f"{first or 'start'}-to-{last or today}"
    else:
        span = str(today)
    return f"orders-{store_code}-{span}.csv"  # store codes are [A-Z0-9_-]: nothing to quote


def safe_cell(value: str) -> str:
    """Text as text: a value that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + value if value.lstrip(" ").startswith(FORMULA_STARTS) else value


def rupees(paise: int) -> str:
    """1234.50 (no ₹, no grouping) so the spreadsheet reads a number."""
    return f"{paise // 100}.{paise % 100:02d}"


def _row(order: Order, _: Translator) -> list[str]:
    customer = order.customer
    return [
        str(order.number), ist_text(order.placed_at), _.status(order.status), _method(order.payment_method, _),
        _paid(order.payment_status, _), safe_cell(customer.name or ""), safe_cell(customer.phone or ""),
        safe_cell(items_summary(order)), rupees(order.subtotal_paise), rupees(order.delivery_fee_paise),
        rupees(order.total_paise), safe_cell(order.delivery_address or ""),
    ]


def _method(method: str | None, _: Translator) -> str:
    return _("Cash on delivery") if method == "cod" else f"{_('Online')} ({method or '?'})"


def _paid(status: str, _: Translator) -> str:
    return {"pending": _("not paid yet"), "paid": _("paid"), "failed": _("payment failed"),
            "refunded": _("refunded")}.get(status, status)


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()
