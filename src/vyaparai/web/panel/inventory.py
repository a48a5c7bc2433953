"""The store's products: search, edit, add, upload a price list, and what is running low."""
from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
