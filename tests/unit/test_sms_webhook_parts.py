"""Twilio's signature vectors through our check (Twilio's RequestValidator), and both gateways' inbound shapes."""
import json
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from multidict import MultiDict

from vyaparai.channels.sms import SignatureProblem, check_twilio_signature, parse_gupshup, parse_twilio
from vyaparai.channels.sms.channel import MissingDltTemplate, SMSChannel
from vyaparai.channels.sms.parse import parse_twilio_status

PAYLOADS = Path(__file__).parents[1] / "payloads" / "sms"
VECTORS = json.loads((PAYLOADS / "twilio_signature_vectors.json").read_text())["vectors"]


def _form(path: str) -> MultiDict:
    return MultiDict(parse_qsl((PAYLOADS / path).read_text(encoding="utf-8"), keep_blank_values=True))


def _params(vector: dict) -> MultiDict:
    if "body_file" in vector:
        return _form(vector["body_file"])
    if "params_list" in vector:
        return MultiDict(vector["params_list"])
    return MultiDict(vector.get("params") or {})


@pytest.mark.parametrize("vector", [v for v in VECTORS if "body" not in v], ids=lambda v: v["id"])
def test_every_twilio_vector_is_judged_as_twilio_does(vector):
    check = lambda: check_twilio_signature(vector["auth_token"], vector["url"], _params(vector),  # noqa: E731
                                           vector["x_twilio_signature"])
    if vector["valid"]:
        check()
    else:
        with pytest.raises(SignatureProblem) as refused:
            check()
        assert refused.value.status == 403


def test_an_unsigned_twilio_request_is_401_and_one_without_a_configured_token_403():
    with pytest.raises(SignatureProblem) as missing:
        check_twilio_signature("token", "https://x.in/webhooks/sms/twilio", MultiDict(), None)
    with pytest.raises(SignatureProblem) as unconfigured:
        check_twilio_signature(None, "https://x.in/webhooks/sms/twilio", MultiDict(), "abc=")
    assert (missing.value.status, unconfigured.value.status) == (401, 403)


def test_a_hindi_twilio_sms_is_read_in_its_script_from_the_sender_to_our_number():
    msg = parse_twilio(_form("twilio_sms_hindi.form"))
    assert msg.text == "मुझे 2 किलो चीनी और एक पैकेट मैगी चाहिए"
    assert (msg.sender, msg.sender_phone, msg.store_ref) == ("919876543210", "919876543210", "14155550142")
    assert msg.provider_message_id == "SM5c2a8e1f7b3d4096a4c8e2f6b0d1a3e5" and msg.channel == "sms"


def test_twilio_status_callbacks_map_undelivered_to_failed_and_ignore_our_own_steps():
    failed = parse_twilio_status(MultiDict(MessageSid="SM1", MessageStatus="undelivered", ErrorCode="30003"))
    assert (failed.status, failed.error) == ("failed", "Twilio error 30003")
    assert parse_twilio_status(MultiDict(MessageSid="SM1", MessageStatus="sent")) is None


@pytest.mark.parametrize("name", ["gupshup_sms_keyword_inbound.query", "gupshup_sms_keyword_inbound_doc.query"])
def test_gupshup_keyword_inbound_is_read_without_its_keyword(name):
    msg = parse_gupshup(MultiDict(parse_qsl((PAYLOADS / name).read_text().strip(), keep_blank_values=True)))
    expected = json.loads((PAYLOADS / "msg91_or_gupshup_sms.json").read_text())
    params = expected["adapted_params" if "doc" not in name else "doc_example_params"]
    assert msg.text == params["content"][len(params["keyword"]):].strip()
    assert msg.sender.endswith(params["msisdn"][-10:]) and msg.sender.startswith("91")
    assert msg.provider_message_id == f"gupshup:{msg.sender}:{params['timestamp']}"


def test_dlt_on_without_a_template_for_store_initiated_messages_stops_the_start():
    with pytest.raises(MissingDltTemplate) as missing:
        SMSChannel(gateway=None, dlt_entity_id="1101234567890123456", dlt_templates={"notification": "1107000000001"})
    assert missing.value.kind == "alert"
