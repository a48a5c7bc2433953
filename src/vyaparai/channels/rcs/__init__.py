"""RCS Business Messaging: verify and parse agent webhooks, render and send agent messages (SMS when no RCS)."""
from vyaparai.channels.rcs.channel import RBMChannel
from vyaparai.channels.rcs.parse import CHANNEL, EventShapeError, RcsEvent, RcsStatus, parse_event
from vyaparai.channels.rcs.verify import SIGNATURE_HEADER, SignatureProblem, check_signature, decode_data, handshake_answer

__all__ = ["CHANNEL", "SIGNATURE_HEADER", "EventShapeError", "RBMChannel", "RcsEvent", "RcsStatus", "SignatureProblem",
           "check_signature", "decode_data", "handshake_answer", "parse_event"]
