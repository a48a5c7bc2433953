"""Build the SMS and RCS channels from the settings (None when not configured); a DLT gap stops the start."""
from __future__ import annotations

from collections.abc import Callable

import aiohttp

from vyaparai.channels.rcs import RBMChannel
from vyaparai.channels.rcs.auth import ServiceAccountTokens
from vyaparai.channels.sms import GupshupGateway, MissingDltTemplate, SMSChannel, TwilioGateway
from vyaparai.config import ConfigError, Settings
from vyaparai.db.engine import Sessions
from vyaparai.workers.store_addresses import StoreAddresses

TWILIO_STATUS_PATH = "/webhooks/sms/twilio/status"


def sms_channel(settings: Settings, sessions: Sessions, http: Callable[[], aiohttp.ClientSession]) -> SMSChannel | None:
    if settings.twilio_account_sid and settings.twilio_auth_token:
        gateway = TwilioGateway(settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_api_base_url,
                                http, status_callback=settings.public_base_url + TWILIO_STATUS_PATH)
    elif settings.gupshup_user_id and settings.gupshup_password:
        gateway = GupshupGateway(settings.gupshup_user_id, settings.gupshup_password, settings.gupshup_api_base_url,
                                 http)
    else:
        return None
    try:
        return SMSChannel(gateway, default_sender=settings.sms_from_number,
                          sender_lookup=StoreAddresses(sessions, "sms"), max_segments=settings.sms_max_segments,
                          dlt_entity_id=settings.sms_dlt_entity_id, dlt_templates=dict(settings.sms_dlt_templates))
    except MissingDltTemplate as e:
        raise ConfigError(f"SMS_DLT_TEMPLATE_{e.kind.upper()}", str(e)) from None


def rcs_channel(settings: Settings, sessions: Sessions, http: Callable[[], aiohttp.ClientSession], *,
                sms_fallback: SMSChannel | None) -> RBMChannel | None:
    if not settings.rbm_service_account_file:
        return None
    try:
        tokens = ServiceAccountTokens(settings.rbm_service_account_file)
    except (OSError, ValueError) as e:
        raise ConfigError("RBM_SERVICE_ACCOUNT_FILE", f"not a readable service-account key file: {e}") from None
    return RBMChannel(tokens.token, settings.rbm_api_base_url, http, agent_id=settings.rbm_agent_id,
                      agent_lookup=StoreAddresses(sessions, "rcs"), sms_fallback=sms_fallback)
