"""`vyaparai demo` / `serve` on a port another program holds: one sentence naming --port, no traceback."""
import os
import socket
import subprocess
import sys

import pytest


@pytest.fixture
def busy_port():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def run_cli(args, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "vyaparai", *args], capture_output=True, text=True, env=env,
                          timeout=60)


@pytest.mark.parametrize("command", ["demo", "serve"])
def test_a_busy_port_is_explained_with_the_way_out(command, busy_port, database_url):
    result = run_cli([command, "--host", "127.0.0.1", "--port", str(busy_port)], database_url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"port {busy_port} is already in use" in result.stderr
    assert f"vyaparai {command} --port {busy_port + 1}" in result.stderr
    assert "is running" not in result.stdout  # the demo does not announce links that lead nowhere
