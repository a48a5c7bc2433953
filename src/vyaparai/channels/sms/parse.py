"""Gateway requests -> InboundMessages and delivery statuses: Twilio's form posts, Gupshup's keyword query."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from multidict import MultiDict

from vyaparai.bot.messages import InboundMessage
from vyaparai.channels.payload import clean_text

CHANNEL = "sms"
MAX_TEXT = 2000  # a long SMS is at most ~10 parts; anything longer is not an SMS
# https://www.twilio.com/docs/messaging/guides/outbound-message-logging (MessageStatus values)
TWILIO_STATUSES = {"delivered": "delivered", "read": "read", "failed": "failed", "undelivered": "failed"}


class SmsShapeError(ValueError):
    """The request lacks what every gateway sends (a sender, a message id)."""


@dataclass(frozen=True)
class SmsStatus:
    provider_message_id: str
    status: str  # delivered, read or failed
    error: str | None = None


def phone_digits(value: str | None) -> str | None:
    """"+91 98765-43210" -> "919876543210"; a 10-digit Indian mobile gets 91; None when it is no phone number."""
    digits = re.sub(r"[^\d]", "", value or "")
    if len(digits) == 10 and digits[0] in "6789":
        digits = "91" + digits
    return digits if 8 <= len(digits) <= 15 and not digits.startswith("0") else None


def parse_twilio(form: MultiDict) -> InboundMessage:
    sid = form.get("MessageSid") or form.get("SmsMessageSid") or ""
    sender = phone_digits(form.get("From"))
    if not re.fullmatch(r"[A-Za-z0-9]{10,64}", sid) or sender is None:
        raise SmsShapeError("expected a MessageSid and a From phone number")
    media = int(form.get("NumMedia") or 0) if (form.get("NumMedia") or "0").isdigit() else 0
    text = clean_text(form.get("Body") or "")[:MAX_TEXT]
    return InboundMessage(channel=CHANNEL, provider_message_id=sid, sender=sender, sender_phone=sender,
                          kind="image" if media and not text.strip() else "text", text=text,
                          store_ref=phone_digits(form.get("To")), received_at=datetime.now(timezone.utc))


def parse_twilio_status(form: MultiDict) -> SmsStatus | None:
    """A status callback; None for the steps we record ourselves (queued, sending, sent)."""
    sid = form.get("MessageSid") or form.get("SmsSid") or ""
    status = TWILIO_STATUSES.get((form.get("MessageStatus") or form.get("SmsStatus") or "").lower())
    if not sid:
        raise SmsShapeError("expected a MessageSid")
    if status is None:
        return None
    code = form.get("ErrorCode")
    return SmsStatus(sid, status, f"Twilio error {code}" if code else None)


def parse_gupshup(query: MultiDict) -> InboundMessage:
    """A Gupshup Enterprise keyword inbound (GET or POST): phonecode, keyword, content, msisdn, timestamp.

    Gupshup gives no message id: the sender and the timestamp (milliseconds) name a message, so a
    redelivery is recognised. The keyword routed the SMS to us; the customer's words come after it.
    """
    sender = phone_digits(query.get("msisdn"))
    timestamp = (query.get("timestamp") or "").strip()
    if sender is None or not timestamp.isdigit():
        raise SmsShapeError("expected msisdn and timestamp")
    content = clean_text(query.get("content") or "")[:MAX_TEXT].strip()
    keyword = (query.get("keyword") or "").strip()
    if keyword and content.casefold().startswith(keyword.casefold()):
        content = content[len(keyword):].strip()
    return InboundMessage(channel=CHANNEL, provider_message_id=f"gupshup:{sender}:{timestamp}", sender=sender,
                          sender_phone=sender, text=content, store_ref=phone_digits(query.get("phonecode")),
                          received_at=_millis(timestamp))


def _millis(value: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
