"""Helpers for SMS and RCS end-to-end tests: a shop, signed Twilio forms, signed RBM events."""
from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
from pathlib import Path
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from tests.fakes.sms_api import AUTH_TOKEN
from vyaparai.catalog.importer import import_catalog
from vyaparai.catalog.stores import create_store
from vyaparai.web.keys import JOBS

PAYLOADS = Path(__file__).parents[1] / "payloads"
PUBLIC = "https://kirana.example.in"
CLIENT_TOKEN = "SJENCPGJESMGUFPY"  # the example clientToken of Google's RBM webhook guide
SHOP_NUMBER = "919000000001"  # the store's own SMS number
OWNER_PHONE = "919800000002"
CATALOG = """sku,name,brand,category,unit,pack_size,price_inr,aliases,stock
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,46,cheeni|chini|चीनी|சர்க்கரை,40
MAGGI-70,Maggi Masala Noodles 70g,Maggi,packaged_food,g,70,14,maggi|मैगी|மேகி,100
RICE-5,India Gate Basmati Rice 5kg,India Gate,staples,kg,5,640,basmati|அரிசி,10
"""
_ids = itertools.count(1)


async def make_shop(sessions, tmp_path, code: str = "SMSSHOP"):
    path = tmp_path / "shop.csv"
    path.write_text(CATALOG, encoding="utf-8")
    async with sessions() as session, session.begin():
        store = await create_store(session, code=code, name="Lakshmi Stores", owner_phones=[OWNER_PHONE])
        assert not (await import_catalog(session, store.id, path)).errors
    return store


def twilio_form(sender: str, body: str, to: str = SHOP_NUMBER, sid: str | None = None) -> dict:
    sid = sid or f"SM{next(_ids):032x}"
    return {"MessageSid": sid, "SmsMessageSid": sid, "SmsSid": sid, "AccountSid": "AC" + "0" * 32,
            "From": f"+{sender}", "To": f"+{to}", "Body": body, "NumMedia": "0", "NumSegments": "1",
            "SmsStatus": "received", "FromZip": "", "ApiVersion": "2010-04-01"}


def twilio_signature(form: dict, path: str = "/webhooks/sms/twilio", token: str = AUTH_TOKEN) -> str:
    return RequestValidator(token).compute_signature(PUBLIC + path, form)


async def post_twilio(client, form: dict, *, path: str = "/webhooks/sms/twilio", signature: str | None = "good") -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature == "good":
        headers["X-Twilio-Signature"] = twilio_signature(form, path)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    resp = await client.post(path, data=urlencode(form).encode(), headers=headers)
    await client.app[JOBS].drain()
    return resp.status


def rbm_envelope(event: dict) -> tuple[bytes, str]:
    """A Pub/Sub push envelope carrying `event`, and its X-Goog-Signature."""
    data = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
    signature = base64.b64encode(hmac.new(CLIENT_TOKEN.encode(), data, hashlib.sha512).digest()).decode()
    envelope = {"message": {"attributes": {}, "data": base64.b64encode(data).decode(),
                            "messageId": str(next(_ids)), "publishTime": "2026-12-06T10:00:00Z"},
                "subscription": "projects/rbm-test/subscriptions/rbm-agent"}
    return json.dumps(envelope).encode(), signature


def rbm_user_message(phone: str, agent: str, **content) -> dict:
    return {"senderPhoneNumber": f"+{phone}", "messageId": f"Mx{next(_ids):022d}",
            "sendTime": "2026-12-06T10:00:00.123456Z", "agentId": agent, **content}


async def post_rbm(client, event: dict, *, signature: str | None = "good") -> int:
    body, good = rbm_envelope(event)
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Goog-Signature"] = good if signature == "good" else signature
    resp = await client.post("/webhooks/rcs", data=body, headers=headers)
    await client.app[JOBS].drain()
    return resp.status
