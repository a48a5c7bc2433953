"""`vyaparai catalog import`: load a CSV/XLSX catalog into a store, with a progress bar and a line-by-line report."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tqdm import tqdm

from vyaparai.catalog.importer import CatalogFileError, ImportReport, import_catalog
from vyaparai.catalog.stores import get_store_by_code
from vyaparai.cli.context import database
from vyaparai.config import Settings

# Exit statuses a script can rely on.
ALL_IMPORTED, SOME_LINES_BAD, NOTHING_IMPORTED = 0, 1, 2
UNKNOWN_STORE = 1


def register(sub) -> None:
    p = sub.add_parser("catalog", help="manage a store's products")
    actions = p.add_subparsers(dest="catalog_action", required=True, metavar="ACTION")
    imp = actions.add_parser(
        "import", help="import products from a CSV or XLSX file",
        description="Columns: sku,name,brand,category,unit,pack_size,price_inr and optionally "
                    "aliases (|-separated), stock (packs), barcode, mrp_inr, low_stock. "
                    "Exit status: 0 all imported, 1 some lines bad (good ones kept), 2 nothing imported.",
    )
    imp.add_argument("--store", required=True, help="store code, e.g. DEMO")
    imp.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx file")
    imp.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(_import(Settings.from_env(), args.store, args.file))


async def _import(settings: Settings, code: str, path: Path) -> int:
    # disable=None: draw the bar on a terminal only, so piped output stays clean.
    with tqdm(desc=path.name, unit=" lines", file=sys.stderr, disable=None) as bar:
        def progress(done: int, total: int | None) -> None:
            bar.total = total
            bar.update(done - bar.n)

        async with database(settings) as sessions, sessions() as session, session.begin():
            store = await get_store_by_code(session, code)
            if store is None:
                print(f"vyaparai: no store with code {code!r} (create it with `vyaparai store create`)",
                      file=sys.stderr)
                return UNKNOWN_STORE
            try:
                report = await import_catalog(session, store.id, path, progress=progress)
            except CatalogFileError as e:
                bar.close()
                print(f"vyaparai: {path}: {e}; nothing was imported", file=sys.stderr)
                return NOTHING_IMPORTED
    _print_report(path, store.code, report)
    if not report.imported:
        return NOTHING_IMPORTED
    return SOME_LINES_BAD if report.errors else ALL_IMPORTED


def _print_report(path: Path, code: str, report: ImportReport) -> None:
    for note in report.notes:
        print(f"note: {note}")
    for line, message in report.errors:
        print(f"{path.name}: line {line}: {message}")
    print(f"{code}: {report.created} products created, {report.updated} updated, "
          f"{len(report.errors)} lines with problems")
