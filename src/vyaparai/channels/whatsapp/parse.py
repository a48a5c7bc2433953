"""Meta webhook body -> the InboundMessages and delivery-status updates it carries (every entry, change and item)."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from vyaparai.bot.messages import InboundMessage, Location

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp"
MEDIA_KINDS = frozenset({"audio", "image", "video", "sticker", "document", "contacts"})
STATUSES = frozenset({"sent", "delivered", "read", "failed"})


class WebhookShapeError(ValueError):
    """The body is not JSON, or not shaped like a WhatsApp Business Account webhook."""


@dataclass(frozen=True)
class StatusUpdate:
    """Meta's news about a message we sent: sent, delivered, read or failed (with the error)."""

    provider_message_id: str
    status: str
    recipient: str | None = None
    store_ref: str | None = None
    error_code: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class WebhookBatch:
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


def parse_webhook(raw_body: bytes) -> WebhookBatch:
    """Read every message and status in a (possibly batched) delivery; raise WebhookShapeError on a bad body."""
    try:
        body = json.loads(raw_body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise WebhookShapeError(f"not JSON: {e}") from None
    batch = WebhookBatch()
    for value in _change_values(body):
        store_ref = _str((value.get("metadata") or {}).get("phone_number_id"))
        contacts = [c for c in value.get("contacts") or () if isinstance(c, dict)]
        for item in value.get("messages") or ():
            msg = _message(item, store_ref, contacts) if isinstance(item, dict) else None
            if msg is not None:
                batch.messages.append(msg)
        for item in value.get("statuses") or ():
            status = _status(item, store_ref) if isinstance(item, dict) else None
            if status is not None:
                batch.statuses.append(status)
    return batch


def _change_values(body: object) -> list[dict]:
    if not isinstance(body, dict) or not isinstance(body.get("entry"), list):
        raise WebhookShapeError("expected an object with an 'entry' list")
    if body.get("object", "whatsapp_business_account") != "whatsapp_business_account":
        raise WebhookShapeError(f"not a WhatsApp Business Account update: {body.get('object')!r}")
    values = []
    for entry in body["entry"]:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            raise WebhookShapeError("each entry needs a 'changes' list")
        for change in changes:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                raise WebhookShapeError("each change needs a 'value' object")
            values.append(value)
    return values


def _message(item: dict, store_ref: str | None, contacts: list[dict]) -> InboundMessage | None:
    wa_id, bsuid = _str(item.get("from")), _str(item.get("from_user_id"))
    contact = _contact_for(contacts, wa_id, bsuid)
    wa_id = wa_id or _str(contact.get("wa_id"))
    # pywa 4 / Meta: a user who hides their number behind a username has no wa_id, only the BSUID.
    sender = wa_id or bsuid or _str(contact.get("user_id"))
    message_id = _str(item.get("id"))
    if not sender or not message_id:
        logger.warning("skipping a WhatsApp message without sender or id (type %r)", item.get("type"))
        return None
    content = _content(item)
    if content is None:
        return None
    return InboundMessage(
        channel=CHANNEL, provider_message_id=message_id, sender=sender, store_ref=store_ref,
        sender_name=_str((contact.get("profile") or {}).get("name")), sender_phone=wa_id,
        received_at=_timestamp(item.get("timestamp")), **content,
    )


def _contact_for(contacts: list[dict], wa_id: str | None, bsuid: str | None) -> dict:
    for c in contacts:
        if (wa_id and c.get("wa_id") == wa_id) or (bsuid and c.get("user_id") == bsuid):
            return c
    return contacts[0] if len(contacts) == 1 else {}


def _content(item: dict) -> dict | None:
    """The kind-specific fields of InboundMessage; None for something to ignore (a removed reaction)."""
    kind = item.get("type")
    if kind == "text":
        return {"kind": "text", "text": _str((item.get("text") or {}).get("body")) or ""}
    if kind == "interactive":
        inter = item.get("interactive") or {}
        reply = inter.get("button_reply") or inter.get("list_reply")
        if isinstance(reply, dict) and _str(reply.get("id")):
            return {"kind": "button", "button_id": _str(reply["id"]), "text": _str(reply.get("title")) or ""}
        return {"kind": "unsupported"}
    if kind == "button":  # a template's quick-reply button
        button = item.get("button") or {}
        payload = _str(button.get("payload")) or _str(button.get("text"))
        return {"kind": "button", "button_id": payload, "text": _str(button.get("text")) or ""}
    if kind == "location":
        return _location(item.get("location") or {})
    if kind == "order":
        return {"kind": "order", "text": _order_json(item.get("order") or {})}
    if kind == "reaction":
        emoji = _str((item.get("reaction") or {}).get("emoji"))
        # An empty emoji means the customer took a reaction back: nothing to answer.
        return {"kind": "reaction", "text": emoji} if emoji else None
    if kind in MEDIA_KINDS:
        return {"kind": kind}
    if kind == "system":
        return None  # "customer changed their number" and the like: WhatsApp speaking, not the customer
    return {"kind": "unsupported"}


def _location(loc: dict) -> dict:
    try:
        point = Location(lat=float(loc["latitude"]), lon=float(loc["longitude"]),
                         name=_str(loc.get("name")), address=_str(loc.get("address")))
    except (KeyError, TypeError, ValueError):
        return {"kind": "unsupported"}
    return {"kind": "location", "location": point, "text": point.address or point.name or ""}


def _order_json(order: dict) -> str:
    """A catalog order as JSON in `text` (InboundMessage has no field for product lines yet)."""
    items = []
    for line in order.get("product_items") or ():
        if not isinstance(line, dict):
            continue
        try:
            price_paise = int(Decimal(str(line.get("item_price", 0))) * 100)
            quantity = int(line.get("quantity", 0))
        except (InvalidOperation, TypeError, ValueError):
            continue
        items.append({"sku": _str(line.get("product_retailer_id")), "quantity": quantity,
                      "price_paise": price_paise, "currency": _str(line.get("currency"))})
    return json.dumps({"catalog_id": _str(order.get("catalog_id")), "note": _str(order.get("text")) or "",
                       "items": items}, ensure_ascii=False)


def _status(item: dict, store_ref: str | None) -> StatusUpdate | None:
    message_id, status = _str(item.get("id")), _str(item.get("status"))
    if not message_id or status not in STATUSES:
        return None
    code, error = None, None
    errors = [e for e in item.get("errors") or () if isinstance(e, dict)]
    if errors:
        first = errors[0]
        code = first.get("code") if isinstance(first.get("code"), int) else None
        details = (first.get("error_data") or {}).get("details")
        error = " ".join(str(p) for p in (code, first.get("title"), details and f"- {details}") if p)
    return StatusUpdate(provider_message_id=message_id, status=status, recipient=_str(item.get("recipient_id")),
                        store_ref=store_ref, error_code=code, error=error)


def _str(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value else None


def _timestamp(value: object) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
