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
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, ValidationError

# Amounts are paise in 32-bit columns; a provider id fits String(191), an event name String(64).
Paise = Annotated[StrictInt, Field(ge=0, le=2**31 - 1)]
ProviderId = Annotated[str, StringConstraints(min_length=1, max_length=191)]


def webhook_secrets(setting: str | None) -> list[str]:
    """The secrets a webhook may be signed with: the comma-separated RAZORPAY_WEBHOOK_SECRET, blanks dropped."""
    return [s.strip() for s in (setting or "").split(",") if s.strip()]


def sign(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _same(expected_hex: str, given: str) -> bool:
    """Constant-time equality as bytes: compare_digest raises on a str that is not ASCII, and a header can hold anything."""
    return hmac.compare_digest(expected_hex.encode(), given.strip().lower().encode("utf-8", "surrogatepass"))


def verify_webhook(body: bytes, signature: str | None, secrets: list[str]) -> bool:
    """True when `signature` is the HMAC of `body` under any of `secrets`; no secrets means nothing verifies."""
    if not signature or not secrets:
        return False
    # compare_digest against every secret, without stopping early, so timing says nothing about which matched.
    matches = [_same(sign(secret, body), signature) for secret in secrets]
    return any(matches)


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


class _Entity(_Shape):
    """The fields of a payment, payment link or refund that events.py reads; Razorpay sends many more."""

    id: ProviderId | None = None
    amount: Paise | None = None
    amount_refunded: Paise | None = None
    description: str | None = None
    method: str | None = None
    payment_id: ProviderId | None = None
    status: str | None = None


class _Wrapper(_Shape):
    entity: _Entity | None = None


class _Payload(_Shape):
    payment_link: _Wrapper | None = None
    payment: _Wrapper | None = None
    refund: _Wrapper | None = None


class _Event(_Shape):
    event: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    payload: _Payload | None = None


class InvalidEvent(ValueError):
    """A signed body that is JSON but not a Razorpay event we can apply (the reason names the field)."""


def checked_event(event: object) -> dict:
    """`event` (parsed JSON) when the fields we act on have Razorpay's types, else InvalidEvent with the reason."""
    try:
        _Event.model_validate(event)
    except ValidationError as e:
        first = e.errors()[0]
        raise InvalidEvent(f"{'.'.join(str(p) for p in first['loc']) or 'body'}: {first['msg']}") from None
    return event


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
        return f"{self.link_id}|{self.reference_id}|{self.status}|{self.payment_id}".encode("utf-8", "surrogatepass")


def verify_callback(callback: PaymentLinkCallback, key_secret: str | None) -> bool:
    if not key_secret:
        return False
    return _same(sign(key_secret, callback.message()), callback.signature)
