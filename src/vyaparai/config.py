"""Settings: read once from the environment at start-up, validated, frozen, passed down."""
from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from urllib.parse import urlsplit

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./vyaparai.db"


class ConfigError(ValueError):
    """A setting has a value we cannot use; `variable` names the environment variable."""

    def __init__(self, variable: str, problem: str):
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


def _url(variable: str, value: str, schemes: tuple[str, ...]) -> str:
    parts = urlsplit(value)
    if parts.scheme not in schemes or not (parts.netloc or parts.path):
        raise ConfigError(variable, f"{value!r} is not a URL starting with {' or '.join(s + '://' for s in schemes)}")
    return value.rstrip("/")


def _minutes(variable: str, value: str, minimum: int, maximum: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise ConfigError(variable, f"{value!r} is not a whole number of minutes") from None
    if not minimum <= n <= maximum:
        raise ConfigError(variable, f"{n} is outside {minimum}..{maximum} minutes")
    return n


def _database_url(value: str) -> str:
    if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://", "postgresql://", "postgres://")):
        raise ConfigError(
            "DATABASE_URL",
            f"{value!r} is not supported; use sqlite+aiosqlite:///path.db or postgresql+asyncpg://user@host/db",
        )
    # Accept the URLs people paste from their hosting dashboards; we always talk to PostgreSQL through asyncpg.
    for plain in ("postgresql://", "postgres://"):
        if value.startswith(plain):
            return "postgresql+asyncpg://" + value[len(plain):]
    return value


def _dlt_templates(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """SMS_DLT_TEMPLATE_<KIND>=<template id> variables as sorted (kind, id) pairs ("order_status", "1107...")."""
    prefix = "SMS_DLT_TEMPLATE_"
    pairs = []
    for name, value in env.items():
        if name.startswith(prefix) and value.strip():
            if not value.strip().isdigit():
                raise ConfigError(name, f"{value!r} is not a DLT template id (digits only)")
            pairs.append((name[len(prefix):].lower(), value.strip()))
    return tuple(sorted(pairs))


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    public_base_url: str = "http://localhost:8080"
    secret_key: str = field(default="", repr=False)
    whatsapp_token: str | None = field(default=None, repr=False)
    whatsapp_app_secret: str | None = field(default=None, repr=False)
    whatsapp_verify_token: str | None = field(default=None, repr=False)
    whatsapp_api_base_url: str = "https://graph.facebook.com"
    telegram_bot_token: str | None = field(default=None, repr=False)
    telegram_secret_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str = "https://api.telegram.org"
    telegram_store: str | None = None  # the store the env-wide bot serves (default: the only store)
    razorpay_key_id: str | None = None
    razorpay_key_secret: str | None = field(default=None, repr=False)
    razorpay_webhook_secret: str | None = field(default=None, repr=False)
    razorpay_api_base_url: str = "https://api.razorpay.com"
    payment_link_expiry_minutes: int = 30
    cart_ttl_minutes: int = 30
    # RCS Business Messaging: the shared agent, its webhook clientToken and the service account that sends.
    rbm_agent_id: str | None = None
    rbm_client_token: str | None = field(default=None, repr=False)
    rbm_service_account_file: str | None = None
    rbm_api_base_url: str = "https://rcsbusinessmessaging.googleapis.com"
    # SMS: Twilio, or Gupshup (India); SMS_FROM_NUMBER is the shared number for stores without their own.
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = field(default=None, repr=False)
    twilio_api_base_url: str = "https://api.twilio.com"
    gupshup_user_id: str | None = None
    gupshup_password: str | None = field(default=None, repr=False)
    gupshup_api_base_url: str = "https://enterprise.smsgupshup.com"
    sms_from_number: str | None = None
    sms_max_segments: int = 3
    # India's DLT registration: the entity id, and the template id of each store-initiated message kind.
    sms_dlt_entity_id: str | None = None
    sms_dlt_templates: tuple[tuple[str, str], ...] = ()
    # Failed tries before an inbound message or an outbox reply is set aside as "failed" (vyaparai inbox failed).
    max_attempts: int = 8

    @property
    def jobs_in_process(self) -> bool:
        return self.redis_url is None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables; a bad value raises ConfigError naming it."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        values: dict[str, object] = {}
        if (v := get("DATABASE_URL")) is not None:
            values["database_url"] = _database_url(v)
        if (v := get("REDIS_URL")) is not None:
            values["redis_url"] = _url("REDIS_URL", v, ("redis", "rediss", "unix"))
        if (v := get("PUBLIC_BASE_URL")) is not None:
            values["public_base_url"] = _url("PUBLIC_BASE_URL", v, ("http", "https"))
        for name in ("WHATSAPP_API_BASE_URL", "TELEGRAM_API_BASE_URL", "RAZORPAY_API_BASE_URL", "RBM_API_BASE_URL",
                     "TWILIO_API_BASE_URL", "GUPSHUP_API_BASE_URL"):
            if (v := get(name)) is not None:
                values[name.lower()] = _url(name, v, ("http", "https"))
        for name in ("WHATSAPP_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "TELEGRAM_BOT_TOKEN",
                     "TELEGRAM_SECRET_TOKEN", "TELEGRAM_STORE", "RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET",
                     "RAZORPAY_WEBHOOK_SECRET", "RBM_AGENT_ID", "RBM_CLIENT_TOKEN", "RBM_SERVICE_ACCOUNT_FILE",
                     "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "GUPSHUP_USER_ID", "GUPSHUP_PASSWORD",
                     "SMS_FROM_NUMBER", "SMS_DLT_ENTITY_ID"):
            if (v := get(name)) is not None:
                values[name.lower()] = v
        if (v := get("PAYMENT_LINK_EXPIRY_MINUTES")) is not None:
            # Razorpay refuses a payment link that expires sooner than 15 minutes from now.
            values["payment_link_expiry_minutes"] = _minutes("PAYMENT_LINK_EXPIRY_MINUTES", v, 15, 60 * 24 * 180)
        if (v := get("CART_TTL_MINUTES")) is not None:
            values["cart_ttl_minutes"] = _minutes("CART_TTL_MINUTES", v, 1, 60 * 24 * 30)
        if (v := get("MAX_ATTEMPTS")) is not None:
            if not v.isdigit() or not 1 <= int(v) <= 100:
                raise ConfigError("MAX_ATTEMPTS", f"{v!r} is not a whole number from 1 to 100")
            values["max_attempts"] = int(v)
        if (v := get("SMS_MAX_SEGMENTS")) is not None:
            if not v.isdigit() or not 1 <= int(v) <= 10:
                raise ConfigError("SMS_MAX_SEGMENTS", f"{v!r} is not a whole number from 1 to 10")
            values["sms_max_segments"] = int(v)
        values["sms_dlt_templates"] = _dlt_templates(env)

        secret = get("SECRET_KEY")
        if secret is None:
            # Fine for a laptop demo; sessions signed with it do not survive a restart.
            secret = secrets.token_urlsafe(32)
        elif len(secret) < 16:
            raise ConfigError("SECRET_KEY", "must be at least 16 characters long")
        values["secret_key"] = secret
        return cls(**values)

    def describe(self) -> list[tuple[str, str]]:
        """(variable, value) pairs safe to print: secrets are shown only as set / not set."""
        secret_names = {f.name for f in fields(self) if not f.repr}
        rows = []
        for f in fields(self):
            value = getattr(self, f.name)
            shown = ("set" if value else "not set") if f.name in secret_names else str(value)
            rows.append((f.name.upper(), shown))
        return rows
