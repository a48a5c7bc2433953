"""Channel-neutral message values: what every channel adapter parses into and renders from."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cache


@dataclass(frozen=True)
class Button:
    id: str  # what comes back when it is tapped ("yes", "pay:cod", "pick:2")
    title: str


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    name: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    """One thing a person sent us, as any channel delivers it."""

    channel: str  # web, terminal, whatsapp, telegram, rcs, sms
    provider_message_id: str  # unique per channel: a repeat is the same message delivered again
    sender: str  # the sender's id on that channel (wa_id or BSUID, chat id, web-chat session)
    kind: str = "text"  # text, button, location, audio, image, order, unsupported
    text: str = ""
    button_id: str | None = None
    location: Location | None = None
    store_code: str | None = None  # when the channel names the store (web chat URL, terminal --store)
    store_ref: str | None = None  # when the channel knows the store by its own id (WhatsApp phone-number id)
    sender_name: str | None = None
    sender_phone: str | None = None
    as_owner: bool = False  # the terminal's --owner flag; other channels decide by the sender's phone
    received_at: datetime | None = None

    def to_dict(self) -> dict:
        d = _plain(self)
        if self.location is not None:
            d["location"] = _plain(self.location)
        d["received_at"] = self.received_at.isoformat() if self.received_at else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> InboundMessage:
        d = dict(d)
        if d.get("location"):
            d["location"] = Location(**d["location"])
        if d.get("received_at"):
            d["received_at"] = datetime.fromisoformat(d["received_at"])
        return cls(**d)


@dataclass(frozen=True)
class OutboundMessage:
    """One reply: text, optionally with choices (buttons) or a link button; channels degrade what they can't show."""

    channel: str
    recipient: str
    text: str
    buttons: tuple[Button, ...] = ()
    link_url: str | None = None  # a call-to-action link (payment link)
    link_title: str | None = None
    kind: str = "reply"  # reply, notification (status updates), alert (to the shopkeeper)
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = _plain(self)
        d["buttons"] = tuple(_plain(b) for b in self.buttons)
        d["meta"] = dict(self.meta)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> OutboundMessage:
        d = dict(d)
        d["buttons"] = tuple(Button(**b) for b in d.get("buttons") or ())
        return cls(**d)


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value) -> dict:
    """The fields of a message value as a dict, one level deep. dataclasses.asdict deep-copies every value
    of every message recorded or queued: a seventh of a webhook's CPU, for values that are never mutated."""
    return {name: getattr(value, name) for name in _names(type(value))}
