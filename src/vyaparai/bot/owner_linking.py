"""/owner on Telegram: an owner proves their phone with a one-time code sent to its WhatsApp, linking the chat.

The code is the panel's login code (bot/login_codes.py): the same proof, the same limits on asking
and guessing, and the reply never says whether the number owns a shop.
"""
from __future__ import annotations

import logging
import re

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai import locales
from vyaparai.bot.login_codes import code_key, issue_login_code, redeem_login_code
from vyaparai.bot.owner_chats import link_owner_chat
from vyaparai.catalog.stores import InvalidStoreValue, normalize_phone
from vyaparai.db.models import Store

logger = logging.getLogger(__name__)

CODE = re.compile(r"^\d{6}$")


async def handle_owner_command(session: AsyncSession, store: Store, bot_id: str, chat_id: str, argument: str, *,
                               secret_key: str, lang: str) -> str:
    """What to answer "/owner <argument>"; sends the code or links the chat as asked."""
    words = argument.split()
    code = words.pop() if len(words) > 1 and CODE.match(words[-1]) else None
    try:
        phone = normalize_phone(" ".join(words))
    except InvalidStoreValue:
        return locales.t(lang, "telegram_owner_how")
    key = code_key(secret_key)
    if code is None:
        await issue_login_code(session, phone, lang=lang, key=key)
        return locales.t(lang, "telegram_owner_code_sent", phone="+" + phone)
    owned = await redeem_login_code(session, phone, code, key=key)
    if owned is None or owned.id != store.id:
        return locales.t(lang, "telegram_owner_code_wrong")
    await link_owner_chat(session, store, bot_id, chat_id, phone)
    logger.info("a Telegram chat was linked to an owner of %s (phone ending %s)", store.code, phone[-4:])
    return locales.t(lang, "telegram_owner_linked", store=store.name)
