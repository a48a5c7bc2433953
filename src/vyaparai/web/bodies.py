"""Reading a webhook's raw body within a size limit (signatures are computed over these exact bytes)."""
from __future__ import annotations

from aiohttp import web


async def read_capped(request: web.Request, limit: int) -> bytes:
    """The whole body, or 413 as soon as it is known to pass `limit` (declared length or bytes read so far)."""
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    body = bytearray()
    while chunk := await request.content.read(64 * 1024):  # one read may return only part of the body
        body += chunk
        if len(body) > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(body))
    return bytes(body)
