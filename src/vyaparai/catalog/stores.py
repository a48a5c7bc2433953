"""Stores: registering one, finding it by code or by channel address, and checking its owner."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.hours import check_opening_hours, is_open_now
from vyaparai.db.models import Store, StoreChannel

__all__ = [
    "InvalidStoreValue", "StoreError", "StoreExists", "ChannelTaken", "create_store", "get_store_by_code",
    "get_store_by_channel", "verify_owner_password", "verify_password", "hash_password", "is_owner", "is_open_now",
    "normalize_phone",
]

logger = logging.getLogger(__name__)

STORE_CODE = re.compile(r"^[A-Z0-9_-]{2,32}$")
MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


class StoreError(ValueError):
    """A store cannot be registered as asked; `code` is stable for callers that translate it."""

    code = "store_error"


class StoreExists(StoreError):
    code = "store_exists"

    def __init__(self, store_code: str):
        super().__init__(f"a store with code {store_code} already exists")
        self.store_code = store_code


class ChannelTaken(StoreError):
    code = "channel_taken"

    def __init__(self, channel: str, external_id: str):
        super().__init__(f"{channel} id {external_id} already belongs to another store")
        self.channel, self.external_id = channel, external_id


class InvalidStoreValue(StoreError):
    code = "invalid_store_value"

    def __init__(self, field: str, value: object, problem: str):
        super().__init__(f"{field} {value!r}: {problem}")
        self.field, self.value, self.problem = field, value, problem


async def create_store(
    session: AsyncSession, *, code: str, name: str, owner_phones: Iterable[str], owner_password: str | None = None,
    whatsapp_phone_number_id: str | None = None, lat: float | None = None, lon: float | None = None,
    address: str | None = None, opening_hours: dict | None = None,
) -> Store:
    """Add a store (and its WhatsApp binding) in the caller's transaction; raises a StoreError when refused."""
    code = normalize_store_code(code)
    if not name or not name.strip():
        raise InvalidStoreValue("name", name, "a store needs a name")
    phones = _owner_phones(owner_phones)
    _check_location(lat, lon)
    if opening_hours:
        problem = check_opening_hours(opening_hours)
        if problem:
            raise InvalidStoreValue("opening_hours", opening_hours, problem)
    if await get_store_by_code(session, code) is not None:
        raise StoreExists(code)
    if whatsapp_phone_number_id and await get_store_by_channel(session, "whatsapp", whatsapp_phone_number_id):
        raise ChannelTaken("whatsapp", whatsapp_phone_number_id)
    store = Store(code=code, name=name.strip(), owner_phones=phones, lat=lat, lon=lon, address=address,
                  opening_hours=opening_hours or {}, owner_password_hash=_hash_password(owner_password))
    if whatsapp_phone_number_id:
        store.channels.append(StoreChannel(channel="whatsapp", external_id=whatsapp_phone_number_id))
    try:
        # A savepoint, so losing a race with another registration leaves the caller's transaction usable.
        async with session.begin_nested():
            session.add(store)
    except IntegrityError:
        raise StoreExists(code) from None
    logger.info("created store %s", code)
    return store


async def get_store_by_code(session: AsyncSession, code: str) -> Store | None:
    return await session.scalar(select(Store).where(Store.code == code.strip().upper()))


async def get_store_by_channel(session: AsyncSession, channel: str, external_id: str) -> Store | None:
    """The store an inbound webhook is addressed to, e.g. by its WhatsApp phone-number id."""
    return await session.scalar(
        select(Store).join(StoreChannel).where(StoreChannel.channel == channel, StoreChannel.external_id == external_id)
    )


def verify_owner_password(store: Store, password: str) -> bool:
    """Check the owner's password; an outdated hash is replaced (the caller's commit saves it)."""
    return verify_password(store, "owner_password_hash", password)


def verify_password(holder: object, attribute: str, password: str) -> bool:
    """Check a password against the Argon2 hash in `holder.attribute` (an owner's, an operator's); an
    outdated hash is replaced there, so the caller's commit saves it. Slow on purpose: run it off the loop."""
    stored = getattr(holder, attribute)
    if not stored or not password:
        return False
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    if _hasher.check_needs_rehash(stored):
        setattr(holder, attribute, _hasher.hash(password))
    return True


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def is_owner(store: Store, phone: str | None) -> bool:
    try:
        return normalize_phone(phone or "") in (store.owner_phones or ())
    except InvalidStoreValue:
        return False


def normalize_store_code(code: str) -> str:
    normalized = (code or "").strip().upper()
    if not STORE_CODE.match(normalized):
        raise InvalidStoreValue("code", code, "use 2-32 letters, digits, '-' or '_'")
    return normalized


def normalize_phone(phone: str) -> str:
    """Digits with the country code, as WhatsApp writes them: "098765 43210" and "+91 98765-43210" -> 919876543210."""
    raw = (phone or "").strip()
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = "91" + digits[1:]  # a trunk prefix on an Indian number
    elif len(digits) == 10 and digits[0] in "6789":
        digits = "91" + digits  # an Indian mobile number written without the country code
    if not digits.isdigit() or not 10 <= len(digits) <= 15 or digits.startswith("0"):
        raise InvalidStoreValue("phone", phone, "not a phone number with country code (e.g. +91 98765 43210)")
    return digits


def _owner_phones(phones: Iterable[str]) -> list[str]:
    normalized = list(dict.fromkeys(normalize_phone(p) for p in phones))
    if not normalized:
        raise InvalidStoreValue("owner_phones", [], "a store needs at least one owner phone")
    return normalized


def _hash_password(password: str | None) -> str | None:
    if password is None:
        return None
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidStoreValue("owner_password", "***", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    return hash_password(password)


def _check_location(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise InvalidStoreValue("location", (lat, lon), "give both latitude and longitude, or neither")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidStoreValue("location", (lat, lon), "latitude must be within ±90 and longitude within ±180")
