"""Every recorded Telegram update is read into what the customer meant; the secret-token vectors hold."""
import json
from pathlib import Path

import pytest

from vyaparai.channels.telegram import SecretProblem, UpdateShapeError, check_secret, parse_update
from vyaparai.channels.telegram.verify import VALID_SECRET, webhook_secret

PAYLOADS = Path(__file__).parents[1] / "payloads" / "telegram"
BOT = "7012345678"


def parsed(name: str):
    return parse_update((PAYLOADS / name).read_bytes(), BOT)


def test_text_in_hindi_is_read_as_typed_from_the_chat_it_came_from():
    p = parsed("message_text_hindi.json")
    assert (p.message.kind, p.message.sender) == ("text", "7012345678:5123456789")
    assert p.message.text.startswith("मुझे 2 किलो")
    assert p.message.provider_message_id == "7012345678:804512303"
    assert p.message.sender_name == "Ramesh Kumar"


@pytest.mark.parametrize("name", ["message_start_command.json", "doc_sample_message_start.json"])
def test_start_is_a_greeting_even_in_telegrams_old_examples(name):
    assert parsed(name).message.text == "namaste"


def test_a_tap_carries_the_button_id_and_title_and_names_the_keyboard_to_remove():
    p = parsed("callback_query.json")
    assert (p.message.kind, p.message.button_id, p.message.text) == ("button", "cart:confirm:ORD-1042", "✅ Confirm")
    assert (p.callback.query_id, p.callback.chat_id, p.callback.message_id) == ("2200714596139208405", 5123456789, 104)


def test_a_tap_on_an_inline_mode_message_is_still_read():
    p = parsed("doc_sample_callback_query_inline.json")
    assert p.message.button_id == "Data from button callback" and p.callback.message_id is None


def test_locations_live_or_not_are_points_and_edits_are_ignored():
    assert parsed("location.json").message.location.lat == pytest.approx(12.971599)
    assert parsed("location_live.json").message.location.lon == pytest.approx(72.877426)
    p = parsed("doc_sample_edited_message.json")
    assert p.message is None and p.ignored == "edited_message"


def test_own_contact_gives_the_number_and_voice_is_audio():
    assert parsed("contact.json").message.text == "+919876543210"
    assert parsed("voice.json").message.kind == "audio"


def test_someone_elses_contact_card_is_not_taken_as_the_customers_number():
    data = json.loads((PAYLOADS / "contact.json").read_text())
    data["message"]["contact"]["user_id"] = 42
    assert parse_update(json.dumps(data).encode(), BOT).message.kind == "contacts"


def test_owner_command_is_kept_apart_from_the_conversation():
    data = json.loads((PAYLOADS / "message_text.json").read_text())
    data["message"]["text"] = "/owner 98765 43210 123456"
    p = parse_update(json.dumps(data).encode(), BOT)
    assert p.message is None and p.command == ("owner", "98765 43210 123456") and p.chat_id == 5123456789


@pytest.mark.parametrize("body", [b"{oops", b"[]", b'{"message": {}}', b'{"update_id": 1, "message": {"chat": 5}}'])
def test_bodies_that_are_not_updates_are_refused(body):
    with pytest.raises(UpdateShapeError):
        parse_update(body, BOT)


def test_secret_token_vectors():
    vectors = json.loads((PAYLOADS / "secret_token_vectors.json").read_text())
    for case in vectors["cases"]:
        if case["valid"]:
            check_secret(vectors["configured_secret_token"], case["header"])
            continue
        with pytest.raises(SecretProblem) as refused:
            check_secret(vectors["configured_secret_token"], case["header"])
        assert refused.value.status == (401 if case["header"] is None else 403)
    for bad in vectors["invalid_secret_tokens_for_setWebhook"]:
        assert not VALID_SECRET.match(bad)


def test_each_bot_gets_its_own_secret_that_telegram_accepts():
    one, other = webhook_secret("k" * 32, "111"), webhook_secret("k" * 32, "222")
    assert one != other and VALID_SECRET.match(one) and VALID_SECRET.match(other)
    assert webhook_secret("another key of 32 characters!!!", "111") != one
