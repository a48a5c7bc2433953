"""A Hindi order by SMS through Twilio, answered only by digits, placed and accepted by the owner."""
import pytest
from sqlalchemy import func, select

from tests.e2e.phone_support import OWNER_PHONE, PUBLIC, SHOP_NUMBER, make_shop, post_twilio, twilio_form
from tests.fakes.sms_api import ACCOUNT_SID, AUTH_TOKEN, sms_api  # noqa: F401  (fixture)
from vyaparai import locales
from vyaparai.channels.sms.segments import cost
from vyaparai.config import Settings
from vyaparai.db.models import InboundLog, Order, StoreChannel
from vyaparai.web.app import create_app
from vyaparai.workers.services import Services

CUSTOMER = "919812345678"


@pytest.fixture
async def shop(sessions, tmp_path):
    store = await make_shop(sessions, tmp_path)
    async with sessions() as session, session.begin():
        session.add(StoreChannel(store_id=store.id, channel="sms", external_id=SHOP_NUMBER))
    return store


@pytest.fixture
async def services(database_url, sms_api):
    services = Services.create(Settings(
        database_url=database_url, secret_key="a-test-secret-key-of-32-characters", public_base_url=PUBLIC,
        twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN, twilio_api_base_url=sms_api.base_url,
        sms_from_number="+14155550142"))
    yield services
    await services.close()


@pytest.fixture
async def client(aiohttp_client, services, shop):
    return await aiohttp_client(create_app(services.settings, services=services, sweep_every=3600))


def numbered(sms, label: str) -> str:
    """The digit that answers the choice `label` in an SMS ("2) नहीं" -> "2")."""
    return next(line.split(")")[0] for line in sms.text.splitlines() if line.endswith(") " + label))


async def test_a_hindi_sms_order_made_with_digits_is_placed_and_accepted_by_the_owner(client, sms_api, services):
    assert await post_twilio(client, twilio_form(CUSTOMER, "मुझे 2 किलो चीनी और 3 मैगी चाहिए")) == 200
    [cart] = await sms_api.wait_for(CUSTOMER)
    assert "चीनी" in cart.text and "कुल: ₹134" in cart.text
    assert cart.sender == f"+{SHOP_NUMBER}"  # answered from the store's own number
    assert cart.params["StatusCallback"] == PUBLIC + "/webhooks/sms/twilio/status"

    assert await post_twilio(client, twilio_form(CUSTOMER, numbered(cart, locales.t("hi", "button_place_order")))) == 200
    confirm = sms_api.to(CUSTOMER)[-1]
    assert await post_twilio(client, twilio_form(CUSTOMER, numbered(confirm, locales.t("hi", "button_yes")))) == 200
    assert await post_twilio(client, twilio_form(CUSTOMER, "12 गांधी रोड, जयपुर 302001")) == 200
    payment = sms_api.to(CUSTOMER)[-1]
    assert await post_twilio(client, twilio_form(CUSTOMER, numbered(payment, locales.t("hi", "pay_cod")))) == 200
    placed = sms_api.to(CUSTOMER)[-1]
    assert "#1001" in placed.text and "₹134" in placed.text

    assert await post_twilio(client, twilio_form(OWNER_PHONE, "accept 1001")) == 200
    assert "1001" in sms_api.to(OWNER_PHONE)[-1].text
    assert sms_api.to(CUSTOMER)[-1].text == locales.t("hi", "notice_confirmed", number=1001).replace("✅", "").strip()
    for sms in sms_api.to(CUSTOMER):
        assert cost(sms.text).segments <= 3 and "🛒" not in sms.text and "✅" not in sms.text
    async with services.sessions() as session:
        order = await session.scalar(select(Order))
        assert (order.status, order.payment_method, order.channel) == ("confirmed", "cod", "sms")
        assert order.delivery_address.startswith("12 गांधी रोड")
