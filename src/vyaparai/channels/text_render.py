"""Plain-text rendering for channels without buttons: choices become numbered lines (SMS, terminal)."""
from __future__ import annotations

from vyaparai.bot.messages import OutboundMessage


def as_plain_text(message: OutboundMessage) -> str:
    parts = [message.text]
    # Choice buttons (pick:N) are already numbered in the text; others are shown as [Title] hints.
    hints = [b.title for b in message.buttons if not b.id.startswith("pick:")]
    if hints:
        parts.append("  ".join(f"[{h}]" for h in hints))
    if message.link_url:
        parts.append(f"{message.link_title or ''} {message.link_url}".strip())
    return "\n".join(parts)
