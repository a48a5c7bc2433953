"""The issue's first check, as an operator would run it: demo store, piped terminal chat, orders list."""
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from sqlalchemy import select

from vyaparai.db.models import Product

pytestmark = pytest.mark.slow


def vyaparai(args, env, stdin=None):
    return subprocess.run([sys.executable, "-m", "vyaparai", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def demo_env(database_url):
    """`vyaparai demo` running for real: migrated, seeded, serving; the terminal chat shares its database."""
    env = {**os.environ, "DATABASE_URL": database_url}
    port = free_port()
    demo = subprocess.Popen([sys.executable, "-m", "vyaparai", "demo", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert demo.poll() is None, demo.stdout.read()
            assert time.monotonic() < deadline, "vyaparai demo did not start"
            time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/chat/DEMO", timeout=5) as resp:
            assert "Sharma" in resp.read().decode()
        yield env
    finally:
        demo.terminate()
        out, _ = demo.communicate(timeout=30)
    assert f"http://localhost:{port}/chat/DEMO" in out
    assert "sharma-demo-123" in out


async def stock_of(sessions, skus):
    async with sessions() as s:
        rows = await s.execute(select(Product.sku, Product.stock_milli).where(Product.sku.in_(skus)))
        return dict(rows.all())


async def test_piped_terminal_chat_places_an_order_that_orders_list_shows(demo_env, sessions):
    async with sessions() as s:
        stock_before = dict((await s.execute(select(Product.sku, Product.stock_milli))).all())
    chat = await asyncio.to_thread(
        vyaparai, ["chat", "--store", "DEMO"], demo_env,
        "2 kilo aata aur 1 maggi\ncart\norder\nyes\n12 MG Road, Indiranagar, Bengaluru\ncod\n")
    assert chat.returncode == 0, chat.stderr
    assert "#1001" in chat.stdout, chat.stdout

    listed = await asyncio.to_thread(vyaparai, ["orders", "list", "--store", "DEMO", "--json"], demo_env)
    assert listed.returncode == 0, listed.stderr
    [order] = json.loads(listed.stdout)
    assert (order["number"], order["status"], order["payment_method"], order["payment_status"]) == (
        1001, "pending", "cod", "pending")
    assert order["delivery_address"] == "12 MG Road, Indiranagar, Bengaluru"
    items = {i["sku"]: i for i in order["items"]}
    assert len(items) == 2
    atta = next(i for i in items.values() if "atta" in i["name"].lower())
    maggi = next(i for i in items.values() if "maggi" in i["name"].lower())
    assert (atta["qty"], atta["unit"]) == (2, "kg")
    assert (maggi["qty"], maggi["unit"]) == (1, "pack")
    assert order["total_paise"] == atta["unit_price_paise"] * 2 + maggi["unit_price_paise"]
    after = await stock_of(sessions, list(items))
    assert after[atta["sku"]] == stock_before[atta["sku"]] - 2000
    assert after[maggi["sku"]] == stock_before[maggi["sku"]] - 1000
