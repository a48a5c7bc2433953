"""Operator accounts: creating one, checking its password, and the session version that logout bumps."""
from __future__ import annotations

import logging

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.stores import (
    MIN_PASSWORD_LENGTH, InvalidStoreValue, hash_password, normalize_phone, verify_password,
)
from vyaparai.db.models import Operator

# Passwords are hashed and checked as the owners' panel passwords are (catalog/stores.py, Argon2).
logger = logging.getLogger(__name__)


class OperatorError(ValueError):
    """An operator cannot be created as asked; the message says why, for the person at the keyboard."""


class OperatorExists(OperatorError):
    def __init__(self, phone: str):
        super().__init__(f"an operator with phone +{phone} already exists")
        self.phone = phone


async def create_operator(session: AsyncSession, phone: str, password: str) -> Operator:
    """Add an operator in the caller's transaction; OperatorError when the phone or password will not do."""
    try:
        phone = normalize_phone(phone)
    except InvalidStoreValue as e:
        raise OperatorError(f"phone {phone!r}: {e.problem}") from None
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise OperatorError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    if await session.scalar(select(Operator.id).where(Operator.phone == phone)) is not None:
        raise OperatorExists(phone)
    operator = Operator(phone=phone, password_hash=hash_password(password), session_version=0)
    try:
        # A savepoint: losing a race with the same phone leaves the caller's transaction usable.
        async with session.begin_nested():
            session.add(operator)
    except IntegrityError:
        raise OperatorExists(phone) from None
    logger.info("created an operator with a phone ending %s", phone[-4:])
    return operator


async def list_operators(session: AsyncSession) -> list[Operator]:
    return list((await session.scalars(select(Operator).order_by(Operator.id))).all())


async def operator_by_phone(session: AsyncSession, phone: str) -> Operator | None:
    return await session.scalar(select(Operator).where(Operator.phone == phone))


def password_matches(operator: Operator, password: str) -> bool:
    """Check the password (slow on purpose: run it off the event loop); an outdated hash is replaced."""
    return verify_password(operator, "password_hash", password)


async def end_operator_sessions(session: AsyncSession, operator_id: int) -> None:
    """Every console cookie issued to this operator so far stops opening anything (one atomic update)."""
    await session.execute(update(Operator).where(Operator.id == operator_id)
                          .values(session_version=Operator.session_version + 1))
