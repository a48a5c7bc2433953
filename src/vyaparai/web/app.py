"""Build the aiohttp application: routes, middlewares, and the start/stop of shared services."""
from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from vyaparai.config import Settings
from vyaparai.nlu.native_spellings import WARM_UP
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.translit import load_transliterator_in_background
from vyaparai.web import chat, health, razorpay, rcs, sms, telegram, whatsapp
from vyaparai.web.admin import setup_admin
from vyaparai.web.keys import JOBS, SERVICES
from vyaparai.web.panel import setup_panel
from vyaparai.web.security import setup_security_headers
from vyaparai.web.url_guard import refuse_nul_in_url
from vyaparai.workers.order_feed import CATCH_UP_EVERY
from vyaparai.workers.queue import make_jobs
from vyaparai.workers.services import Services

HERE = Path(__file__).parent


def create_app(settings: Settings, *, services: Services | None = None, sweep_every: float = 5.0,
               catch_up_every: float = CATCH_UP_EVERY) -> web.Application:
    app = web.Application(client_max_size=chat.MAX_BODY, middlewares=[health.count_responses, refuse_nul_in_url])
    setup_security_headers(app)
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"))
    app.router.add_routes(health.routes)
    app.router.add_routes(chat.routes)
    app.router.add_routes(whatsapp.routes)
    app.router.add_routes(telegram.routes)
    app.router.add_routes(razorpay.routes)
    app.router.add_routes(sms.routes)
    app.router.add_routes(rcs.routes)
    setup_panel(app, settings)
    setup_admin(app, settings)
    app.router.add_static("/static", HERE / "static")
    app.router.add_get("/favicon.ico", _favicon)

    async def lifecycle(app: web.Application):
        # Load the language data now, not on the first customer's message (the lexicon and word tables).
        await asyncio.to_thread(_warm_up_language_understanding)
        svc = services or Services.create(settings)
        jobs = make_jobs(svc, sweep_every=sweep_every)
        app[SERVICES], app[JOBS] = svc, jobs
        await svc.feed.start(svc.read_sessions or svc.sessions, catch_up_every=catch_up_every)
        await jobs.start()
        yield
        await jobs.stop()
        if services is None:
            await svc.close()

    app.cleanup_ctx.append(lifecycle)
    return app


async def _favicon(request: web.Request) -> web.Response:
    """Browsers and bots ask for /favicon.ico whatever the page says; point them at the real icon."""
    raise web.HTTPMovedPermanently("/static/favicon.svg")


def _warm_up_language_understanding() -> None:
    for text in WARM_UP:  # their words' keys come from the shipped file (nlu/native_spellings.py)
        understand(text)
    load_transliterator_in_background()  # for a customer's first word that the file does not have
