"""Is it really Razorpay? Webhook and payment-link callback signatures (pure: no I/O).

Webhooks: `X-Razorpay-Signature` is the hex HMAC-SHA256 of the raw request body, keyed with the
webhook secret (not the API key secret). Verify the bytes as received: JSON parsed and dumped
again hashes differently. RAZORPAY_WEBHOOK_SECRET may hold several secrets separated by commas
("new,old") so the old one keeps working while the dashboard is switched over during rotation.

Callback: after paying, the browser is sent to our callback_url with
`razorpay_signature` = HMAC-SHA256(key secret, "plink_id|reference_id|status|payment_id").
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass


def webhook_secrets(setting: str | None) -> list[str]:
    """The secrets a webhook may be signed with: the comma-separated RAZORPAY_WEBHOOK_SECRET, blanks dropped."""
    return [s.strip() for s in (setting or "").split(",") if s.strip()]


def sign(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_webhook(body: bytes, signature: str | None, secrets: list[str]) -> bool:
    """True when `signature` is the HMAC of `body` under any of `secrets`; no secrets means nothing verifies."""
    if not signature or not secrets:
        return False
    given = signature.strip().lower()
    # compare_digest against every secret, without stopping early, so timing says nothing about which matched.
    matches = [hmac.compare_digest(sign(secret, body), given) for secret in secrets]
    return any(matches)


@dataclass(frozen=True)
class PaymentLinkCallback:
    """The query string Razorpay adds to our callback_url when the customer comes back."""

    payment_id: str
    link_id: str
    reference_id: str
    status: str
    signature: str

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> PaymentLinkCallback | None:
        try:
            return cls(
                payment_id=query["razorpay_payment_id"],
                link_id=query["razorpay_payment_link_id"],
                reference_id=query["razorpay_payment_link_reference_id"],
                status=query["razorpay_payment_link_status"],
                signature=query["razorpay_signature"],
            )
        except KeyError:
            return None

    def message(self) -> bytes:
        return f"{self.link_id}|{self.reference_id}|{self.status}|{self.payment_id}".encode()


def verify_callback(callback: PaymentLinkCallback, key_secret: str | None) -> bool:
    if not key_secret:
        return False
    return hmac.compare_digest(sign(key_secret, callback.message()), callback.signature.strip().lower())
