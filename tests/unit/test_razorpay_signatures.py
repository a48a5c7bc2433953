"""Webhook and callback signatures checked against Razorpay's own vectors (tests/payloads/razorpay)."""
import json
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from vyaparai.payments.webhook import PaymentLinkCallback, verify_callback, verify_webhook, webhook_secrets

PAYLOADS = Path(__file__).parent.parent / "payloads" / "razorpay"
VECTORS = json.loads((PAYLOADS / "signature_vectors.json").read_text(encoding="utf-8"))


def _body(vector) -> bytes:
    if vector.get("body_file"):
        return (PAYLOADS / Path(vector["body_file"]).name.removeprefix("razorpay_")).read_bytes()
    return vector["body"].encode("utf-8")


@pytest.mark.parametrize("vector", VECTORS["webhook_vectors"], ids=lambda v: v["id"])
def test_webhook_vectors(vector):
    header = vector.get("signature_header_sent", vector["expected_signature"])
    assert verify_webhook(_body(vector), header, [vector["secret"]]) is vector["valid"]


def test_the_rzp_python_fixture_is_verified_as_the_exact_bytes():
    [vector] = [v for v in VECTORS["webhook_vectors"] if v["id"] == "rzp-python-fixture"]
    body = _body(vector)
    assert body.endswith(b"\n")
    assert verify_webhook(body, vector["expected_signature"], [vector["secret"]])
    assert not verify_webhook(body.rstrip(b"\n"), vector["expected_signature"], [vector["secret"]])


def test_a_previous_secret_still_verifies_during_rotation():
    [vector] = [v for v in VECTORS["webhook_vectors"] if v["id"] == "plink-paid-compact"]
    secrets = webhook_secrets(f" new_secret_2025 , {vector['secret']} ")
    assert secrets == ["new_secret_2025", vector["secret"]]
    assert verify_webhook(_body(vector), vector["expected_signature"], secrets)
    assert not verify_webhook(_body(vector), vector["expected_signature"], ["new_secret_2025"])


def test_nothing_verifies_without_a_secret_or_a_signature():
    [vector] = [v for v in VECTORS["webhook_vectors"] if v["id"] == "plink-paid-compact"]
    assert not verify_webhook(_body(vector), vector["expected_signature"], webhook_secrets(None))
    assert not verify_webhook(_body(vector), None, [vector["secret"]])
    assert not verify_webhook(_body(vector), "", [vector["secret"]])


def test_payment_link_callback_vector():
    [vector] = [v for v in VECTORS["checkout_and_callback_vectors"]
                if v["id"] == "rzp-python-payment-link-callback-signature"]
    callback = PaymentLinkCallback.from_query(vector["callback_query"])
    assert callback.message().decode() == vector["message"]
    assert verify_callback(callback, vector["secret"])
    assert not verify_callback(callback, "another_key_secret")
    assert not verify_callback(callback, None)


def test_the_recorded_callback_query_verifies_and_a_tampered_status_does_not():
    query = dict(parse_qsl((PAYLOADS / "payment_link_callback.query").read_text().strip()))
    [vector] = [v for v in VECTORS["checkout_and_callback_vectors"]
                if v["id"] == "rzp-python-payment-link-callback-signature"]
    secret = vector["secret"]
    assert verify_callback(PaymentLinkCallback.from_query(query), secret)
    assert not verify_callback(PaymentLinkCallback.from_query({**query, "razorpay_payment_link_status": "paid "}),
                               secret)
    assert PaymentLinkCallback.from_query({"razorpay_payment_id": "pay_1"}) is None
