"""Is this request really from Meta? The X-Hub-Signature-256 check and the GET verification handshake."""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

SIGNATURE_HEADER = "X-Hub-Signature-256"
PREFIX = "sha256="


class SignatureProblem(Exception):
    """The body is not signed by our app; `status` is the HTTP answer (401 unsigned, 403 wrong signature)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def check_signature(app_secret: str | None, raw_body: bytes, header: str | None) -> None:
    """Raise SignatureProblem unless `header` is the HMAC-SHA256 of the raw bytes with the app secret.

    Meta signs the body exactly as sent, with non-ASCII escaped as lowercase \\uXXXX, so the
    hash must be over the bytes received, never over JSON parsed and dumped again.
    https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
    """
    if not header:
        raise SignatureProblem(401, "missing signature")
    if not app_secret:
        # No secret configured means nothing can be trusted: refuse rather than accept everything.
        raise SignatureProblem(403, "no app secret configured")
    if not header.startswith(PREFIX):
        raise SignatureProblem(403, "malformed signature")
    expected = hmac.new(app_secret.encode(), raw_body, hashlib.sha256).hexdigest().encode()
    # As bytes: compare_digest refuses a str that is not ASCII, and a header can hold anything.
    given = header[len(PREFIX):].strip().lower().encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(expected, given):
        raise SignatureProblem(403, "signature mismatch")


def check_handshake(verify_token: str | None, query: Mapping[str, str]) -> str | None:
    """The challenge to echo when Meta's subscription request names our verify token, else None."""
    token = query.get("hub.verify_token") or ""
    if not verify_token or query.get("hub.mode") != "subscribe":
        return None
    if not hmac.compare_digest(token.encode("utf-8", "surrogatepass"), verify_token.encode()):
        return None
    return query.get("hub.challenge") or ""
