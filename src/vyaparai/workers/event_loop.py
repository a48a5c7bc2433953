"""Which event loop a serving process runs: uvloop when it is installed (cheaper I/O per message), else asyncio's."""
from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable

logger = logging.getLogger(__name__)

# VYAPARAI_UVLOOP=0 keeps asyncio's own loop even where uvloop is installed (to compare, or to debug).
SWITCH = "VYAPARAI_UVLOOP"


def loop_factory(environ: dict[str, str] | None = None) -> Callable[[], asyncio.AbstractEventLoop]:
    """uvloop's loop when installed and not switched off: its sockets, timers and callbacks cost less than
    asyncio's. Measured side by side (bench/serve_cost.py, 40 msg/s) that was 4-5 % of a served message's
    CPU, mostly the waking of an idle process; under full load it saved nothing measurable."""
    env = os.environ if environ is None else environ
    if env.get(SWITCH, "").strip().lower() in ("0", "no", "false", "off"):
        return asyncio.new_event_loop
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop
    return uvloop.new_event_loop


def new_event_loop() -> asyncio.AbstractEventLoop:
    loop = loop_factory()()
    logger.debug("event loop: %s", type(loop).__module__)
    return loop

