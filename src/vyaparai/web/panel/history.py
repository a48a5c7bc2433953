"""Past orders: filters by status, date and payment, pages, and the CSV export."""
from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
