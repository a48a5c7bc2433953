"""RBM conformance: the signature vectors, the handshake, every recorded event, and chips within RBM's limits."""
import base64
import json
from pathlib import Path

import pytest

from vyaparai.bot.messages import Button, OutboundMessage
from vyaparai.channels.rcs import SignatureProblem, check_signature, decode_data, handshake_answer, parse_event
from vyaparai.channels.rcs.render import render

PAYLOADS = Path(__file__).parents[1] / "payloads" / "rcs"
VECTORS = json.loads((PAYLOADS / "rbm_signature_vectors.json").read_text())


def _load(name: str) -> dict:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["id"])
def test_every_rbm_signature_vector_is_judged_over_the_decoded_data(vector):
    decoded = decode_data(_load(vector["envelope_file"])["message"]["data"])
    if vector["valid"]:
        check_signature(vector["client_token"], decoded, vector["x_goog_signature"])
        assert json.loads(decoded) == _load(vector["decoded_file"])
    else:
        with pytest.raises(SignatureProblem) as refused:
            check_signature(vector["client_token"], decoded, vector["x_goog_signature"])
        assert refused.value.status == 403


def test_the_handshake_echoes_the_secret_only_for_our_client_token():
    request = _load("rbm_webhook_verification_request.json")
    assert handshake_answer("SJENCPGJESMGUFPY", request) == VECTORS["webhook_registration_handshake"][
        "expected_response"]["body"]
    assert handshake_answer("ANOTHERTOKEN0000", request) is None
    assert handshake_answer(None, request) is None


def _parsed(name: str):
    return parse_event(json.dumps(_load(name), ensure_ascii=False).encode())


def test_text_chip_taps_and_locations_become_messages_from_the_phone_to_the_agent():
    text = _parsed("rbm_text.json").message
    assert (text.kind, text.text, text.sender, text.store_ref) == (
        "text", "मुझे 2 किलो चीनी और एक पैकेट मैगी चाहिए", "919876543210", "kirana_store_hx9ab2cd_agent@rbm.goog")
    for name in ("rbm_suggestion_response.json", "rbm_suggestion_response_action.json"):
        tap = _parsed(name).message
        assert tap.kind == "button" and tap.button_id == _load(name)["suggestionResponse"]["postbackData"]
    where = _parsed("rbm_location.json").message
    assert where.kind == "location" and (where.location.lat, where.location.lon) == (12.971599, 77.594566)
    assert _parsed("rbm_text_english.json").message.text == "Hi, I want to order groceries"


def test_a_user_file_is_a_picture_the_bot_answers_politely_and_typing_is_ignored():
    assert _parsed("rbm_user_file.json").message.kind == "image"
    assert _parsed("rbm_event_is_typing.json").ignored == "IS_TYPING"


@pytest.mark.parametrize(("name", "status"), [("rbm_event_delivered.json", "delivered"), ("rbm_event_read.json", "read")])
def test_delivered_and_read_name_the_message_we_sent(name, status):
    event = _parsed(name)
    assert event.status.status == status and event.status.provider_message_id == _load(name)["messageId"]


def test_envelope_data_decodes_to_the_recorded_event():
    for name in ("rbm_text", "rbm_location", "rbm_suggestion_response", "rbm_event_read"):
        data = _load(f"{name}_pubsub_envelope.json")["message"]["data"]
        assert parse_event(base64.b64decode(data)) == _parsed(f"{name}.json")


def _reply(buttons, **kw) -> OutboundMessage:
    return OutboundMessage(channel="rcs", recipient="919876543210", text="Which one?\n1) A\n2) B", buttons=buttons,
                           **kw)


def test_up_to_eleven_short_choices_are_chips_that_post_back_our_button_ids():
    content = render(_reply(tuple(Button(f"pick:{n}", f"Item {n}") for n in range(1, 12))))
    assert [s["reply"]["postbackData"] for s in content["suggestions"]] == [f"pick:{n}" for n in range(1, 12)]


def test_twelve_choices_or_a_title_past_25_characters_become_numbered_text():
    twelve = render(_reply(tuple(Button(f"x{n}", f"Item {n}") for n in range(1, 13))))
    assert "suggestions" not in twelve and "12) Item 12" in twelve["text"]
    long = render(_reply((Button("yes", "Yes, place the whole order now"), Button("no", "No"))))
    assert "suggestions" not in long and long["text"].endswith("1) Yes, place the whole order now\n2) No")


def test_a_payment_link_is_a_card_with_an_open_url_chip():
    content = render(OutboundMessage(channel="rcs", recipient="1", text="Order #1001\nPay ₹134 here",
                                     link_url="https://rzp.io/i/AbC", link_title="Pay now"))
    card = content["richCard"]["standaloneCard"]["cardContent"]
    assert card["title"] == "Order #1001" and card["description"] == "Pay ₹134 here"
    assert card["suggestions"][0]["action"]["openUrlAction"]["url"] == "https://rzp.io/i/AbC"
