"""`vyaparai store update --code CODE [channel options] [rule options]`: a store's own SMS number and RBM agent,
and its rules (minimum order, delivery charge, hours, cash/online, radius), printed back after the change."""
from __future__ import annotations

import asyncio
import sys
from collections.abc import Mapping

from sqlalchemy import delete, select

from vyaparai.catalog.rules_input import InvalidRule, format_hours, parse_rules, update_store_rules
from vyaparai.catalog.stores import InvalidStoreValue, get_store_by_code, normalize_phone, normalize_store_code
from vyaparai.channels.sms import gupshup_webhook_token
from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings
from vyaparai.db.models import Store, StoreChannel

# option -> (the rule it sets, its help)
RULE_OPTIONS = {
    "--min-order-inr": ("min_order_paise", "smallest order in rupees (0: no minimum)"),
    "--delivery-charge-inr": ("delivery_charge_paise", "delivery charge in rupees (0: free delivery)"),
    "--free-delivery-above-inr": ("free_delivery_above_paise",
                                  "orders of this many rupees or more deliver free; 'none' to always charge"),
    "--hours": ("opening_hours", "opening hours, e.g. \"Mon-Sat 08:00-21:00, Sun closed\"; 'always' for no hours"),
    "--cod": ("cod_enabled", "cash on delivery: on or off"),
    "--online": ("online_enabled", "online payment: on or off"),
    "--radius-km": ("delivery_radius_km", "deliver only this far from the shop (km, at most 50); 'none': anywhere"),
    "--orders-when-closed": ("orders_when_closed", "outside hours, take orders for when the shop opens: on or off"),
}
OPTION_OF_RULE = {rule: option for option, (rule, _) in RULE_OPTIONS.items()}


def register(actions) -> None:
    """Add `update` to the `vyaparai store` actions."""
    p = actions.add_parser("update", help="set the store's rules, or its own SMS number or RCS agent")
    p.add_argument("--code", required=True, help="the store's code")
    p.add_argument("--sms-number", help="the store's own SMS number (+91...); 'none' to use the shared one")
    p.add_argument("--rbm-agent-id", help="the store's own RCS agent (...@rbm.goog); 'none' to use the shared one")
    for option, (rule, help_text) in RULE_OPTIONS.items():
        p.add_argument(option, dest=rule, metavar="VALUE", help=help_text)
    p.set_defaults(handler=run)


def run(args) -> int:
    rules = {rule: getattr(args, rule) for rule in OPTION_OF_RULE if getattr(args, rule) is not None}
    return asyncio.run(update(Settings.from_env(), args.code, sms_number=args.sms_number,
                              rbm_agent_id=args.rbm_agent_id, rules=rules))


async def update(settings: Settings, code: str, *, sms_number: str | None, rbm_agent_id: str | None,
                 rules: Mapping[str, str] | None = None) -> int:
    """Exit status 2 and nothing changed when any value is refused."""
    try:
        code = normalize_store_code(code)
        number = None if sms_number in (None, "none") else normalize_phone(sms_number)
    except InvalidStoreValue as e:
        raise CommandError(str(e)) from None
    changes, problems = parse_rules(rules or {})
    if problems:
        return _refused(problems.values())
    report = []  # printed once everything is committed
    try:
        async with database(settings) as sessions, sessions() as session, session.begin():
            store = await get_store_by_code(session, code)
            if store is None:
                raise CommandError(f"no store with code {code}")
            if changes:
                changed = await update_store_rules(session, store, changes, actor="cli")
                report.append(f"{code}: {len(changed) or 'no'} rule{'' if len(changed) == 1 else 's'} changed")
            if changes or (sms_number is None and rbm_agent_id is None):
                report.append(rules_text(store))  # with nothing to change, the command shows the rules
            if sms_number is not None:
                await _bind(session, store.id, "sms", number)
                report.append(f"{code}: SMS number {'+' + number if number else 'shared'}")
            if rbm_agent_id is not None:
                await _bind(session, store.id, "rcs", None if rbm_agent_id == "none" else rbm_agent_id.strip())
                report.append(f"{code}: RCS agent {rbm_agent_id}")
    except InvalidRule as e:
        return _refused([e])
    print("\n".join(report))
    if sms_number and settings.gupshup_user_id:
        print(f"  Gupshup keyword URL: {settings.public_base_url}/webhooks/sms/gupshup?token="
              f"{gupshup_webhook_token(settings.secret_key)}")
    return 0


def rules_text(store: Store) -> str:
    """The store's rules, one a line, as the options that set them would read."""
    free_above = store.free_delivery_above_paise
    radius = store.delivery_radius_km
    lines = [
        ("minimum order", _rupees(store.min_order_paise) if store.min_order_paise else "none"),
        ("delivery charge", _rupees(store.delivery_charge_paise) if store.delivery_charge_paise else "free"),
        ("free delivery from", _rupees(free_above) if free_above is not None else "never"),
        ("hours", format_hours(store.opening_hours or {})),
        ("cash on delivery", _on_off(store.cod_enabled)),
        ("online payment", _on_off(store.online_enabled)),
        ("delivery radius", f"{radius:g} km" if radius is not None else "anywhere"),
        ("orders when closed", _on_off(store.orders_when_closed)),
    ]
    return "\n".join(f"  {label:<20}{value}" for label, value in lines)


def _refused(problems) -> int:
    for e in problems:
        shown = _on_off(e.value) if isinstance(e.value, bool) else repr(e.value)
        print(f"vyaparai: {OPTION_OF_RULE.get(e.field, e.field)} {shown}: {e.problem}; nothing was changed",
              file=sys.stderr)
    return 2


def _rupees(paise: int) -> str:
    return f"₹{paise // 100:,}" + (f".{paise % 100:02d}" if paise % 100 else "")


def _on_off(value: bool) -> str:
    return "on" if value else "off"


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
