"""The serving processes' event loop: uvloop where installed, asyncio's own when it is not or is switched off."""
import importlib.util

import pytest

from vyaparai.workers.event_loop import loop_factory, new_event_loop

HAS_UVLOOP = importlib.util.find_spec("uvloop") is not None


@pytest.mark.skipif(not HAS_UVLOOP, reason="uvloop is not installed")
def test_a_process_with_uvloop_installed_serves_on_it():
    loop = loop_factory({})()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()


@pytest.mark.parametrize("off", ["0", "no", "false", "OFF"])
def test_the_switch_keeps_asyncios_own_loop(off):
    loop = loop_factory({"VYAPARAI_UVLOOP": off})()
    try:
        assert type(loop).__module__.startswith("asyncio")
    finally:
        loop.close()



def test_the_loop_serve_gets_runs_coroutines():
    async def answer():
        return "ok"

    loop = new_event_loop()
    try:
        assert loop.run_until_complete(answer()) == "ok"
    finally:
        loop.close()
