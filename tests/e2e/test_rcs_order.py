"""A Tamil order over RCS with chip taps, accepted by the owner; a reply to a phone without RCS goes by SMS."""
import pytest
from sqlalchemy import func, select

from tests.e2e.phone_support import (
    OWNER_PHONE, PUBLIC, make_shop, post_rbm, post_twilio, rbm_user_message, twilio_form,
)
from tests.fakes.rbm_api import rbm_api  # noqa: F401  (fixture)
from tests.fakes.sms_api import ACCOUNT_SID, AUTH_TOKEN, sms_api  # noqa: F401  (fixture)
from vyaparai import locales
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, Order, OutboxMessage, StoreChannel
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

AGENT = "lakshmi_stores_agent@rbm.goog"
CUSTOMER = "919840012345"
NO_RCS = "919840099999"


@pytest.fixture
async def shop(sessions, tmp_path):
    store = await make_shop(sessions, tmp_path, code="RCSSHOP")
    async with sessions() as session, session.begin():
        session.add(StoreChannel(store_id=store.id, channel="rcs", external_id=AGENT))
    return store


@pytest.fixture
async def services(database_url, rbm_api, sms_api, tmp_path):
    services = Services.create(Settings(
        database_url=database_url, secret_key="a-test-secret-key-of-32-characters", public_base_url=PUBLIC,
        rbm_client_token="SJENCPGJESMGUFPY", rbm_service_account_file=rbm_api.service_account_file(tmp_path),
        rbm_api_base_url=rbm_api.base_url, twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN,
        twilio_api_base_url=sms_api.base_url, sms_from_number="+14155550142"))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


def tap(phone: str, postback: str, text: str = "") -> dict:
    return rbm_user_message(phone, AGENT, suggestionResponse={"postbackData": postback, "text": text, "type": "REPLY"})


async def test_a_tamil_rcs_order_made_with_chip_taps_is_placed_and_accepted_by_the_owner(client, rbm_api, sms_api,
                                                                                          services):
    assert await post_rbm(client, rbm_user_message(CUSTOMER, AGENT, text="2 கிலோ சர்க்கரை, 3 மேகி வேண்டும்")) == 200
    [cart] = await rbm_api.wait_for(CUSTOMER)
    assert cart.agent_id == AGENT and "சர்க்கரை" in cart.text
    assert "checkout" in cart.postbacks and "richCard" in cart.content  # the cart as a card with chips
    assert await post_rbm(client, tap(CUSTOMER, "checkout")) == 200
    assert "yes" in rbm_api.to(CUSTOMER)[-1].postbacks
    assert await post_rbm(client, tap(CUSTOMER, "yes")) == 200
    assert await post_rbm(client, rbm_user_message(CUSTOMER, AGENT, text="14 காந்தி தெரு, சென்னை 600017")) == 200
    assert "pay:cod" in rbm_api.to(CUSTOMER)[-1].postbacks
    assert await post_rbm(client, tap(CUSTOMER, "pay:cod")) == 200
    assert "#1001" in rbm_api.to(CUSTOMER)[-1].text

    assert await post_twilio(client, twilio_form(OWNER_PHONE, "accept 1001")) == 200
    assert rbm_api.to(CUSTOMER)[-1].text == locales.t("ta", "notice_confirmed", number=1001)
    assert all(len(m.message_id) == 36 for m in rbm_api.messages)  # our own messageId on every send
    async with services.sessions() as session:
        order = await session.scalar(select(Order))
        assert (order.status, order.payment_method, order.channel, order.language) == ("confirmed", "cod", "rcs", "ta")


async def test_a_reply_to_a_phone_without_rcs_arrives_by_sms(client, rbm_api, sms_api):
    rbm_api.not_rcs.add(NO_RCS)
    assert await post_rbm(client, rbm_user_message(NO_RCS, AGENT, text="2 கிலோ சர்க்கரை வேண்டும்")) == 200
    [sms] = await sms_api.wait_for(NO_RCS)
    assert "சர்க்கரை" in sms.text and rbm_api.to(NO_RCS) == []
    # The chips became numbered choices, and the digit answers them on SMS.
    place = next(line.split(")")[0] for line in sms.text.splitlines()
                 if line.endswith(") " + locales.t("ta", "button_place_order")))
    assert await post_twilio(client, twilio_form(NO_RCS, place, to="14155550142")) == 200
    confirm = sms_api.to(NO_RCS)[-1]
    assert "₹92" in confirm.text and f") {locales.t('ta', 'button_yes')}" in confirm.text  # the same cart, checked out


async def test_a_redelivered_rcs_event_has_one_effect(client, rbm_api, services):
    event = rbm_user_message(CUSTOMER, AGENT, text="3 மேகி")
    assert await post_rbm(client, event) == 200
    assert await post_rbm(client, event) == 200
    assert len(await rbm_api.wait_for(CUSTOMER)) == 1
    async with services.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(InboundLog)) == 1


async def test_delivered_then_read_moves_the_reply_forward_and_a_late_delivered_does_not_undo_it(
        client, rbm_api, services):
    assert await post_rbm(client, rbm_user_message(CUSTOMER, AGENT, text="3 மேகி")) == 200
    [sent] = await rbm_api.wait_for(CUSTOMER)
    for kind in ("DELIVERED", "READ", "DELIVERED"):
        event = {"senderPhoneNumber": f"+{CUSTOMER}", "eventType": kind, "eventId": f"Mx{kind}{len(kind)}",
                 "messageId": sent.message_id, "sendTime": "2026-12-06T10:00:01Z", "agentId": AGENT}
        assert await post_rbm(client, event) == 200
    async with services.sessions() as session:
        row = await session.scalar(select(OutboxMessage).where(OutboxMessage.provider_message_id == sent.message_id))
        assert row.status == "read"
