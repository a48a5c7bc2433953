"""`vyaparai admin create|list`: the operators who log into the console at /admin."""
from __future__ import annotations

import asyncio

from vyaparai.cli.context import CommandError, database
from vyaparai.config import Settings
from vyaparai.web.admin.operators import OperatorError, create_operator, list_operators


def register(sub) -> None:
    p = sub.add_parser("admin", help="operators of the console at /admin")
    actions = p.add_subparsers(dest="admin_action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="add an operator login for /admin")
    create.add_argument("--phone", required=True, help="the operator's phone (10-digit Indian numbers get +91)")
    create.add_argument("--password", required=True, help="password for /admin (8+ characters)")
    create.set_defaults(handler=run)
    listing = actions.add_parser("list", help="the operators, by phone")
    listing.set_defaults(handler=run)


def run(args) -> int:
    return asyncio.run(_create(args) if args.admin_action == "create" else _list())


async def _create(args) -> int:
    try:
        async with database(Settings.from_env()) as sessions, sessions() as session, session.begin():
            operator = await create_operator(session, args.phone, args.password)
    except OperatorError as e:
        raise CommandError(str(e)) from None
    print(f"created operator +{operator.phone}: log in at /admin/login")
    return 0


async def _list() -> int:
    async with database(Settings.from_env()) as sessions, sessions() as session:
        operators = await list_operators(session)
    for operator in operators:
        print(f"+{operator.phone}  since {operator.created_at:%Y-%m-%d}")
    if not operators:
        print("no operators yet: vyaparai admin create --phone P --password W")
    return 0
