"""Razorpay webhook events built from the recorded payloads, with our link, payment and amount put in."""
from __future__ import annotations

import copy
import hashlib
import hmac
import json
from pathlib import Path

PAYLOADS = Path(__file__).parent.parent / "payloads" / "razorpay"


def _load(name: str) -> dict:
    return json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))


def _payment(template: dict, payment_id: str, link_id: str, amount: int, method: str) -> dict:
    pay = copy.deepcopy(template)
    pay["entity"].update(id=payment_id, amount=amount, base_amount=amount, method=method,
                         # How Razorpay describes a payment made through a link: "#" + link id sans "plink_".
                         description="#" + link_id.removeprefix("plink_"))
    return pay


def link_paid(link_id: str, payment_id: str, amount: int, method: str = "upi") -> dict:
    event = _load("payment_link_paid")
    p = event["payload"]
    p["payment_link"]["entity"].update(id=link_id, amount=amount, amount_paid=amount)
    p["payment"] = _payment(p["payment"], payment_id, link_id, amount, method)
    return event


def payment_captured(link_id: str, payment_id: str, amount: int, method: str = "upi") -> dict:
    event = _load("payment_captured_card" if method == "card" else "payment_captured")
    event["payload"]["payment"] = _payment(event["payload"]["payment"], payment_id, link_id, amount, method)
    return event


def payment_failed(link_id: str, payment_id: str, amount: int) -> dict:
    event = _load("payment_failed")
    event["payload"]["payment"] = _payment(event["payload"]["payment"], payment_id, link_id, amount, "upi")
    return event


def link_closed(link_id: str, status: str) -> dict:
    event = _load("payment_link_expired" if status == "expired" else "payment_link_cancelled")
    event["payload"]["payment_link"]["entity"]["id"] = link_id
    return event


def refund_processed(payment_id: str, amount: int, *, refunded_so_far: int, captured: int) -> dict:
    event = _load("refund_processed")
    event["payload"]["refund"]["entity"].update(payment_id=payment_id, amount=amount)
    event["payload"]["payment"]["entity"].update(id=payment_id, amount=captured, amount_refunded=refunded_so_far)
    return event


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
