"""A worker's children die with it, and start with everything already imported.

`vyaparai worker` forks rq's scheduler process, and `serve`/`worker --processes N` fork their N
processes (workers/supervisor.py). Killed with -9, a parent cannot clean up, so each child asks
Linux to kill it when its parent dies (PR_SET_PDEATHSIG): a supervisor's whole tree goes with it. And a fork taken while another thread is half-way through an import
leaves that module half-imported in the child for good, so imports happen before any thread or fork.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_registered = False


def _die_with_parent() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        logger.warning("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())


def children_die_with_this_process() -> None:
    """From now on, every child forked by this process is killed when this process dies (Linux only)."""
    global _registered
    if _registered or not sys.platform.startswith("linux"):
        return
    os.register_at_fork(after_in_child=_die_with_parent)
    _registered = True


def import_everything_now() -> None:
    """Load what jobs use, the language data included (lazily loaded on the first message otherwise)."""
    from vyaparai.nlu.pipeline import understand
    from vyaparai.workers import rq_jobs  # noqa: F401  (the job functions and all they import)

    from vyaparai.workers.heap import freeze_loaded_data

    for text in ("2 kilo aata aur 1 maggi", "दो किलो चीनी", "ரெண்டு லிட்டர் பால்", "ಎರಡು ಕಿಲೋ ಸಕ್ಕರೆ"):
        understand(text)
    freeze_loaded_data()
