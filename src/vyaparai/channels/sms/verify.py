"""Is this request really from the SMS gateway? Twilio's X-Twilio-Signature, and the token in Gupshup's URL."""
from __future__ import annotations

import base64
import hashlib
import hmac

from multidict import MultiDict
from twilio.request_validator import RequestValidator

TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature"


class SignatureProblem(Exception):
    """Not from our gateway; `status` is the HTTP answer (401 unsigned, 403 a wrong signature)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def check_twilio_signature(auth_token: str | None, url: str, params: MultiDict, header: str | None) -> None:
    """Raise SignatureProblem unless `header` signs `url` + the form's parameters with our auth token.

    `url` must be the public one Twilio called (PUBLIC_BASE_URL + path): behind a proxy the app sees
    http:// and another host, and the signature would never match. Twilio's own RequestValidator does
    the sorting, the repeated keys and the :443/:80 port variants.
    https://www.twilio.com/docs/usage/webhooks/webhooks-security
    """
    if not header:
        raise SignatureProblem(401, "missing signature")
    if not auth_token:
        raise SignatureProblem(403, "no Twilio auth token configured")
    if not RequestValidator(auth_token).validate(url, params, header):
        raise SignatureProblem(403, "signature mismatch")


def gupshup_webhook_token(secret_key: str) -> str:
    """The token our Gupshup keyword URL carries (Gupshup signs nothing), derived from SECRET_KEY."""
    digest = hmac.new(secret_key.encode(), b"vyaparai gupshup keyword url", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode()


def check_gupshup_token(secret_key: str, given: str | None) -> None:
    if not given:
        raise SignatureProblem(401, "missing token")
    if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), gupshup_webhook_token(secret_key).encode()):
        raise SignatureProblem(403, "token mismatch")
