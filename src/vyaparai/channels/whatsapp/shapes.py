"""Typed shapes of the parts of a Meta webhook we read, each validated on its own so one bad item spoils nothing else.

https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
Unknown fields are ignored (Meta adds them often); numbers where text is expected become text
(a phone-number id can arrive as a number); anything else of the wrong type fails that item only.
Lengths follow our columns: a provider id fits String(191), a sender String(128), a name String(200).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ProviderId = Annotated[str, StringConstraints(min_length=1, max_length=191)]
SenderId = Annotated[str, StringConstraints(min_length=1, max_length=128)]
Name = Annotated[str, StringConstraints(max_length=200)]


class Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True, frozen=True)


class Metadata(Shape):
    phone_number_id: ProviderId | None = None


class ChangeValue(Shape):
    """One change's value; its lists are checked item by item afterwards."""

    metadata: Metadata | None = None
    contacts: list[Any] = Field(default_factory=list)
    messages: list[Any] = Field(default_factory=list)
    statuses: list[Any] = Field(default_factory=list)


class Profile(Shape):
    name: Name | None = None


class Contact(Shape):
    wa_id: SenderId | None = None
    user_id: SenderId | None = None
    profile: Profile | None = None


class Message(Shape):
    """What every message has; the kind's own part (text, interactive...) is read by its kind."""

    sender: SenderId | None = Field(default=None, alias="from")
    from_user_id: SenderId | None = None
    id: ProviderId
    type: str = "unsupported"
    timestamp: Any = None


class TextPart(Shape):
    body: str = ""


class Reply(Shape):
    id: ProviderId
    title: str = ""


class InteractivePart(Shape):
    button_reply: Reply | None = None
    list_reply: Reply | None = None


class QuickReplyPart(Shape):
    payload: str | None = None
    text: str | None = None


class LocationPart(Shape):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    name: str | None = None
    address: str | None = None


class ProductLine(Shape):
    product_retailer_id: str | None = None
    quantity: int = Field(default=0, ge=0, le=1_000_000)
    item_price: Decimal = Field(default=Decimal(0), ge=0, le=10_000_000, allow_inf_nan=False)
    currency: str | None = None


class OrderPart(Shape):
    catalog_id: str | None = None
    text: str | None = None
    product_items: list[Any] = Field(default_factory=list)


class ReactionPart(Shape):
    emoji: str | None = None


class ErrorData(Shape):
    details: str | None = None


class StatusError(Shape):
    code: int | None = None
    title: str | None = None
    error_data: ErrorData | None = None


class Status(Shape):
    id: ProviderId
    status: str
    recipient_id: SenderId | None = None
    errors: list[Any] = Field(default_factory=list)
