"""What the web chat page says before the first message: a greeting and tappable examples, in the browser's language."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from vyaparai import locales
from vyaparai.web.accept_language import preferred_languages

DOMAIN = "webchat"
# Every page offers examples in these too: most customers write English, Hindi or Hinglish whatever
# their browser is set to, and a Tamil phone may be in a Hindi-speaking household.
ALWAYS_OFFERED = ("en", "hi", "hinglish")
_catalogs = locales.Catalogs(resources.files(locales), domain=DOMAIN)


@dataclass(frozen=True)
class Greeting:
    lang: str
    text: str  # the bot's own greeting, with the store's name
    examples: tuple[str, ...]  # messages the customer can send with one tap
    placeholder: str
    send: str
    network_problem: str


def greeting(store_name: str, accept_language: str) -> Greeting:
    lang = page_language(accept_language)
    return Greeting(
        lang=lang,
        text=locales.t(lang, "greet", store=store_name),
        examples=examples_for(lang),
        placeholder=_catalogs.t(lang, "chat_placeholder"),
        send=_catalogs.t(lang, "chat_send"),
        network_problem=_catalogs.t(lang, "chat_network_problem"),
    )


def examples_for(lang: str) -> tuple[str, ...]:
    """Both examples of the page's language, then the first (an order) of each language always offered."""
    own = _examples(lang)
    others = [_examples(other)[0] for other in ALWAYS_OFFERED if other != lang]
    return tuple(dict.fromkeys(own + others))


def _examples(lang: str) -> list[str]:
    return [line.strip() for line in _catalogs.t(lang, "chat_examples").splitlines() if line.strip()]


def page_language(accept_language: str) -> str:
    """The first of our languages the browser asks for (by weight, then order); English when none is."""
    return next((lang for lang in preferred_languages(accept_language) if lang in locales.SUPPORTED),
                locales.DEFAULT)
