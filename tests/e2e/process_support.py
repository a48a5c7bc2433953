"""Looking at running processes through /proc (Linux): children, liveness, who listens on a port."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

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


def descendants_of(pid: int) -> list[int]:
    found = children_of(pid)
    for child in list(found):
        found += descendants_of(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def listening_on(port: int) -> set[int]:
    """The pids that own a listening TCP socket on 127.0.0.1:`port` (from /proc/net/tcp and each fd)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":  # 0A: LISTEN
            inodes.add(fields[9])
    owners = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            links = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        if any(link[len("socket:["):-1] in inodes for link in links if link.startswith("socket:[")):
            owners.add(int(entry.name))
    return owners


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    """Poll `condition` until it returns something true; fail naming `what` (with the log's end) when time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.2)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    raise AssertionError(f"{what} (not within {timeout:.0f} s)\n{tail}")


def stop_tree(proc: subprocess.Popen, tree: list[int]) -> None:
    """Leave nothing running (when a test failed half way): the process, then whatever of its tree is left."""
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)
    for pid in tree:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
