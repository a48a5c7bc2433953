"""SMS through Twilio or Gupshup: verify and parse webhooks, fit replies to SMS, send them."""
from vyaparai.channels.sms.channel import STORE_INITIATED, MissingDltTemplate, SMSChannel
from vyaparai.channels.sms.gateways import Dlt, GupshupGateway, TwilioGateway
from vyaparai.channels.sms.parse import (
    CHANNEL, SmsShapeError, SmsStatus, parse_gupshup, parse_twilio, parse_twilio_status, phone_digits,
)
from vyaparai.channels.sms.verify import (
    TWILIO_SIGNATURE_HEADER, SignatureProblem, check_gupshup_token, check_twilio_signature, gupshup_webhook_token,
)

__all__ = ["CHANNEL", "STORE_INITIATED", "TWILIO_SIGNATURE_HEADER", "Dlt", "GupshupGateway", "MissingDltTemplate",
           "SMSChannel", "SignatureProblem", "SmsShapeError", "SmsStatus", "TwilioGateway", "check_gupshup_token",
           "check_twilio_signature", "gupshup_webhook_token", "parse_gupshup", "parse_twilio", "parse_twilio_status",
           "phone_digits"]
