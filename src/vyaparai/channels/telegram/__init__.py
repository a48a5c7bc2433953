"""The Telegram Bot API channel: check webhook secrets, parse updates, render and send replies."""
from vyaparai.channels.telegram.channel import TelegramChannel, TokenLookup
from vyaparai.channels.telegram.pacing import Pacer
from vyaparai.channels.telegram.parse import (
    CHANNEL, Callback, ParsedUpdate, UpdateShapeError, parse_update, sender_of, split_sender,
)
from vyaparai.channels.telegram.verify import SECRET_HEADER, SecretProblem, bot_id_of, check_secret, webhook_secret

__all__ = ["CHANNEL", "SECRET_HEADER", "Callback", "Pacer", "ParsedUpdate", "SecretProblem", "TelegramChannel",
           "TokenLookup", "UpdateShapeError", "bot_id_of", "check_secret", "parse_update", "sender_of",
           "split_sender", "webhook_secret"]
