"""How long `vyaparai demo` takes to serve: on a fresh folder, then started again on the same folder.

    python bench/demo_start.py [--runs 3]

Each run starts the command in a new temporary folder (its SQLite file is created, migrated and seeded),
polls /healthz until it answers, stops it, and starts it again on the same folder (migrations and seed
already done). Prints the median and range of both, and the machine line (bench/calibrate.py), since the
figure moves with the machine's speed. The target (issue 12) is serving within 3 s.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from calibrate import machine_line


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serving_after(folder: Path, timeout: float = 60.0) -> float:
    """Seconds from launching `vyaparai demo` in `folder` to its first answer on /healthz."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{folder}/vyaparai.db"}
    env.pop("REDIS_URL", None)  # the demo runs its jobs in-process
    command = [str(Path(sys.executable).with_name("vyaparai")), "demo", "--port", str(port)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"vyaparai demo exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise SystemExit(f"vyaparai demo did not serve within {timeout:.0f} s")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    fresh, again = [], []
    for _ in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="vyaparai-demo-"))
        try:
            fresh.append(serving_after(folder))
            again.append(serving_after(folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    for label, values in (("fresh folder", fresh), ("second start", again)):
        print(f"{label:13} median {statistics.median(values):.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})")
    print(asyncio.run(machine_line()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
