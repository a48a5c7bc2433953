"""One turn of a conversation: who, where, in which language, and the replies gathered so far."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.conversation_row import ConversationRow
from vyaparai.bot.messages import Button, InboundMessage, OutboundMessage
from vyaparai.db.models import Customer, Store
from vyaparai.payments.online import OnlinePayments


@dataclass(frozen=True)
class BotSettings:
    cart_ttl_minutes: int = 30
    online_payments: bool = False  # True once a payment gateway is configured
    max_text_chars: int = 2000  # longer messages get a polite "too long" instead of a parse


@dataclass
class Turn:
    session: AsyncSession
    store: Store
    customer: Customer
    conversation: ConversationRow  # written when the turn ends (bot/conversation_row.py)
    inbound: InboundMessage
    now: datetime
    settings: BotSettings
    payments: OnlinePayments | None = None
    replies: list[OutboundMessage] = field(default_factory=list)
    _lines: list[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.conversation.language or self.store.default_language or "en"

    def t(self, key: str, **params) -> str:
        return locales.t(self.lang, key, **params)

    def money(self, paise: int) -> str:
        return locales.money(paise, self.lang)

    def line(self, key: str, **params) -> None:
        """Add a sentence to the reply being built; `send` closes it."""
        self._lines.append(self.t(key, **params))

    def text(self, text: str) -> None:
        self._lines.append(text)

    def send(self, *, buttons: tuple[Button, ...] = (), link_url: str | None = None,
             link_title: str | None = None) -> None:
        if not self._lines:
            return
        self.replies.append(OutboundMessage(
            channel=self.conversation.channel, recipient=self.conversation.recipient,
            text="\n".join(self._lines), buttons=buttons, link_url=link_url, link_title=link_title,
        ))
        self._lines = []

    def say(self, key: str, *, buttons: tuple[Button, ...] = (), **params) -> None:
        self.line(key, **params)
        self.send(buttons=buttons)

    def set_state(self, state: str, **data) -> None:
        self.conversation.state = state
        self.conversation.data = data

    def button(self, id: str, key: str) -> Button:
        return Button(id=id, title=self.t(key))
