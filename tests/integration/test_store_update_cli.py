"""`vyaparai store update` gives a store its own SMS number and RCS agent, which then route its messages."""
import pytest

from vyaparai.bot.messages import InboundMessage
from vyaparai.catalog.stores import create_store
from vyaparai.cli.context import CommandError
from vyaparai.cli.store_channels import update
from vyaparai.config import Settings
from vyaparai.web.phone_routing import store_for


async def test_the_sms_number_and_agent_set_by_the_command_route_inbound_messages(sessions, database_url, capsys):
    async with sessions() as session, session.begin():
        for code in ("SHOPA", "SHOPB"):
            await create_store(session, code=code, name=code, owner_phones=["9800000001"])
    settings = Settings(database_url=database_url)
    assert await update(settings, "shopb", sms_number="090000 00001", rbm_agent_id="shop_b@rbm.goog") == 0
    assert "+919000000001" in capsys.readouterr().out
    with pytest.raises(CommandError):
        await update(settings, "SHOPA", sms_number="+91 90000 00001", rbm_agent_id=None)
    async with sessions() as session:
        for channel, ref in (("sms", "919000000001"), ("rcs", "shop_b@rbm.goog")):
            msg = InboundMessage(channel=channel, provider_message_id="m1", sender="919812345678", text="hi",
                                 store_ref=ref)
            store, _ = await store_for(session, msg)
            assert store.code == "SHOPB"
        named = InboundMessage(channel="sms", provider_message_id="m2", sender="919812345678",
                               text="shopa 2 kg sugar", store_ref="14155550142")
        store, msg = await store_for(session, named)
        assert (store.code, msg.text) == ("SHOPA", "2 kg sugar")
