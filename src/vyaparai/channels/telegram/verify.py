"""Is this request really from Telegram? The X-Telegram-Bot-Api-Secret-Token check, and each bot's secret.

Telegram does not sign updates: setWebhook is given a secret (1-256 of A-Z a-z 0-9 _ -) and every
update carries it in this header. https://core.telegram.org/bots/api#setwebhook
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
VALID_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SecretProblem(Exception):
    """Not our bot's webhook; `status` is the HTTP answer (401 no secret sent, 403 a wrong one)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def check_secret(expected: str | None, header: str | None) -> None:
    """Raise SecretProblem unless `header` is exactly `expected` (compared in constant time)."""
    if header is None or header == "":
        raise SecretProblem(401, "missing secret token")
    if not expected:
        # No secret configured means nothing can be trusted: refuse rather than accept everything.
        raise SecretProblem(403, "no secret token configured")
    if not hmac.compare_digest(header.encode(), expected.encode()):
        raise SecretProblem(403, "secret token mismatch")


def webhook_secret(secret_key: str, bot_id: str) -> str:
    """The secret one bot's webhook is set up with, derived from SECRET_KEY so it is stored nowhere."""
    digest = hmac.new(secret_key.encode(), b"vyaparai telegram webhook\0" + bot_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")  # letters, digits, - and _ only


def bot_id_of(token: str) -> str:
    """The bot's numeric id: the part of its token before the colon ("123456:ABC..." -> "123456")."""
    bot_id, _, rest = token.partition(":")
    if not bot_id.isdigit() or not rest:
        raise ValueError("not a Telegram bot token (expected digits, a colon, then the secret part)")
    return bot_id
