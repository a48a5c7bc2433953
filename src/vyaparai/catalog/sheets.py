"""Read a catalog file, CSV or XLSX, as a header and rows of text numbered the way a spreadsheet shows them."""
from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
CatalogSource = str | os.PathLike | bytes


class CatalogFileError(ValueError):
    """The file as a whole cannot be read (not a table, wrong encoding, no header); nothing is imported."""


@dataclass
class Sheet:
    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]  # (line as a spreadsheet user sees it, cells)
    total: int | None  # data rows to come, for a progress bar; None when the file doesn't say


@contextlib.contextmanager
def open_sheet(source: CatalogSource) -> Iterator[Sheet]:
    """Open a path or the raw bytes of an upload; the kind of file is told by its first bytes."""
    data = source if isinstance(source, bytes) else _read_bytes(source)
    if data.startswith(OLE_MAGIC):
        raise CatalogFileError("old Excel .xls files cannot be read; save the sheet as .xlsx or CSV UTF-8")
    if data.startswith(ZIP_MAGIC):
        with _xlsx_sheet(data) as sheet:
            yield sheet
    else:
        yield _csv_sheet(data)


def _read_bytes(path: str | os.PathLike) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise CatalogFileError(f"cannot read {os.fspath(path)}: {e.strerror}") from None


def _csv_sheet(data: bytes) -> Sheet:
    text = _decode(data)
    dialect = _dialect(text)
    records = enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1)
    header_line, header = _first_filled(records)
    # Counting is one quick pass of the C parser; it lets the caller draw a real progress bar.
    total = sum(1 for _ in csv.reader(io.StringIO(text, newline=""), dialect)) - header_line
    return Sheet(header, header_line, records, total)


def _decode(data: bytes) -> str:
    # Excel's "Unicode text" export is UTF-16 with a BOM; "CSV UTF-8" starts with a UTF-8 BOM.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        # No cell means a NUL, and PostgreSQL cannot store one: drop them rather than fail the import.
        return data.decode(encoding).replace("\x00", "")
    except UnicodeDecodeError as e:
        raise CatalogFileError(
            f"the file is not UTF-8 text (bad byte at position {e.start}); "
            "in Excel save it as 'CSV UTF-8 (Comma delimited)' or as .xlsx"
        ) from None


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma, semicolon (European Excel) or tab, whichever the first line uses most."""
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


@contextlib.contextmanager
def _xlsx_sheet(data: bytes) -> Iterator[Sheet]:
    import openpyxl  # a fifth of a second to import, paid by the owner who uploads a workbook, not by every start

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (zip, XML, KeyError) for a broken workbook
        raise CatalogFileError(f"the file looks like .xlsx but cannot be opened: {e}") from None
    try:
        ws = book.active
        records = _numbered_rows(ws.iter_rows(values_only=True))
        header_line, header = _first_filled(records)
        total = ws.max_row - header_line if ws.max_row else None
        yield Sheet(header, header_line, records, total)
    finally:
        book.close()


def _numbered_rows(rows) -> Iterator[tuple[int, list[str]]]:
    for line, values in enumerate(rows, start=1):
        yield line, [_cell_text(v) for v in values]


def _first_filled(records: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    for line, cells in records:
        if any(str(c).strip() for c in cells):
            return line, cells
    raise CatalogFileError("the file is empty: no header line with the column names")


def _cell_text(value) -> str:
    """Excel hands back numbers as floats; write them the way the cell shows them (70.0 -> "70")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    return str(value)
