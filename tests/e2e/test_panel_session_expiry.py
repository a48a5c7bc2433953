"""A panel login lasts 12 hours from the moment it was made, whatever the browser keeps; the live feed ends with it."""
import base64
import json
import time

import pytest
from aiohttp import WSMsgType
from cryptography.fernet import Fernet

from vyaparai.config import Settings
from vyaparai.web.app import create_app
from vyaparai.web.panel import session_key
from vyaparai.web.panel.auth import SESSION_MAX_AGE
from vyaparai.web.panel.live import SESSION_ENDED

from tests.e2e.conftest import OWNER_PHONE

SECRET = "a secret key for these tests only"


@pytest.fixture
async def panel(aiohttp_client, services, shop):
    app = create_app(Settings(database_url=services.settings.database_url, secret_key=SECRET), services=services,
                     sweep_every=3600)
    return await aiohttp_client(app)


def session_cookie(store_id: int, logged_in_at: float) -> str:
    """The cookie the panel itself would have written at login time (the token itself freshly made)."""
    fernet = Fernet(base64.urlsafe_b64encode(session_key(SECRET)))
    data = {"created": int(logged_in_at), "session": {"store_id": store_id, "phone": OWNER_PHONE, "csrf": "t" * 43}}
    return fernet.encrypt(json.dumps(data).encode()).decode()


async def test_a_login_from_yesterday_is_over_even_in_a_freshly_sealed_cookie(panel, shop):
    panel.session.cookie_jar.update_cookies(
        {"vyaparai_panel": session_cookie(shop.id, time.time() - SESSION_MAX_AGE - 60)})
    resp = await panel.get("/panel/", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/panel/login"


async def test_a_login_of_this_morning_still_opens_the_panel(panel, shop):
    panel.session.cookie_jar.update_cookies({"vyaparai_panel": session_cookie(shop.id, time.time() - 3600)})
    resp = await panel.get("/panel/", allow_redirects=False)
    assert resp.status == 200 and "Open orders" in await resp.text()


async def test_the_live_feed_closes_when_the_login_runs_out(panel, shop):
    panel.session.cookie_jar.update_cookies(
        {"vyaparai_panel": session_cookie(shop.id, time.time() - SESSION_MAX_AGE + 2)})
    ws = await panel.ws_connect("/panel/live")
    assert (await ws.receive_json(timeout=5))["type"] == "hello"
    closing = await ws.receive(timeout=10)
    assert closing.type == WSMsgType.CLOSE and closing.data == SESSION_ENDED
