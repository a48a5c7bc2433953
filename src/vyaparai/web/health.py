"""Liveness, readiness (the database answers) and Prometheus metrics."""
from __future__ import annotations

import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest
from sqlalchemy import text

from vyaparai.web.keys import SERVICES

logger = logging.getLogger(__name__)

INBOUND = Counter("vyaparai_inbound_messages_total", "Inbound messages accepted", ["channel", "result"])
HTTP = Counter("vyaparai_http_responses_total", "HTTP responses", ["route", "status"])

routes = web.RouteTableDef()


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@routes.get("/readyz")
async def readyz(request: web.Request) -> web.Response:
    try:
        async with request.app[SERVICES].engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:
        logger.exception("readiness check: database unreachable")
        return web.json_response({"status": "database unreachable"}, status=503)
    return web.json_response({"status": "ready"})


@routes.get("/metrics")
async def metrics(request: web.Request) -> web.Response:
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


@web.middleware
async def count_responses(request: web.Request, handler):
    route = request.match_info.route.resource.canonical if request.match_info.route.resource else "unmatched"
    try:
        response = await handler(request)
    except web.HTTPException as e:
        HTTP.labels(route, str(e.status)).inc()
        raise
    HTTP.labels(route, str(response.status)).inc()
    return response
