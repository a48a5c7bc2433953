"""Entry point: parse the command line, build settings once, dispatch to a command module.

Only the module of the command being run is imported: `vyaparai migrate` must not pay for (or be
broken by) the language models behind `vyaparai chat`.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from vyaparai.cli.context import CommandError
from vyaparai.config import ConfigError

# command -> (module that registers it, one-line help for `vyaparai --help`)
COMMANDS = {
    "demo": ("serve", "migrate, seed the demo store DEMO and serve everything on this machine"),
    "serve": ("serve", "serve web chat, webhooks and panel with the current settings"),
    "worker": ("worker", "run background jobs from Redis (needs REDIS_URL)"),
    "migrate": ("migrate", "bring the database schema to the latest version"),
    "chat": ("chat", "chat with the bot in the terminal (one input line per message)"),
    "store": ("store", "register and manage stores: create, update, pause, resume, show"),
    "catalog": ("catalog", "import a CSV or XLSX catalog"),
    "orders": ("orders", "list a store's orders"),
    "customer": ("customer", "a customer's data at a store (DPDP): `customer export`, `customer forget`"),
    "admin": ("admin", "operators of the console at /admin: `admin create`, `admin list`"),
    "inbox": ("inbox", "messages that could not be handled: `inbox failed`, `inbox retry`"),
    "understand": ("nlu", "offline language understanding of JSON lines on stdin"),
    "eval": ("nlu", "score `understand` against a labelled file"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vyaparai", description="Chat ordering for kirana stores.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if command in COMMANDS:
        importlib.import_module(f"vyaparai.cli.{COMMANDS[command][0]}").register(sub)
    else:
        for name, (module, help_text) in COMMANDS.items():
            sub.add_parser(name, help=help_text)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    return next((a for a in argv if not a.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args) or 0)
    except ConfigError as e:
        print(f"vyaparai: bad setting {e.variable}: {e.problem}", file=sys.stderr)
        return 2
    except CommandError as e:
        print(f"vyaparai: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `vyaparai orders list --json | head`: the reader has gone; say nothing more (Python's docs,
        # "Note on SIGPIPE": point stdout at devnull so the interpreter's final flush is quiet too).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
