"""Sends are spaced: one a second per chat, ~30 a second per bot, and nothing while Telegram asks us to wait."""
from vyaparai.channels.telegram import Pacer


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_messages_to_one_chat_leave_a_second_apart():
    clock = FakeClock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    waits = [await pacer.wait_turn("bot", "chat") for _ in range(3)]
    assert waits == [0, 1.0, 1.0] and clock.now == 2.0


async def test_many_chats_share_the_bots_thirty_a_second():
    clock = FakeClock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    for n in range(61):
        await pacer.wait_turn("bot", f"chat{n}")
    assert 1.9 < clock.now < 2.1  # 61 messages: the last leaves two seconds after the first


async def test_after_a_retry_after_the_bot_waits_that_long():
    clock = FakeClock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    pacer.pause("bot", 7)
    assert await pacer.wait_turn("bot", "chat") == 7
    assert await pacer.wait_turn("other-bot", "chat") == 0
