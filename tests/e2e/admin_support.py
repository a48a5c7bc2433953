"""What the console's tests share: an operator account, logging in at /admin, the forms' CSRF token."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from vyaparai.db.models import StoreEvent
from vyaparai.web.admin.operators import create_operator

OPERATOR_PHONE = "919800011122"
OPERATOR_PASSWORD = "console pass 2026"


@pytest.fixture
async def operator(services):
    async with services.sessions() as s, s.begin():
        return await create_operator(s, OPERATOR_PHONE, OPERATOR_PASSWORD)


async def admin_csrf(client, path="/admin/login"):
    resp = await client.get(path)
    assert resp.status == 200, path
    return re.search(r'name="csrf" value="([^"]+)"', await resp.text()).group(1)


async def admin_log_in(client, phone=OPERATOR_PHONE, password=OPERATOR_PASSWORD):
    token = await admin_csrf(client)
    return await client.post("/admin/login", data={"csrf": token, "phone": phone, "password": password},
                             allow_redirects=False)


async def admin_post(client, path, data, page="/admin/"):
    """Post a console form with the token of the page it sits on."""
    return await client.post(path, data={"csrf": await admin_csrf(client, page), **data}, allow_redirects=False)


async def events_of(services, store_id):
    async with services.sessions() as s:
        return (await s.scalars(select(StoreEvent).where(StoreEvent.store_id == store_id)
                                .order_by(StoreEvent.id))).all()
