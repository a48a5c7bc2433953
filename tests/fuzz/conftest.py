"""The whole app on a fresh database, a shop with an owner, and a check that nothing logged a traceback."""
from __future__ import annotations

import logging
import os
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, settings

from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.config import Settings
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

# Cases per endpoint; FUZZ_EXAMPLES=20000 for a long hunt. Fixed seed (derandomize): the same cases every run.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=list(HealthCheck))

APP_SECRET = "fuzz-app-secret-0123456789"
RAZORPAY_SECRET = "whsec_fuzz"
KEY_SECRET = "fuzz_key_secret"
PHONE_NUMBER_ID = "1098765432101"
OWNER_PHONE = "919876543210"
PASSWORD = "correct horse battery"
CATALOG = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni,400
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,maggi,1000
"""


@pytest.fixture
async def shop(sessions, tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(CATALOG, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code="FUZZ1", name="Fuzz Kirana", owner_phones=[OWNER_PHONE],
                                   owner_password=PASSWORD, whatsapp_phone_number_id=PHONE_NUMBER_ID)
        assert not (await import_catalog(session, store.id, path)).errors
    return store


@pytest.fixture
async def services(database_url):
    services = Services.create(Settings(
        database_url=database_url, whatsapp_app_secret=APP_SECRET, whatsapp_verify_token="fuzz-verify",
        razorpay_webhook_secret=RAZORPAY_SECRET, razorpay_key_secret=KEY_SECRET, razorpay_key_id="rzp_fuzz",
        secret_key="fuzz secret key, sixteen+"))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


# endpoint -> Counter of HTTP statuses, printed after the run (the figures the CI log shows).
TALLY: dict[str, Counter] = defaultdict(Counter)


def tally(endpoint: str, status: int) -> None:
    TALLY[endpoint][status] += 1
    assert status < 500, f"{endpoint} answered {status}"


def pytest_terminal_summary(terminalreporter):
    if not TALLY:
        return
    terminalreporter.section("fuzz cases per endpoint")
    for endpoint, statuses in sorted(TALLY.items()):
        counts = ", ".join(f"{code}x{n}" for code, n in sorted(statuses.items()))
        terminalreporter.write_line(f"{endpoint}: {sum(statuses.values())} cases ({counts})")


@pytest.fixture
def no_tracebacks(caplog):
    """After the test: no log record carried an exception (aiohttp logs every unhandled one this way)."""
    caplog.set_level(logging.WARNING)
    yield caplog
    crashes = [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert not crashes, f"{len(crashes)} tracebacks, first: {crashes[0].getMessage()}"
