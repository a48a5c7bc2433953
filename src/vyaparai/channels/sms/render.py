"""OutboundMessage -> the text of one SMS: choices numbered, no emoji, within a number of segments."""
from __future__ import annotations

import regex

from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.sms.fitting import fit
from vyaparai.channels.sms.segments import is_gsm7

DEFAULT_MAX_SEGMENTS = 3
# Pictographs and what glues them (variation selector 16, zero-width joiner, keycap): plain phones show boxes.
_EMOJI = regex.compile("[\\p{Extended_Pictographic}\ufe0f\u200d\u20e3]")
_SPACES = regex.compile(r"[ \t]{2,}")
# Used only when nothing else in the reply is outside GSM-7 (an Indian-language reply stays in its script).
GSM_LOOKALIKES = {"₹": "Rs.", "×": "x", "—": "-", "–": "-", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'"}
_LOOKALIKES = regex.compile(r"₹\s?|[×—–…“”‘’]")


def choice_lines(message: OutboundMessage) -> list[str]:
    """Buttons as "1) Title" lines, numbered in order, so a bare digit answers (see the SMS webhook).

    "pick:N" buttons are already listed, numbered, in the text the bot wrote: nothing to add.
    """
    if not message.buttons or all(b.id.startswith("pick:") for b in message.buttons):
        return []
    return [f"{n}) {plain(b.title) or b.id}" for n, b in enumerate(message.buttons, start=1)]


def render(message: OutboundMessage, max_segments: int = DEFAULT_MAX_SEGMENTS) -> str:
    tail = choice_lines(message)
    if message.link_url:
        tail.append(f"{plain(message.link_title or '')} {message.link_url}".strip())
    lines = [plain(line) for line in message.text.splitlines()]
    if is_gsm7(_LOOKALIKES.sub("", "\n".join(lines + tail))):
        lines, tail = [gsm_lookalikes(line) for line in lines], [gsm_lookalikes(line) for line in tail]
    picks = any(b.id.startswith("pick:") for b in message.buttons)
    # With "pick" buttons the numbered lines ARE the choices: none of them may go.
    return fit(lines, tail, max_segments, list_shortenable=not picks)


def plain(text: str) -> str:
    """The text without emoji, its spacing tidied."""
    return _SPACES.sub(" ", _EMOJI.sub("", text)).strip()


def gsm_lookalikes(text: str) -> str:
    """₹ × — … and curly quotes in GSM-7 letters: an English reply then costs 160 characters a segment, not 70."""
    return _LOOKALIKES.sub(lambda m: GSM_LOOKALIKES[m.group()[0]], text)
