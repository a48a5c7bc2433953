"""Failed panel logins lock a phone after five tries, in one process (memory) or across many (Redis)."""
import uuid

import pytest

from vyaparai.web.panel.throttle import LoginThrottle, RedisLoginThrottle

class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(params=["memory", "redis"])
async def make(request):
    made = []

    def factory(**kw):
        if request.param == "memory":
            throttle = LoginThrottle(**kw)
        else:
            throttle = RedisLoginThrottle(request.getfixturevalue("redis_url"), prefix=f"test-{uuid.uuid4().hex}",
                                          **kw)
        made.append(throttle)
        return throttle

    yield factory
    for throttle in made:
        await throttle.close()


async def test_five_failures_lock_the_phone_and_others_are_untouched(make):
    throttle = make()
    for _ in range(4):
        await throttle.failed("919876543210")
    assert await throttle.seconds_locked("919876543210") == 0
    await throttle.failed("919876543210")
    assert 14 * 60 < await throttle.seconds_locked("919876543210") <= 15 * 60
    assert await throttle.seconds_locked("919811122233") == 0


async def test_a_good_login_forgets_the_failures_before_it(make):
    throttle = make()
    for _ in range(4):
        await throttle.failed("919876543210")
    await throttle.succeeded("919876543210")
    await throttle.failed("919876543210")
    assert await throttle.seconds_locked("919876543210") == 0


async def test_with_redis_two_web_processes_share_one_count(redis_url):
    url, prefix = redis_url, f"test-{uuid.uuid4().hex}"
    first, second = RedisLoginThrottle(url, prefix=prefix), RedisLoginThrottle(url, prefix=prefix)
    try:
        for throttle in (first, second, first, second, first):
            await throttle.failed("919876543210")
        assert await second.seconds_locked("919876543210") > 0
        assert await first.seconds_locked("919876543210") > 0
    finally:
        await first.close()
        await second.close()


async def test_in_memory_the_lock_runs_out_and_old_failures_are_forgiven():
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(5):
        await throttle.failed("p")
    clock.now += 15 * 60 + 1
    assert await throttle.seconds_locked("p") == 0
    for _ in range(4):
        await throttle.failed("p")
    clock.now += 16 * 60
    await throttle.failed("p")
    assert await throttle.seconds_locked("p") == 0
