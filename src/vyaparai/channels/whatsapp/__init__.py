"""The WhatsApp Cloud API channel: verify and parse webhooks, render and send replies."""
from vyaparai.channels.whatsapp.channel import WhatsAppChannel
from vyaparai.channels.whatsapp.parse import StatusUpdate, WebhookBatch, WebhookShapeError, parse_webhook
from vyaparai.channels.whatsapp.verify import SignatureProblem, check_handshake, check_signature

__all__ = ["SignatureProblem", "StatusUpdate", "WebhookBatch", "WebhookShapeError", "WhatsAppChannel",
           "check_handshake", "check_signature", "parse_webhook"]
