"""An RBM event (the decoded message.data) -> an InboundMessage, or a delivery status of a message we sent.

https://developers.google.com/business-communications/rcs-business-messaging/reference/rest/v1/UserMessage
and .../UserEvent. Unknown fields are ignored; one event per request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from vyaparai.bot.messages import InboundMessage, Location
from vyaparai.channels.payload import UnreadablePayload, read_json

CHANNEL = "rcs"
STATUSES = {"DELIVERED": "delivered", "READ": "read"}
MAX_TEXT = 3072  # RBM's own limit for a text message


class EventShapeError(ValueError):
    """The data is not JSON, or not an RBM user message or event."""


@dataclass(frozen=True)
class RcsStatus:
    provider_message_id: str  # the messageId we gave the agent message
    status: str  # delivered or read


@dataclass(frozen=True)
class RcsEvent:
    message: InboundMessage | None = None
    status: RcsStatus | None = None
    ignored: str | None = None  # IS_TYPING and the like


def parse_event(decoded: bytes) -> RcsEvent:
    try:
        event = read_json(decoded)
    except UnreadablePayload as e:
        raise EventShapeError(str(e)) from None
    if not isinstance(event, dict):
        raise EventShapeError("expected a JSON object")
    sender = _digits(event.get("senderPhoneNumber"))
    if sender is None:
        raise EventShapeError("expected senderPhoneNumber")
    if "eventType" in event:
        return _event(event)
    message_id = event.get("messageId")
    if not isinstance(message_id, str) or not 0 < len(message_id) <= 191:
        raise EventShapeError("expected a messageId")
    content = _content(event)
    agent = event.get("agentId") if isinstance(event.get("agentId"), str) else None
    return RcsEvent(message=InboundMessage(
        channel=CHANNEL, provider_message_id=message_id, sender=sender, sender_phone=sender, store_ref=agent,
        received_at=_time(event.get("sendTime")), **content))


def _event(event: dict) -> RcsEvent:
    status = STATUSES.get(str(event.get("eventType")))
    message_id = event.get("messageId")
    if status is None or not isinstance(message_id, str):
        return RcsEvent(ignored=str(event.get("eventType")))
    return RcsEvent(status=RcsStatus(message_id, status))


def _content(event: dict) -> dict:
    if isinstance(event.get("text"), str):
        return {"kind": "text", "text": event["text"][:MAX_TEXT]}
    reply = event.get("suggestionResponse")
    if isinstance(reply, dict) and isinstance(reply.get("postbackData"), str) and reply["postbackData"]:
        # A chip tap: the postback data is the id of the button we offered.
        return {"kind": "button", "button_id": reply["postbackData"][:256], "text": str(reply.get("text") or "")}
    where = event.get("location")
    if isinstance(where, dict):
        try:
            lat, lon = float(where["latitude"]), float(where["longitude"])
        except (KeyError, TypeError, ValueError):
            return {"kind": "unsupported"}
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return {"kind": "location", "location": Location(lat=lat, lon=lon), "text": ""}
        return {"kind": "unsupported"}
    if isinstance(event.get("userFile"), dict):
        mime = str((event["userFile"].get("payload") or {}).get("mimeType") or "")
        return {"kind": "image" if mime.startswith("image/") else "audio" if mime.startswith("audio/") else "document"}
    return {"kind": "unsupported"}


def _digits(value: object) -> str | None:
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    return digits if 8 <= len(digits) <= 15 else None


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
