"""Browser tests: the real app on a free localhost port and Debian's Chromium driven by Playwright.

Everything runs in the session's event loop (the tests carry `asyncio(loop_scope="session")`): the server,
the one Chromium and the test body share it, so a page waiting on the server never blocks the server.
The shop itself is set up by tests/e2e/conftest.py's `shop` fixture, in a fresh database per test.

No browser is downloaded: scripts/test installs Debian's chromium. Without it the tests skip, unless
REQUIRE_BROWSER=1 (CI) turns the skip into a failure.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web

from vyaparai.config import Settings
from vyaparai.db.engine import create_engine, create_sessions
from vyaparai.web.app import create_app

from tests.e2e.conftest import OWNER_PHONE, shop  # noqa: F401  (shop is a fixture used here)

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and none of Chromium's own calls home: this machine's network refuses them, noisily.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "correct horse battery"
TIMEOUT_MS = 10_000


def unavailable(reason: str):
    """Skip the browser tests, or fail them when CI says the browser must be there."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1 needs it)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def playwright_api():
    """playwright.async_api, or a skip (a failure under REQUIRE_BROWSER=1) naming what to install."""
    try:
        import playwright.async_api
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[test]'")
    return playwright.async_api


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser():
    """One Chromium for the whole test session; Playwright gives it a fresh temporary profile."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver (scripts/test does)")
    async with playwright_api().async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        await chromium.close()


@pytest_asyncio.fixture(loop_scope="session")
async def server(database_url, shop):  # noqa: F811  (the imported fixture)
    """The whole app (jobs in-process) on 127.0.0.1 and a free port; yields its base URL."""
    app = create_app(Settings(database_url=database_url), sweep_every=3600)
    # The pages are closed before this ends; a short timeout keeps a stuck live connection from holding us.
    runner = web.AppRunner(app, shutdown_timeout=2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest_asyncio.fixture(loop_scope="session")
async def browser_sessions(database_url):
    """Sessions for a test's own reads and writes, made in the tests' event loop: an asyncpg connection
    belongs to the loop that opened it, so the function-loop `sessions` fixture fails here on PostgreSQL."""
    engine = create_engine(database_url)
    yield create_sessions(engine)
    await engine.dispose()


@pytest_asyncio.fixture(loop_scope="session")
async def new_page(browser, server):
    """Open a page in a context of its own (its own cookies and storage: one person per page)."""
    contexts = []

    async def open_page():
        context = await browser.new_context(base_url=server, locale="en-IN")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return await context.new_page()

    yield open_page
    for context in contexts:
        await context.close()
