"""Upload a price list (CSV or XLSX) from the panel: streamed to a temporary file, imported, reported by line.

The app's request limit (client_max_size) is small on purpose, so this handler reads the multipart
body itself, with a limit of its own. While a file imports, the page can ask how far it got.
"""
from __future__ import annotations

import hmac
import logging
import re
import tempfile
from collections import OrderedDict

from aiohttp import web
from aiohttp_session import get_session

from vyaparai.catalog.importer import CatalogFileError, import_catalog
from vyaparai.web.keys import SERVICES
from vyaparai.web.panel.auth import current_owner
from vyaparai.web.panel.csrf import FIELD as CSRF_FIELD
from vyaparai.web.panel.csrf import csrf_token
from vyaparai.web.panel.i18n import translator
from vyaparai.web.panel.render import render

logger = logging.getLogger(__name__)

UPLOAD_URL = "/panel/inventory/upload"
PROGRESS_URL = "/panel/inventory/upload/progress"
MAX_UPLOAD = 10 * 1024 * 1024
MAX_FIELD = 1024  # the small form fields beside the file (csrf, upload id)
CHUNK = 64 * 1024
FILE_TYPES = (".csv", ".xlsx", ".tsv", ".txt")
_UPLOAD_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
# Import progress by (store id, upload id), in this process only: with several web processes a poll
# may reach another one, and the page then just keeps its "importing" bar moving.
_progress: OrderedDict[tuple[int, str], tuple[int, int | None]] = OrderedDict()
_MAX_TRACKED = 1000


class UploadTooBig(ValueError):
    code = "upload_too_big"


async def upload_page(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    return await _page(request, owner)


async def upload(request: web.Request) -> web.Response:
    owner = await current_owner(request)
    _ = await translator(request)
    if (request.content_length or 0) > MAX_UPLOAD + CHUNK:
        return await _too_big(request, owner)
    with tempfile.TemporaryFile(prefix="vyaparai-upload-") as spool:
        try:
            fields, filename = await _receive(request, spool)
        except UploadTooBig:
            return await _too_big(request, owner)
        except (ValueError, AssertionError, KeyError):  # aiohttp's words for a body that is not multipart
            return await _page(request, owner, error=_("Choose a CSV or Excel (.xlsx) file."), status=400)
        if not _csrf_ok(await get_session(request), fields.get(CSRF_FIELD, "")):
            raise web.HTTPForbidden(text="This form has expired. Go back, reload the page and try again.")
        if not filename or not filename.lower().endswith(FILE_TYPES):
            return await _page(request, owner, error=_("Choose a CSV or Excel (.xlsx) file."), status=400)
        spool.seek(0)
        data = spool.read()
    key = (owner.store.id, fields.get("upload_id", ""))
    try:
        async with request.app[SERVICES].sessions() as db:
            # A commit per batch of 500 lines: checkouts never wait for a big file to finish.
            report = await import_catalog(db, owner.store.id, data, commit_batches=True,
                                          progress=lambda done, total: _track(key, done, total))
            await db.commit()
    except CatalogFileError as e:
        logger.info("panel upload for store %s refused: %s", owner.store.code, e)
        return await _page(request, owner, status=400, error=_(
            "{file} cannot be imported: {problem}. Nothing was changed.", file=filename, problem=str(e)))
    finally:
        _progress.pop(key, None)
    return await _page(request, owner, report=report, filename=filename)


async def import_progress(request: web.Request) -> web.Response:
    """{"done": lines, "total": lines or null}, or {} when this process has no such import running."""
    owner = await current_owner(request)
    done_total = _progress.get((owner.store.id, request.query.get("id", "")))
    return web.json_response({"done": done_total[0], "total": done_total[1]} if done_total else {},
                             headers={"Cache-Control": "no-store"})


async def _receive(request: web.Request, spool) -> tuple[dict[str, str], str | None]:
    """The small fields and the file's name; the file's bytes go to `spool`, refused past MAX_UPLOAD."""
    fields: dict[str, str] = {}
    filename = None
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if part.filename is not None and part.name == "file":
            filename, size = part.filename, 0
            while chunk := await part.read_chunk(CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise UploadTooBig(size)
                spool.write(chunk)
        elif part.name:
            value = bytearray()
            while (chunk := await part.read_chunk(MAX_FIELD)) and len(value) <= MAX_FIELD:
                value += chunk
            fields[part.name] = value[:MAX_FIELD].decode("utf-8", "replace")
    return fields, filename


def _csrf_ok(session, sent: str) -> bool:
    expected = csrf_token(session)
    return bool(sent) and hmac.compare_digest(sent.encode(), expected.encode())


def _track(key: tuple[int, str], done: int, total: int | None) -> None:
    if not _UPLOAD_ID.match(key[1]):
        return
    _progress[key] = (done, total)
    _progress.move_to_end(key)
    while len(_progress) > _MAX_TRACKED:
        _progress.popitem(last=False)


async def _too_big(request: web.Request, owner) -> web.Response:
    _ = await translator(request)
    return await _page(request, owner, status=413, error=_(
        "The file is larger than {size} MB. Split it into smaller files and upload them one by one.",
        size=MAX_UPLOAD // (1024 * 1024)))


async def _page(request: web.Request, owner, *, status: int = 200, **context) -> web.Response:
    return await render(request, "panel/inventory_upload.html", {
        "owner": owner, "active": "inventory", "max_bytes": MAX_UPLOAD, "max_mb": MAX_UPLOAD // (1024 * 1024),
        "report": None, "error": None, **context}, status=status)
