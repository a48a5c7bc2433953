"""Only bodies signed with our app secret get in; Meta's subscription handshake is answered only for our token."""
import json
from pathlib import Path

import pytest

from vyaparai.channels.whatsapp import SignatureProblem, check_handshake, check_signature

PAYLOADS = Path(__file__).parents[1] / "payloads" / "whatsapp"
VECTORS = json.loads((PAYLOADS / "signature_vectors.json").read_text())


def body_of(vector: dict) -> bytes:
    if "body_file" in vector:
        return (PAYLOADS / vector["body_file"].removeprefix("whatsapp_")).read_bytes()
    return vector["body"].encode()


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["id"])
def test_signature_vectors(vector):
    body, header = body_of(vector), vector["x_hub_signature_256"]
    if vector["valid"]:
        check_signature(vector["app_secret"], body, header)
    else:
        with pytest.raises(SignatureProblem) as e:
            check_signature(vector["app_secret"], body, header)
        assert e.value.status == 403


def test_the_real_meta_capture_is_checked_over_its_exact_bytes():
    vector = VECTORS["vectors"][0]
    assert (PAYLOADS / "text_signed_capture.body").read_bytes() == vector["body"].encode()


@pytest.mark.parametrize("header", [None, ""])
def test_an_unsigned_body_is_401(header):
    with pytest.raises(SignatureProblem) as e:
        check_signature("secret", b"{}", header)
    assert e.value.status == 401


def test_without_an_app_secret_nothing_is_trusted():
    with pytest.raises(SignatureProblem) as e:
        check_signature(None, b"{}", "sha256=" + "0" * 64)
    assert e.value.status == 403


def test_the_handshake_echoes_the_challenge_for_our_token_only():
    handshake = VECTORS["verification_handshake"]
    query = dict(p.split("=", 1) for p in (PAYLOADS / "verify_subscribe.query").read_text().strip().split("&"))
    assert check_handshake(handshake["configured_verify_token"], query) == handshake["expected_response"]["body"]
    assert check_handshake("another-token", query) is None
    assert check_handshake(None, query) is None
    assert check_handshake(handshake["configured_verify_token"], {**query, "hub.mode": "unsubscribe"}) is None
