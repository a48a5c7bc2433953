"""The panel's language: English or Hindi, chosen by the owner (kept in the session) or by the browser.

Panel sentences are gettext messages whose msgid is the English sentence ("Open orders"), with
brace placeholders ("Order #{number}"); Hindi lives in locales/hi/LC_MESSAGES/panel.po. A sentence
without a translation shows in English, as gettext does.
"""
from __future__ import annotations

import logging
from importlib import resources

from aiohttp import web
from aiohttp_session import get_session

from vyaparai import locales
from vyaparai.web.accept_language import preferred_languages

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "hi")
DEFAULT = "en"
DOMAIN = "panel"
_SESSION_KEY = "lang"
_catalogs = locales.Catalogs(resources.files(locales), domain=DOMAIN)


class Translator:
    """`_("Order #{number} is now {status}.", number=7, status=...)` in one language."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else DEFAULT
        self._messages = _catalogs.messages(self.lang) if self.lang != DEFAULT else {}

    def __call__(self, msgid: str, /, **params: object) -> str:
        text = self._messages.get(msgid) or msgid
        if not params:
            return text
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            logger.warning("panel message %r in %r does not fit its parameters; using English", msgid, self.lang)
            return msgid.format(**params)

    def status(self, status: str) -> str:
        """An order status in this language ("Confirmed", "पक्का"): the bot's own words for it."""
        return locales.t(self.lang, f"status_{status}")


    def payment(self, method: str | None, status: str) -> str:
        """How the order is paid and how far the payment got, e.g. "Online, paid"."""
        how = self("Cash on delivery") if method == "cod" else self("Online")
        state = {"pending": self("not paid yet"), "paid": self("paid"), "failed": self("payment failed"),
                 "refunded": self("refunded")}.get(status, status)
        return f"{how}, {state}"


    def actor(self, actor: str) -> str:
        """Who moved an order, in the order's history."""
        return {"customer": self("customer"), "shopkeeper": self("shop"),
                "system": self("automatic")}.get(actor, actor)


def messages(lang: str):
    """msgid -> translation for one panel language (tests check every msgid has one)."""
    return _catalogs.messages(lang)


async def language_of(request: web.Request) -> str:
    """The owner's choice if they made one, else the first of our languages the browser asks for."""
    chosen = (await get_session(request)).get(_SESSION_KEY)
    if chosen in LANGUAGES:
        return chosen
    return _from_accept_language(request.headers.get("Accept-Language", ""))


async def translator(request: web.Request) -> Translator:
    return Translator(await language_of(request))


def choose_language(session, lang: str) -> None:
    if lang in LANGUAGES:
        session[_SESSION_KEY] = lang


def _from_accept_language(header: str) -> str:
    return next((lang for lang in preferred_languages(header) if lang in LANGUAGES), DEFAULT)
