"""A shop made from a small CSV for the whole-chat tests that need other products than conftest's shop."""
from __future__ import annotations

from pathlib import Path

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store


async def make_shop(sessions, tmp_path: Path, csv: str, *, name: str = "Nukkad Store", code: str = "SHOP1"):
    """The store `code` (the web chat's SHOP1 unless told) selling exactly the rows of `csv`; every row must import."""
    path = tmp_path / "shop.csv"
    path.write_text(csv, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code=code, name=name, owner_phones=["919800000001"],
                                   owner_password="correct horse battery")
        report = await import_catalog(session, store.id, path)
        assert not report.errors, report.errors
    return store
