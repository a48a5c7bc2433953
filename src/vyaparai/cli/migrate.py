"""`vyaparai migrate`: bring the database schema to the latest version."""
from __future__ import annotations

from vyaparai.config import Settings
from vyaparai.db.migrate import upgrade


def register(sub) -> None:
    p = sub.add_parser("migrate", help="bring the database schema to the latest version")
    p.set_defaults(handler=run)


def run(args) -> int:
    settings = Settings.from_env()
    upgrade(settings.database_url)
    print("database is up to date")
    return 0
