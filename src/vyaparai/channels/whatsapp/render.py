"""OutboundMessage -> the JSON of one Cloud API message, within every WhatsApp limit (degrading, never failing).

Limits from https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
and .../interactive-list-messages: Meta rejects the whole message when any one is exceeded, and pywa
does not check them, so they are enforced here.
"""
from __future__ import annotations

from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.text_render import as_plain_text

TEXT_MAX = 4096
BODY_MAX = 1024  # the body of an interactive message
MAX_REPLY_BUTTONS, BUTTON_TITLE_MAX, BUTTON_ID_MAX = 3, 20, 256
MAX_LIST_ROWS, ROW_TITLE_MAX, ROW_DESCRIPTION_MAX, ROW_ID_MAX, LIST_BUTTON_MAX = 10, 24, 72, 200, 20
CTA_TEXT_MAX = 20
# Template parameters may not contain newlines, tabs or more than four spaces in a row, and share the
# body's 1024 characters with the template's own words.
TEMPLATE_PARAM_MAX = 900
ELLIPSIS = "…"
DEFAULT_LIST_BUTTON = "Choose"


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the cut shown by an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def render(message: OutboundMessage) -> dict:
    """The message part of the request body (without recipient fields)."""
    if message.meta.get("template"):
        return _template(message, message.meta["template"])
    text = message.text.strip() or ELLIPSIS
    fits_interactive = len(text) <= BODY_MAX
    if message.link_url and not message.buttons and fits_interactive:
        return _cta_url(message, text)
    if message.buttons and not message.link_url and fits_interactive:
        if len(message.buttons) <= MAX_REPLY_BUTTONS:
            return _reply_buttons(text, message.buttons)
        if len(message.buttons) <= MAX_LIST_ROWS:
            return _list(text, message.buttons, message.meta.get("list_button"))
    # Too many choices, or too long a text for an interactive body: numbered / hinted plain text,
    # which every customer can answer by typing (the bot reads "2" or the title).
    return _text(as_plain_text(message) if (message.buttons or message.link_url) else text)


def _text(text: str) -> dict:
    return {"type": "text", "text": {"body": clip(text, TEXT_MAX), "preview_url": False}}


def _reply_buttons(text: str, buttons: tuple[Button, ...]) -> dict:
    return {"type": "interactive", "interactive": {
        "type": "button",
        "body": {"text": text},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": b.id[:BUTTON_ID_MAX], "title": clip(b.title, BUTTON_TITLE_MAX)}}
            for b in buttons
        ]},
    }}


def _list(text: str, buttons: tuple[Button, ...], list_button: str | None) -> dict:
    rows = []
    for b in buttons:
        row = {"id": b.id[:ROW_ID_MAX], "title": clip(b.title, ROW_TITLE_MAX)}
        if len(b.title.strip()) > ROW_TITLE_MAX:
            # The full title still reaches the customer, in the row's description.
            row["description"] = clip(b.title, ROW_DESCRIPTION_MAX)
        rows.append(row)
    return {"type": "interactive", "interactive": {
        "type": "list",
        "body": {"text": text},
        "action": {"button": clip(list_button or DEFAULT_LIST_BUTTON, LIST_BUTTON_MAX),
                   "sections": [{"rows": rows}]},
    }}


def _cta_url(message: OutboundMessage, text: str) -> dict:
    return {"type": "interactive", "interactive": {
        "type": "cta_url",
        "body": {"text": text},
        "action": {"name": "cta_url", "parameters": {
            "display_text": clip(message.link_title or "Open", CTA_TEXT_MAX), "url": message.link_url}},
    }}


def _template(message: OutboundMessage, spec: dict) -> dict:
    """An approved template (the only thing WhatsApp delivers outside the 24-hour window).

    meta["template"] = {"name", "language", "params": [body texts]}; the message's buttons fill the
    template's quick-reply buttons in order, so a tap comes back with our button id as its payload.
    """
    components: list[dict] = [{"type": "body", "parameters": [
        {"type": "text", "text": clip(_one_line(str(p)), TEMPLATE_PARAM_MAX) or ELLIPSIS}
        for p in spec.get("params", ())
    ]}]
    for index, button in enumerate(message.buttons[:MAX_REPLY_BUTTONS]):
        components.append({"type": "button", "sub_type": "quick_reply", "index": str(index),
                           "parameters": [{"type": "payload", "payload": button.id[:BUTTON_ID_MAX]}]})
    return {"type": "template", "template": {
        "name": spec["name"], "language": {"code": spec.get("language") or "en"}, "components": components}}


def _one_line(text: str) -> str:
    """Lines joined with " · ", runs of spaces squeezed: what a template parameter may hold."""
    return " · ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
