"""`vyaparai serve [--processes N]` and `vyaparai demo`: run the web app (web chat, webhooks, panel), N processes on one port."""
from __future__ import annotations

import asyncio
import errno
import logging
import socket

from aiohttp import web

from vyaparai.cli.context import CommandError, database, process_count
from vyaparai.config import Settings
from vyaparai.db.migrate import upgrade
from vyaparai.web.app import create_app
from vyaparai.workers.event_loop import new_event_loop
from vyaparai.workers.heap import freeze_loaded_data
from vyaparai.workers.lifetime import import_everything_now
from vyaparai.workers.supervisor import Supervisor


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve web chat, webhooks and panel with the current settings")
    p.add_argument("--host", default="0.0.0.0")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--processes", type=process_count, default=1,
                   help="web processes sharing the port (SO_REUSEPORT), kept running (default 1)")
    p.set_defaults(handler=run_serve)
    d = sub.add_parser("demo", help="migrate, seed the demo store DEMO and serve everything on this machine")
    d.add_argument("--host", default="127.0.0.1")
    d.add_argument("--port", type=int, default=8080)
    d.set_defaults(handler=run_demo)


def _serve(settings: Settings, command: str, host: str, port: int, *, reuse_port: bool = False) -> None:
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    try:
        app = create_app(settings)
        # After the app's own start-up (language data loaded): a serving process, not the tests' apps.
        app.on_startup.append(_freeze_loaded_data)
        # reuse_port: each of N processes listens on the port itself and the kernel spreads connections.
        web.run_app(app, host=host, port=port, print=None, reuse_port=reuse_port or None, loop=new_event_loop())
    except OSError as e:  # taken between the check and the start
        raise _cannot_listen(e, command, host, port) from e


async def _freeze_loaded_data(_app: web.Application) -> None:
    freeze_loaded_data()


def _check_port(command: str, host: str, port: int) -> None:
    """Fail before migrating or printing "running" when the port is taken: a sentence, not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        # SO_REUSEADDR as aiohttp sets it: a port in TIME_WAIT is free, one with a listener is not.
        with socket.create_server((host, port), family=family):
            pass
    except OSError as e:
        raise _cannot_listen(e, command, host, port) from e


def _cannot_listen(e: OSError, command: str, host: str, port: int) -> CommandError:
    if e.errno == errno.EADDRINUSE:
        return CommandError(f"port {port} is already in use (another vyaparai or another program). "
                            f"Stop it, or choose a free port: vyaparai {command} --port {port + 1}")
    if e.errno == errno.EACCES:
        return CommandError(f"not allowed to listen on port {port} (ports below 1024 need root). "
                            f"Choose another: vyaparai {command} --port 8080")
    return CommandError(f"cannot listen on {host}:{port}: {e.strerror or e}. "
                        f"Check --host, or choose another port with --port")


def run_serve(args) -> int:
    settings = Settings.from_env()
    _check_port("serve", args.host, args.port)
    jobs = "in-process" if settings.jobs_in_process else "rq"
    if args.processes == 1:
        print(f"VyaparAI serving on http://{args.host}:{args.port} (jobs: {jobs})")
        _serve(settings, "serve", args.host, args.port)
        return 0
    print(f"VyaparAI serving on http://{args.host}:{args.port} with {args.processes} processes (jobs: {jobs}, "
          f"{'each process runs its own' if settings.jobs_in_process else 'on the rq workers'})", flush=True)
    logging.getLogger().setLevel(logging.INFO)
    import_everything_now()  # once, before the forks: the children share the language data
    return Supervisor("web", args.processes, lambda _index: _serve(
        settings, "serve", args.host, args.port, reuse_port=True)).run()


def run_demo(args) -> int:
    settings = Settings.from_env()
    _check_port("demo", args.host, args.port)
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
    _serve(settings, "demo", args.host, args.port)
    return 0


async def _seed(settings: Settings):
    from vyaparai.catalog.demo import seed_demo

    async with database(settings) as sessions:
        async with sessions() as session, session.begin():
            return await seed_demo(session)
