"""OutboundMessage -> an RBM AgentMessage: chips for choices, a rich card for the cart and the payment link.

Limits from https://developers.google.com/business-communications/rcs-business-messaging/reference/rest/v1/phones.agentMessages
(at most 11 suggestions of at most 25 characters; a text of at most 3072): past them the choices are
numbered in the text instead, and a bare digit answers them as on SMS.
"""
from __future__ import annotations

from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.sms.render import choice_lines

MAX_SUGGESTIONS, SUGGESTION_TEXT_MAX, POSTBACK_MAX = 11, 25, 2048
TEXT_MAX, CARD_TITLE_MAX, CARD_DESCRIPTION_MAX = 3072, 200, 2000
CARD_BUTTONS = frozenset({"checkout"})  # a reply offering these shows the cart as a card
ELLIPSIS = "…"


def render(message: OutboundMessage) -> dict:
    """The `contentMessage` of the AgentMessage."""
    buttons = [b for b in message.buttons if 0 < len(b.id) <= POSTBACK_MAX]
    chips_fit = len(buttons) + bool(message.link_url) <= MAX_SUGGESTIONS and all(
        0 < len(b.title.strip()) <= SUGGESTION_TEXT_MAX for b in buttons)
    if not chips_fit:
        text = "\n".join([message.text, *choice_lines(message)])
        return {"text": _clip(text, TEXT_MAX), **_suggestions([], message)}
    suggestions = _suggestions(buttons, message)
    if message.link_url or any(b.id in CARD_BUTTONS for b in buttons):
        return {"richCard": {"standaloneCard": {"cardOrientation": "VERTICAL", "cardContent": _card(message.text,
                                                                                                     suggestions)}}}
    return {"text": _clip(message.text, TEXT_MAX) or ELLIPSIS, **suggestions}


def _suggestions(buttons: list[Button], message: OutboundMessage) -> dict:
    chips = []
    if message.link_url:
        chips.append({"action": {"text": _clip(message.link_title or "Open", SUGGESTION_TEXT_MAX),
                                 "postbackData": "link", "openUrlAction": {"url": message.link_url}}})
    chips += [{"reply": {"text": b.title.strip(), "postbackData": b.id}} for b in buttons]
    return {"suggestions": chips} if chips else {}


def _card(text: str, suggestions: dict) -> dict:
    lines = text.strip().splitlines() or [ELLIPSIS]
    title, rest = lines[0], "\n".join(lines[1:]).strip()
    content = {"title": _clip(title, CARD_TITLE_MAX)}
    if rest:
        content["description"] = _clip(rest, CARD_DESCRIPTION_MAX)
    return {**content, **suggestions}


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS
