"""`vyaparai serve` and `vyaparai demo`: run the web app (web chat, webhooks, panel) with in-process jobs."""
from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from vyaparai.cli.context import database
from vyaparai.config import Settings
from vyaparai.db.migrate import upgrade
from vyaparai.web.app import create_app


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve web chat, webhooks and panel with the current settings")
    p.add_argument("--host", default="0.0.0.0")
    p.add_argument("--port", type=int, default=8080)
    p.set_defaults(handler=run_serve)
    d = sub.add_parser("demo", help="migrate, seed the demo store DEMO and serve everything on this machine")
    d.add_argument("--host", default="127.0.0.1")
    d.add_argument("--port", type=int, default=8080)
    d.set_defaults(handler=run_demo)


def _serve(settings: Settings, host: str, port: int) -> None:
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    web.run_app(create_app(settings), host=host, port=port, print=None)


def run_serve(args) -> int:
    settings = Settings.from_env()
    print(f"VyaparAI serving on http://{args.host}:{args.port} (jobs: {'in-process' if settings.jobs_in_process else 'rq'})")
    _serve(settings, args.host, args.port)
    return 0


def run_demo(args) -> int:
    settings = Settings.from_env()
    upgrade(settings.database_url)
    info = asyncio.run(_seed(settings))
    base = f"http://{'localhost' if args.host in ('0.0.0.0', '127.0.0.1') else args.host}:{args.port}"
    print("VyaparAI demo is running.\n")
    print(f"  Web chat (customer):  {base}/chat/{info.store_code}")
    print(f"  Owner panel:          {base}/panel/")
    print(f"  Owner login:          phone {info.owner_phone}  password {info.owner_password}")
    print(f"  Terminal chat:        vyaparai chat --store {info.store_code}")
    print(f"  Orders as JSON:       vyaparai orders list --store {info.store_code} --json")
    print(f"  Database:             {settings.database_url}\n")
    print("Press Ctrl+C to stop.")
    _serve(settings, args.host, args.port)
    return 0


async def _seed(settings: Settings):
    from vyaparai.catalog.demo import seed_demo

    async with database(settings) as sessions:
        async with sessions() as session, session.begin():
            return await seed_demo(session)
