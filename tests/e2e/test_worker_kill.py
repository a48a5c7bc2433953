"""`vyaparai worker` killed with -9 leaves no child process behind (rq's scheduler, a work horse)."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")]
VYAPARAI = Path(sys.executable).parent / "vyaparai"


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name is in parentheses and may hold spaces: the ppid is the 2nd field after it.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_worker_killed_with_minus_9_takes_its_scheduler_with_it(database_url, redis_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "SECRET_KEY": "k" * 32}
    worker = subprocess.Popen([str(VYAPARAI), "worker", "--sweep-every", "3600"], env=env,
                              stdout=subprocess.DEVNULL, stderr=(tmp_path / "worker.log").open("w"))
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not (children := children_of(worker.pid)) and time.monotonic() < deadline:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-2000:]
            time.sleep(0.2)
        assert children, "the worker never started rq's scheduler"
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [c for c in children if alive(c)], "children outlived the killed worker"
    finally:
        if worker.poll() is None:
            worker.kill()
        for child in children:
            if alive(child):  # only when the test failed: leave nothing running
                os.kill(child, signal.SIGKILL)
