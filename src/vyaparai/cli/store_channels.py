"""`vyaparai store update --code CODE [--sms-number N] [--rbm-agent-id ID]`: a store's own SMS number and RBM agent."""
from __future__ import annotations

import asyncio

from sqlalchemy import delete, select

from vyaparai.catalog.stores import InvalidStoreValue, get_store_by_code, normalize_phone, normalize_store_code
from vyaparai.channels.sms import gupshup_webhook_token
from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings
from vyaparai.db.models import StoreChannel


def register(actions) -> None:
    """Add `update` to the `vyaparai store` actions."""
    p = actions.add_parser("update", help="set the store's own SMS number or RCS agent")
    p.add_argument("--code", required=True, help="the store's code")
    p.add_argument("--sms-number", help="the store's own SMS number (+91...); 'none' to use the shared one")
    p.add_argument("--rbm-agent-id", help="the store's own RCS agent (...@rbm.goog); 'none' to use the shared one")
    p.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(update(Settings.from_env(), args.code, sms_number=args.sms_number, rbm_agent_id=args.rbm_agent_id))


async def update(settings: Settings, code: str, *, sms_number: str | None, rbm_agent_id: str | None) -> int:
    try:
        code = normalize_store_code(code)
        number = None if sms_number in (None, "none") else normalize_phone(sms_number)
    except InvalidStoreValue as e:
        raise CommandError(str(e)) from None
    async with database(settings) as sessions, sessions() as session, session.begin():
        store = await get_store_by_code(session, code)
        if store is None:
            raise CommandError(f"no store with code {code}")
        if sms_number is not None:
            await _bind(session, store.id, "sms", number)
            print(f"{code}: SMS number {'+' + number if number else 'shared'}")
        if rbm_agent_id is not None:
            await _bind(session, store.id, "rcs", None if rbm_agent_id == "none" else rbm_agent_id.strip())
            print(f"{code}: RCS agent {rbm_agent_id}")
    if sms_number and settings.gupshup_user_id:
        print(f"  Gupshup keyword URL: {settings.public_base_url}/webhooks/sms/gupshup?token="
              f"{gupshup_webhook_token(settings.secret_key)}")
    return 0


async def _bind(session, store_id: int, channel: str, external_id: str | None) -> None:
    """The store's one address on `channel` (replacing an earlier one); another store's is refused."""
    if external_id:
        taken = await session.scalar(select(StoreChannel.store_id).where(
            StoreChannel.channel == channel, StoreChannel.external_id == external_id))
        if taken is not None and taken != store_id:
            raise CommandError(f"{external_id} is already another store's {channel} address")
    await session.execute(delete(StoreChannel).where(StoreChannel.store_id == store_id,
                                                     StoreChannel.channel == channel))
    if external_id:
        session.add(StoreChannel(store_id=store_id, channel=channel, external_id=external_id))
