"""The day at a glance: today's orders, revenue, what is pending, and what sells most."""
from __future__ import annotations

from aiohttp import web

routes = web.RouteTableDef()
