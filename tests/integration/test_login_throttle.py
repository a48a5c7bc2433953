"""Panel logins: five tries per phone, counted before the password is checked, in one process or across many."""
import asyncio
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


async def test_the_sixth_try_waits_fifteen_minutes_and_other_phones_are_untouched(make):
    throttle = make()
    for _ in range(5):
        assert await throttle.attempt("919876543210") == 0
    assert 14 * 60 < await throttle.attempt("919876543210") <= 15 * 60
    assert await throttle.attempt("919811122233") == 0


async def test_a_good_login_forgets_the_tries_before_it(make):
    throttle = make()
    for _ in range(4):
        await throttle.attempt("919876543210")
    await throttle.succeeded("919876543210")
    for _ in range(5):
        assert await throttle.attempt("919876543210") == 0


async def test_a_larger_limit_allows_more_tries(make):
    throttle = make()
    allowed = [await throttle.attempt("address:10.0.0.7", 20) == 0 for _ in range(25)]
    assert allowed == [True] * 20 + [False] * 5


async def test_with_redis_two_web_processes_share_one_count(redis_url):
    url, prefix = redis_url, f"test-{uuid.uuid4().hex}"
    first, second = RedisLoginThrottle(url, prefix=prefix), RedisLoginThrottle(url, prefix=prefix)
    try:
        for throttle in (first, second, first, second, first):
            assert await throttle.attempt("919876543210") == 0
        assert await second.attempt("919876543210") > 0
        assert await first.attempt("919876543210") > 0
    finally:
        await first.close()
        await second.close()


async def test_forty_tries_at_once_let_five_through(make):
    throttle = make()
    waits = await asyncio.gather(*(throttle.attempt("919876543210") for _ in range(40)))
    assert sum(1 for w in waits if w == 0) == 5


async def test_in_memory_the_wait_runs_out_and_old_tries_are_forgiven():
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(6):
        await throttle.attempt("p")
    clock.now += 15 * 60 + 1
    assert await throttle.attempt("p") == 0
    for _ in range(3):
        await throttle.attempt("p")
    clock.now += 16 * 60
    for _ in range(5):
        assert await throttle.attempt("p") == 0
