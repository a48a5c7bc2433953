"""Connect a bot to our webhook: getMe (is the token good?), setWebhook with its secret, setMyCommands."""
from __future__ import annotations

from dataclasses import dataclass

from telegram import Bot, BotCommand, Update
from telegram.error import TelegramError

from vyaparai.channels.base import ChannelError

# The menu Telegram shows next to the text box; the parser maps each to what the bot does.
COMMANDS = (
    ("start", "Start / namaste"),
    ("cart", "Show my cart"),
    ("order", "Place the order in my cart"),
    ("help", "How to order"),
    ("language", "Change language: /language hindi"),
)
ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY)


@dataclass(frozen=True)
class ConnectedBot:
    bot_id: str
    username: str | None


async def connect_bot(token: str, webhook_url: str, secret: str, *,
                      base_url: str = "https://api.telegram.org") -> ConnectedBot:
    """Point the bot at `webhook_url`; raises ChannelError (not retryable) when Telegram refuses."""
    bot = Bot(token, base_url=f"{base_url.rstrip('/')}/bot", base_file_url=f"{base_url.rstrip('/')}/file/bot")
    try:
        me = await bot.get_me()
        await bot.set_webhook(url=webhook_url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES),
                              drop_pending_updates=False)
        await bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as e:
        raise ChannelError(f"Telegram refused: {e}", retryable=False, code="setup") from e
    finally:
        try:
            await bot.shutdown()
        except TelegramError:
            pass
    return ConnectedBot(bot_id=str(me.id), username=me.username)
