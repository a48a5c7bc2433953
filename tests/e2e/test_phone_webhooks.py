"""The SMS and RCS webhooks refuse what is not signed by the provider, and a redelivery has one effect."""
import base64
import hashlib
import hmac
import json
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

import pytest
from sqlalchemy import func, select

from tests.e2e.phone_support import (
    CLIENT_TOKEN, OWNER_PHONE, PAYLOADS, PUBLIC, SHOP_NUMBER, make_shop, post_rbm, post_twilio, rbm_user_message,
    twilio_form,
)
from tests.fakes.rbm_api import rbm_api  # noqa: F401  (fixture)
from tests.fakes.sms_api import ACCOUNT_SID, AUTH_TOKEN, GUPSHUP_PASSWORD, GUPSHUP_USER, sms_api  # noqa: F401
from vyaparai.bot.messages import OutboundMessage
from vyaparai.channels.sms import gupshup_webhook_token
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, OutboxMessage, StoreChannel
from vyaparai.web.app import create_app
from vyaparai.web.keys import JOBS
from vyaparai.workers.services import Services

SECRET_KEY = "a-test-secret-key-of-32-characters"
CUSTOMER = "919812345678"


@pytest.fixture
async def shop(sessions, tmp_path):
    store = await make_shop(sessions, tmp_path)
    async with sessions() as session, session.begin():
        session.add(StoreChannel(store_id=store.id, channel="sms", external_id=SHOP_NUMBER))
    return store


@pytest.fixture
async def services(database_url, sms_api, rbm_api, tmp_path):
    services = Services.create(Settings(
        database_url=database_url, secret_key=SECRET_KEY, public_base_url=PUBLIC,
        twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN, twilio_api_base_url=sms_api.base_url,
        rbm_client_token=CLIENT_TOKEN, rbm_service_account_file=rbm_api.service_account_file(tmp_path),
        rbm_api_base_url=rbm_api.base_url, rbm_agent_id="shared_agent@rbm.goog"))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


async def inbound_count(services) -> int:
    async with services.sessions() as session:
        return await session.scalar(select(func.count()).select_from(InboundLog))


async def test_twilio_webhooks_refuse_missing_forged_and_wrong_url_signatures(client, services, sms_api):
    form = twilio_form(CUSTOMER, "2 kg sugar")
    assert await post_twilio(client, form, signature=None) == 401
    assert await post_twilio(client, form, signature="RSOYDt4T1cUTdK1PDd93/VVr8B8=") == 403
    # What Twilio signs is the public URL; a signature for the address the app sees behind a proxy is no good.
    behind_proxy = RequestValidator(AUTH_TOKEN).compute_signature("http://127.0.0.1/webhooks/sms/twilio", form)
    assert await post_twilio(client, form, signature=behind_proxy) == 403
    assert await post_twilio(client, {**form, "MessageStatus": "delivered"}, path="/webhooks/sms/twilio/status",
                             signature="forged=") == 403
    assert await inbound_count(services) == 0 and sms_api.sent == []


async def test_a_redelivered_sms_has_one_effect_and_its_status_callbacks_move_the_reply_forward(
        client, services, sms_api):
    form = twilio_form(CUSTOMER, "2 kg sugar")
    assert await post_twilio(client, form) == 200
    assert await post_twilio(client, form) == 200
    [reply] = await sms_api.wait_for(CUSTOMER)
    assert await inbound_count(services) == 1 and len(sms_api.sent) == 1
    for status in ("delivered", "sent"):
        callback = {"MessageSid": reply.sid, "MessageStatus": status, "AccountSid": ACCOUNT_SID}
        assert await post_twilio(client, callback, path="/webhooks/sms/twilio/status") == 200
    async with services.sessions() as session:
        assert await session.scalar(select(OutboxMessage.status).where(
            OutboxMessage.provider_message_id == reply.sid)) == "delivered"


async def test_rbm_answers_the_handshake_for_our_token_only(client):
    request = json.loads((PAYLOADS / "rcs" / "rbm_webhook_verification_request.json").read_text())
    resp = await client.post("/webhooks/rcs", json=request)
    assert (resp.status, await resp.text()) == (200, "1234567890")
    resp = await client.post("/webhooks/rcs", json={**request, "clientToken": "SOMEONEELSE00000"})
    assert resp.status == 403


async def test_rbm_events_refuse_missing_and_forged_signatures_and_one_signed_over_the_base64_text(
        client, services, rbm_api):
    event = rbm_user_message(CUSTOMER, "shared_agent@rbm.goog", text="2 kg sugar")
    assert await post_rbm(client, event, signature=None) == 401
    assert await post_rbm(client, event, signature=base64.b64encode(b"x" * 64).decode()) == 403
    envelope = json.loads((PAYLOADS / "rcs" / "rbm_text_pubsub_envelope.json").read_text())
    over_text = base64.b64encode(hmac.new(CLIENT_TOKEN.encode(), envelope["message"]["data"].encode(),
                                          hashlib.sha512).digest()).decode()
    resp = await client.post("/webhooks/rcs", json=envelope, headers={"X-Goog-Signature": over_text})
    assert resp.status == 403
    resp = await client.post("/webhooks/rcs", json={"message": {"data": "not base64!"}},
                             headers={"X-Goog-Signature": over_text})
    assert resp.status == 400
    assert await inbound_count(services) == 0 and rbm_api.messages == []


async def test_a_recorded_rbm_envelope_on_the_shared_agent_reaches_the_only_store(client, services, rbm_api):
    vector = json.loads((PAYLOADS / "rcs" / "rbm_signature_vectors.json").read_text())["vectors"][0]
    body = (PAYLOADS / "rcs" / vector["envelope_file"]).read_bytes()
    resp = await client.post("/webhooks/rcs", data=body, headers={"X-Goog-Signature": vector["x_goog_signature"],
                                                                  "Content-Type": "application/json"})
    await client.app[JOBS].drain()
    assert resp.status == 200
    [reply] = await rbm_api.wait_for("919876543210")
    assert "चीनी" in reply.text and reply.agent_id == "shared_agent@rbm.goog"


async def test_gupshup_keyword_url_needs_its_token(client, services):
    query = (PAYLOADS / "sms" / "gupshup_sms_keyword_inbound.query").read_text().strip()
    assert (await client.get(f"/webhooks/sms/gupshup?{query}")).status == 401
    assert (await client.get(f"/webhooks/sms/gupshup?{query}&token=guessed")).status == 403
    assert await inbound_count(services) == 0


@pytest.fixture
async def gupshup_services(database_url, sms_api):
    services = Services.create(Settings(
        database_url=database_url, secret_key=SECRET_KEY, public_base_url=PUBLIC, gupshup_user_id=GUPSHUP_USER,
        gupshup_password=GUPSHUP_PASSWORD, gupshup_api_base_url=sms_api.base_url, sms_from_number="LAKSHM",  # a DLT sender id
        sms_dlt_entity_id="1101000000000000001",
        sms_dlt_templates=(("alert", "1107000000000000002"), ("notification", "1107000000000000003"))))
    yield services
    await services.close()


async def test_a_gupshup_keyword_sms_is_answered_once_through_gupshup_and_status_updates_carry_dlt_ids(
        aiohttp_client, gupshup_services, shop, sms_api):
    client = await aiohttp_client(create_app(gupshup_services.settings, services=gupshup_services, sweep_every=3600))
    token = gupshup_webhook_token(SECRET_KEY)
    query = urlencode({"phonecode": SHOP_NUMBER, "keyword": "ORDER", "content": "ORDER 2 किलो चीनी",
                       "msisdn": CUSTOMER[2:], "timestamp": "1765000000000", "token": token})
    for _ in range(2):  # Gupshup retried: the same sender and timestamp is the same message
        assert (await client.get(f"/webhooks/sms/gupshup?{query}")).status == 200
        await client.app[JOBS].drain()
    [reply] = await sms_api.wait_for(CUSTOMER)
    assert reply.gateway == "gupshup" and "चीनी" in reply.text
    assert reply.params["msg_type"] == "Unicode_text"  # Hindi stays in its script
    assert "dltTemplateId" not in reply.params  # a reply inside the customer's conversation
    status = OutboundMessage(channel="sms", recipient=CUSTOMER, text="Order #1001 is on its way", kind="notification")
    await gupshup_services.channels["sms"].send(status)
    update = sms_api.to(CUSTOMER)[-1]
    assert (update.params["principalEntityId"], update.params["dltTemplateId"]) == (
        "1101000000000000001", "1107000000000000003")
    assert update.params["msg_type"] == "TEXT"


def test_dlt_without_a_template_for_alerts_is_an_error_at_start_up(database_url):
    from vyaparai.config import ConfigError
    with pytest.raises(ConfigError) as refused:
        Services.create(Settings(database_url=database_url, gupshup_user_id="1", gupshup_password="p",
                                 sms_dlt_entity_id="1101", sms_dlt_templates=(("notification", "1107"),)))
    assert refused.value.variable == "SMS_DLT_TEMPLATE_ALERT"
