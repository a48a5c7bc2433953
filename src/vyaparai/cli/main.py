"""Entry point: parse the command line, build settings once, dispatch to a command module."""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from vyaparai.config import ConfigError

# Each module adds its sub-commands with register(subparsers) and sets `handler` on them.
COMMAND_MODULES = ("serve", "worker", "migrate", "chat", "store", "catalog", "orders", "nlu")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vyaparai", description="Chat ordering for kirana stores.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vyaparai.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args) or 0)
    except ConfigError as e:
        print(f"vyaparai: bad setting {e.variable}: {e.problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
