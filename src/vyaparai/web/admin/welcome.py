"""The welcome a newly onboarded store's owner gets on WhatsApp: their shop's code, panel link and chat link."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.messages import OutboundMessage
from vyaparai.bot.notify import OWNER_CHANNEL
from vyaparai.bot.outbox import queue_replies
from vyaparai.bot.owner_language import owner_language
from vyaparai.db.models import Store


def queue_welcome(session: AsyncSession, store: Store, public_base_url: str) -> list[OutboundMessage]:
    """One welcome per owner phone, in the owner's language, queued in the caller's transaction."""
    base = public_base_url.rstrip("/")
    messages = [
        OutboundMessage(channel=OWNER_CHANNEL, recipient=phone, kind="alert", meta={"event": "welcome"},
                        text=locales.t(owner_language(store, phone), "owner_welcome", store=store.name,
                                       code=store.code, panel=f"{base}/panel/login", chat=f"{base}/chat/{store.code}"))
        for phone in store.owner_phones or ()
    ]
    queue_replies(session, store.id, messages)
    return messages
