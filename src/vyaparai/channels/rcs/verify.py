"""Is this request really from RBM? The agent-webhook handshake, and X-Goog-Signature over the decoded data.

https://developers.google.com/business-communications/rcs-business-messaging/guides/integrate/webhooks
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

SIGNATURE_HEADER = "X-Goog-Signature"


class SignatureProblem(Exception):
    """Not from our agent's webhook; `status` is the HTTP answer (401 unsigned, 403 a wrong signature)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def handshake_answer(client_token: str | None, body: object) -> str | None:
    """The `secret` to echo when the body is Google's verification request naming our clientToken, else None."""
    if not isinstance(body, dict) or not client_token:
        return None
    token, secret = body.get("clientToken"), body.get("secret")
    if not isinstance(token, str) or not isinstance(secret, str):
        return None
    if not hmac.compare_digest(token.encode("utf-8", "surrogatepass"), client_token.encode()):
        return None
    return secret


def decode_data(data: object) -> bytes | None:
    """The bytes of `message.data` (standard base64, as Pub/Sub sends it); None when it is not base64."""
    if not isinstance(data, str):
        return None
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None


def check_signature(client_token: str | None, decoded: bytes, header: str | None) -> None:
    """Raise SignatureProblem unless `header` is base64(HMAC-SHA512(clientToken, decoded data)).

    Signed over the DECODED bytes, not over the base64 text of message.data.
    """
    if not header:
        raise SignatureProblem(401, "missing signature")
    if not client_token:
        raise SignatureProblem(403, "no RBM client token configured")
    expected = base64.b64encode(hmac.new(client_token.encode(), decoded, hashlib.sha512).digest())
    if not hmac.compare_digest(expected, header.strip().encode("utf-8", "surrogatepass")):
        raise SignatureProblem(403, "signature mismatch")
