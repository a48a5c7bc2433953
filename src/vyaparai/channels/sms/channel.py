"""Send OutboundMessages as SMS through the configured gateway, from the store's number or the shared one."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.base import ChannelError
from vyaparai.channels.sms.gateways import Dlt, GupshupGateway, TwilioGateway
from vyaparai.channels.sms.render import DEFAULT_MAX_SEGMENTS, render
from vyaparai.channels.sms.parse import CHANNEL, phone_digits

# Messages nobody asked for in this turn: DLT wants a registered template for each (see Dlt).
STORE_INITIATED = ("notification", "alert")
NumberLookup = Callable[[OutboundMessage], Awaitable[str | None]]


class MissingDltTemplate(ValueError):
    """DLT is on (an entity id is set) but a store-initiated kind has no template id."""

    def __init__(self, kind: str):
        super().__init__(f"SMS_DLT_TEMPLATE_{kind.upper()} is not set: Indian operators drop a store-initiated "
                         "SMS without its DLT template id")
        self.kind = kind


class SMSChannel:
    name = CHANNEL

    def __init__(self, gateway: TwilioGateway | GupshupGateway, *, default_sender: str | None = None,
                 sender_lookup: NumberLookup | None = None, max_segments: int = DEFAULT_MAX_SEGMENTS,
                 dlt_entity_id: str | None = None, dlt_templates: Mapping[str, str] | None = None):
        self.gateway = gateway
        self._default_sender = default_sender
        self._sender_lookup = sender_lookup
        self.max_segments = max_segments
        self._dlt_entity_id = dlt_entity_id
        self._dlt_templates = dict(dlt_templates or {})
        if dlt_entity_id:
            for kind in STORE_INITIATED:
                if kind not in self._dlt_templates:
                    raise MissingDltTemplate(kind)

    async def send(self, message: OutboundMessage) -> str:
        to = phone_digits(message.recipient)
        if to is None:
            raise ChannelError(f"not a phone number: {message.recipient[:4]}…", retryable=False, code="bad_number")
        sender = await self._sender_for(message)
        return await self.gateway.send(to, sender, render(message, self.max_segments), self._dlt_for(message))

    def _dlt_for(self, message: OutboundMessage) -> Dlt | None:
        if not self._dlt_entity_id or message.kind not in STORE_INITIATED:
            return None
        return Dlt(self._dlt_entity_id, self._dlt_templates[message.kind])

    async def _sender_for(self, message: OutboundMessage) -> str | None:
        sender = message.meta.get("sms_from")
        if not sender and self._sender_lookup is not None:
            sender = await self._sender_lookup(message)
        sender = sender or self._default_sender
        if not sender and isinstance(self.gateway, TwilioGateway):
            raise ChannelError("no SMS number to send from (SMS_FROM_NUMBER or the store's --sms-number)",
                               retryable=False, code="no_sender")
        return sender
