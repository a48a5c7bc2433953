"""Keep N copies of a long-lived process running: fork them, restart one that dies, stop them all on SIGTERM or Ctrl+C.

Used by `vyaparai serve --processes N` and `vyaparai worker --processes M`. The children are forked
from a parent that has imported everything and holds no thread, loop or connection, so each starts
clean and shares the loaded language data with the others. Each child gets a process group of its
own: Ctrl+C in a terminal reaches only the supervisor, which asks every child once (SIGTERM) to
finish what it is doing. If the supervisor itself is killed with -9, the children go with it
(workers/lifetime.py).
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from vyaparai.workers.lifetime import children_die_with_this_process

logger = logging.getLogger(__name__)

QUICK_DEATH = 5.0  # a child that dies sooner than this after starting is crashing, not just dying
MAX_PAUSE = 30.0
TICK = 0.2


@dataclass
class _Child:
    index: int
    pid: int = 0
    started: float = 0.0
    quick_deaths: int = 0
    restart_at: float | None = field(default=0.0)  # None while running


class Supervisor:
    """`run()` blocks until SIGTERM/SIGINT, then returns 0 after every child has stopped."""

    def __init__(self, name: str, count: int, target: Callable[[int], int | None], *, stop_wait: float = 30.0):
        self.name = name
        self.target = target
        self.stop_wait = stop_wait
        self.children = [_Child(i) for i in range(count)]
        self._stopping = False

    def run(self) -> int:
        children_die_with_this_process()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._stop_requested)
        logger.info("%s supervisor %d: starting %d processes", self.name, os.getpid(), len(self.children))
        while not self._stopping:
            self._start_due()
            self._reap()
            time.sleep(TICK)
        return self._stop_all()

    def pids(self) -> list[int]:
        return [c.pid for c in self.children if c.restart_at is None]

    def _stop_requested(self, signum, _frame) -> None:
        self._stopping = True

    def _start_due(self) -> None:
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None and child.restart_at <= now:
                self._fork(child)

    def _fork(self, child: _Child) -> None:
        pid = os.fork()
        if pid == 0:  # the child: never returns into the supervisor's loop
            os._exit(self._child_main(child.index))
        child.pid, child.started, child.restart_at = pid, time.monotonic(), None
        logger.info("%s process %d started (pid %d)", self.name, child.index, pid)

    def _child_main(self, index: int) -> int:
        code = 1
        try:
            os.setpgid(0, 0)
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, signal.SIG_DFL)
            result = self.target(index)
            code = result if isinstance(result, int) else 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:  # the child's last word before the supervisor restarts it
            logger.exception("%s process %d crashed", self.name, index)
        finally:
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        return code

    def _reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            child = next((c for c in self.children if c.pid == pid and c.restart_at is None), None)
            if child is not None:
                self._schedule_restart(child, status)

    def _schedule_restart(self, child: _Child, status: int) -> None:
        now = time.monotonic()
        child.quick_deaths = child.quick_deaths + 1 if now - child.started < QUICK_DEATH else 0
        # A child that keeps crashing at start (a bad setting, the database down) is retried ever more slowly.
        pause = min(MAX_PAUSE, 0.5 * 2 ** child.quick_deaths) if child.quick_deaths else 0.0
        child.restart_at = now + pause
        logger.warning("%s process %d (pid %d) %s; restarting it%s", self.name, child.index, child.pid,
                       _describe(status), f" in {pause:.0f} s" if pause else "")

    def _stop_all(self) -> int:
        running = {c.pid for c in self.children if c.restart_at is None}
        logger.info("%s supervisor: stopping %d processes", self.name, len(running))
        for pid in running:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_wait
        while running and time.monotonic() < deadline:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid:
                running.discard(pid)
            else:
                time.sleep(0.05)
        for pid in running:
            logger.warning("%s process (pid %d) did not stop within %.0f s: killed", self.name, pid, self.stop_wait)
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        return 0


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exited with code {os.waitstatus_to_exitcode(status)}"
