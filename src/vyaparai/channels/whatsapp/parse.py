"""Meta webhook body -> the InboundMessages and delivery-status updates it carries (every entry, change and item).

Meta redelivers anything not answered 200 for days, so a body that is JSON is never refused
as a whole for one bad part: each entry, change, message and status is validated on its own
(shapes.py), a bad one is logged with its reason and skipped, and the rest is read.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from vyaparai.bot.messages import InboundMessage, Location
from vyaparai.channels.payload import UnreadablePayload, read_json
from vyaparai.channels.whatsapp import shapes

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp"
Model = TypeVar("Model", bound=BaseModel)
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
    skipped: list[str] = field(default_factory=list)  # why each unreadable part was left out


def parse_webhook(raw_body: bytes) -> WebhookBatch:
    """Read every message and status in a (possibly batched) delivery; raise WebhookShapeError on a bad body."""
    try:
        body = read_json(raw_body)
    except UnreadablePayload as e:
        raise WebhookShapeError(str(e)) from None
    batch = WebhookBatch()
    for where, raw_value in _change_values(body, batch.skipped):
        value = _valid(shapes.ChangeValue, raw_value, where, batch.skipped)
        if value is None:
            continue
        store_ref = value.metadata.phone_number_id if value.metadata else None
        contacts = [c for i, raw in enumerate(value.contacts)
                    if (c := _valid(shapes.Contact, raw, f"{where}.contacts[{i}]", batch.skipped))]
        for i, raw in enumerate(value.messages):
            msg = _message(raw, f"{where}.messages[{i}]", store_ref, contacts, batch.skipped)
            if msg is not None:
                batch.messages.append(msg)
        for i, raw in enumerate(value.statuses):
            status = _status(raw, f"{where}.statuses[{i}]", store_ref, batch.skipped)
            if status is not None:
                batch.statuses.append(status)
    for reason in batch.skipped:
        logger.warning("WhatsApp webhook: skipped %s", reason)
    return batch


def _change_values(body: object, skipped: list[str]) -> list[tuple[str, object]]:
    if not isinstance(body, dict) or not isinstance(body.get("entry"), list):
        raise WebhookShapeError("expected an object with an 'entry' list")
    if body.get("object", "whatsapp_business_account") != "whatsapp_business_account":
        raise WebhookShapeError(f"not a WhatsApp Business Account update: {str(body.get('object'))[:40]!r}")
    values = []
    for i, entry in enumerate(body["entry"]):
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            skipped.append(f"entry[{i}]: no 'changes' list")
            continue
        for j, change in enumerate(changes):
            where = f"entry[{i}].changes[{j}]"
            if isinstance(change, dict) and isinstance(change.get("value"), dict):
                values.append((f"{where}.value", change["value"]))
            else:
                skipped.append(f"{where}: no 'value' object")
    return values


def _valid(model: type[Model], raw: object, where: str, skipped: list[str]) -> Model | None:
    """`raw` as `model`, or None with the reason noted (the first error is enough to find it in the body)."""
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        skipped.append(f"{where}{'.' + path if path else ''}: {first['msg']}")
        return None


def _message(raw: object, where: str, store_ref: str | None, contacts: list[shapes.Contact],
             skipped: list[str]) -> InboundMessage | None:
    item = _valid(shapes.Message, raw, where, skipped)
    if item is None:
        return None
    contact = _contact_for(contacts, item.sender, item.from_user_id)
    wa_id = item.sender or (contact.wa_id if contact else None)
    # pywa 4 / Meta: a user who hides their number behind a username has no wa_id, only the BSUID.
    sender = wa_id or item.from_user_id or (contact.user_id if contact else None)
    if not sender:
        skipped.append(f"{where}: no sender")
        return None
    content = _content(item.type, raw, where, skipped)
    if content is None:
        return None
    name = contact.profile.name if contact and contact.profile else None
    return InboundMessage(
        channel=CHANNEL, provider_message_id=item.id, sender=sender, store_ref=store_ref,
        sender_name=name or None, sender_phone=wa_id, received_at=_timestamp(item.timestamp), **content,
    )


def _contact_for(contacts: list[shapes.Contact], wa_id: str | None, bsuid: str | None) -> shapes.Contact | None:
    for c in contacts:
        if (wa_id and c.wa_id == wa_id) or (bsuid and c.user_id == bsuid):
            return c
    return contacts[0] if len(contacts) == 1 else None


def _content(kind: str, raw: dict, where: str, skipped: list[str]) -> dict | None:
    """The kind-specific fields of InboundMessage; None for something to ignore (a removed reaction, a bad part)."""
    part = raw.get(kind) if kind in raw else {}
    where = f"{where}.{kind}"
    if kind == "text":
        text = _valid(shapes.TextPart, part, where, skipped)
        return {"kind": "text", "text": text.body} if text else None
    if kind == "interactive":
        inter = _valid(shapes.InteractivePart, part or {}, where, skipped)
        reply = inter and (inter.button_reply or inter.list_reply)
        return {"kind": "button", "button_id": reply.id, "text": reply.title} if reply else {"kind": "unsupported"}
    if kind == "button":  # a template's quick-reply button
        button = _valid(shapes.QuickReplyPart, part or {}, where, skipped)
        payload = button and (button.payload or button.text)
        return {"kind": "button", "button_id": payload, "text": button.text or ""} if payload else None
    if kind == "location":
        loc = _valid(shapes.LocationPart, part or {}, where, skipped)
        if loc is None:
            return {"kind": "unsupported"}
        point = Location(lat=loc.latitude, lon=loc.longitude, name=loc.name or None, address=loc.address or None)
        return {"kind": "location", "location": point, "text": point.address or point.name or ""}
    if kind == "order":
        order = _valid(shapes.OrderPart, part or {}, where, skipped)
        return {"kind": "order", "text": _order_json(order, where, skipped)} if order else None
    if kind == "reaction":
        reaction = _valid(shapes.ReactionPart, part or {}, where, skipped)
        # An empty emoji means the customer took a reaction back: nothing to answer.
        return {"kind": "reaction", "text": reaction.emoji} if reaction and reaction.emoji else None
    if kind in MEDIA_KINDS:
        return {"kind": kind}
    if kind == "system":
        return None  # "customer changed their number" and the like: WhatsApp speaking, not the customer
    return {"kind": "unsupported"}


def _order_json(order: shapes.OrderPart, where: str, skipped: list[str]) -> str:
    """A catalog order as JSON in `text` (InboundMessage has no field for product lines yet)."""
    items = []
    for i, raw in enumerate(order.product_items):
        line = _valid(shapes.ProductLine, raw, f"{where}.product_items[{i}]", skipped)
        if line is not None:
            items.append({"sku": line.product_retailer_id, "quantity": line.quantity,
                          "price_paise": int(line.item_price * 100), "currency": line.currency})
    return json.dumps({"catalog_id": order.catalog_id, "note": order.text or "", "items": items},
                      ensure_ascii=False)


def _status(raw: object, where: str, store_ref: str | None, skipped: list[str]) -> StatusUpdate | None:
    item = _valid(shapes.Status, raw, where, skipped)
    if item is None or item.status not in STATUSES:
        return None
    code, error = None, None
    errors = [e for i, r in enumerate(item.errors)
              if (e := _valid(shapes.StatusError, r, f"{where}.errors[{i}]", skipped))]
    if errors:
        first = errors[0]
        code = first.code
        details = first.error_data.details if first.error_data else None
        error = " ".join(str(p) for p in (code, first.title, details and f"- {details}") if p)
    return StatusUpdate(provider_message_id=item.id, status=item.status, recipient=item.recipient_id,
                        store_ref=store_ref, error_code=code, error=error)


def _timestamp(value: object) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
