"""Meta's recorded webhook payloads become the InboundMessages and status updates the bot and outbox need."""
import copy
import json
from pathlib import Path

import pytest

from vyaparai.channels.whatsapp import WebhookShapeError, parse_webhook

PAYLOADS = Path(__file__).parents[1] / "payloads" / "whatsapp"


def load(name: str) -> dict:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def parse(body: dict):
    return parse_webhook(json.dumps(body).encode())


def only_message(name: str):
    batch = parse(load(name))
    assert len(batch.messages) == 1 and not batch.statuses
    return batch.messages[0]


def test_a_text_names_the_sender_the_store_and_the_message():
    msg = only_message("text.json")
    assert (msg.channel, msg.kind, msg.text) == ("whatsapp", "text", "Body Text")
    assert (msg.sender, msg.sender_phone, msg.sender_name) == ("972987654321", "972987654321", "Test Name")
    assert msg.store_ref == "1122334455667"
    assert msg.provider_message_id == "wamid.xyzxyz"
    assert msg.received_at.year == 2023


def test_hindi_text_arrives_as_devanagari():
    msg = parse_webhook((PAYLOADS / "text_hindi.wire.body").read_bytes()).messages[0]
    assert msg.text == "मुझे 2 किलो चीनी और एक पैकेट मैगी चाहिए"
    assert msg.sender_name == "Ramesh Kumar"


def test_a_reply_button_and_a_list_choice_give_their_ids():
    button = only_message("interactive_button_reply.json")
    assert (button.kind, button.button_id, button.text) == ("button", "callback_data", "title")
    choice = only_message("interactive_list_reply.json")
    assert (choice.kind, choice.button_id) == ("button", "callback_data")


def test_a_template_quick_reply_gives_its_payload():
    msg = only_message("button_quick_reply.json")
    assert (msg.kind, msg.button_id, msg.text) == ("button", "callback_data", "title")


def test_a_shared_location_keeps_coordinates_and_address():
    msg = only_message("location.json")
    assert msg.kind == "location"
    assert (msg.location.lat, msg.location.lon) == (37.4611978, -122.2164385)
    assert msg.location.address == "1 Hacker Way, Menlo Park, CA 94025"
    current = only_message("location_current.json")
    assert current.location.lat == 12.25089 and current.location.address is None


def test_a_catalog_order_keeps_every_line_in_paise():
    msg = only_message("order_inr.json")
    assert msg.kind == "order"
    order = json.loads(msg.text)
    assert [(i["sku"], i["quantity"], i["price_paise"]) for i in order["items"]] == [
        ("SUGAR-1KG", 2, 4500), ("MAGGI-MASALA-70G", 1, 1400), ("AMUL-GHEE-500ML", 1, 31250)]
    assert order["note"] == "जल्दी भेज देना, शाम तक चाहिए"


@pytest.mark.parametrize("name, kind", [
    ("audio.json", "audio"), ("audio_file.json", "audio"), ("image_with_url.json", "image"),
    ("contacts.json", "contacts"), ("unsupported.json", "unsupported"), ("interactive_error.json", "unsupported"),
])
def test_things_we_cannot_read_keep_their_kind_so_the_bot_answers_politely(name, kind):
    msg = only_message(name)
    assert msg.kind == kind and msg.sender == "972987654321"


def test_a_reaction_carries_its_emoji_and_a_removed_reaction_is_ignored():
    body = load("reaction.json")
    assert only_message("reaction.json").text == "😮"
    body["entry"][0]["changes"][0]["value"]["messages"][0]["reaction"]["emoji"] = ""
    assert parse(body).messages == []


def test_a_sticker_and_an_unknown_new_type_are_not_errors():
    body = load("image_with_url.json")
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    message["type"] = "sticker"
    assert parse(body).messages[0].kind == "sticker"
    message["type"] = "some_future_type"
    assert parse(body).messages[0].kind == "unsupported"


def test_a_system_notice_is_not_a_customer_message():
    body = load("text.json")
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    message.update(type="system", system={"body": "User A changed from 1234 to 5678", "type": "user_changed_number"})
    assert parse(body).messages == []


def test_the_business_scoped_user_id_is_the_sender_when_there_is_no_phone_number():
    body = load("button_quick_reply_no_context_bsuid.json")
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    del message["from"]
    del body["entry"][0]["changes"][0]["value"]["contacts"][0]["wa_id"]
    msg = parse(body).messages[0]
    assert msg.sender == "US.13491208655302741918"
    assert msg.sender_phone is None and msg.sender_name == "Test Name"


def test_a_phone_number_is_preferred_over_the_business_scoped_id():
    msg = only_message("text_bsuid.json")
    assert msg.sender == "972987654321"


def test_every_entry_change_and_message_of_a_batch_is_read():
    body = load("text.json")
    value = body["entry"][0]["changes"][0]["value"]
    second = copy.deepcopy(value["messages"][0])
    second["id"], second["text"]["body"] = "wamid.two", "second"
    value["messages"].append(second)
    other_entry = copy.deepcopy(load("interactive_button_reply.json")["entry"][0])
    other_entry["changes"][0]["value"]["metadata"]["phone_number_id"] = "999"
    body["entry"].append(other_entry)
    body["entry"][0]["changes"].append(load("status_read.json")["entry"][0]["changes"][0])
    batch = parse(body)
    assert [(m.text, m.store_ref) for m in batch.messages] == [
        ("Body Text", "1122334455667"), ("second", "1122334455667"), ("title", "999")]
    assert [(s.provider_message_id, s.status) for s in batch.statuses] == [("wamid.xyzxyz", "read")]


@pytest.mark.parametrize("name, status", [
    ("status_sent.json", "sent"), ("status_delivered.json", "delivered"), ("status_read.json", "read")])
def test_delivery_statuses_are_returned_apart_from_messages(name, status):
    batch = parse(load(name))
    assert batch.messages == []
    assert [(s.provider_message_id, s.status, s.recipient, s.error) for s in batch.statuses] == [
        ("wamid.xyzxyz", status, "972987654321", None)]


def test_a_failed_status_carries_the_error_code_and_reason():
    failed = parse(load("status_failed_131047.json")).statuses[0]
    assert (failed.status, failed.error_code) == ("failed", 131047)
    assert "131047" in failed.error and "24 hours" in failed.error
    assert parse(load("status_failed.json")).statuses[0].error_code == 130472


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b"[]", b'{"entry": 3}', b'{"object": "page", "entry": []}',
                                 b"[" * 50_000 + b"]" * 50_000, b'{"entry": ' + b"[" * 40 + b"]" * 40 + b"}"])
def test_a_body_that_is_not_a_whatsapp_update_is_refused(raw):
    with pytest.raises(WebhookShapeError):
        parse_webhook(raw)


def test_a_message_without_id_is_skipped_and_the_rest_still_read():
    body = load("text.json")
    value = body["entry"][0]["changes"][0]["value"]
    broken = copy.deepcopy(value["messages"][0])
    del broken["id"]
    value["messages"].insert(0, broken)
    assert [m.provider_message_id for m in parse(body).messages] == ["wamid.xyzxyz"]


def with_bad_neighbour(spoil) -> dict:
    """text.json with a second message after the good one, spoiled by `spoil(value, bad_message)`."""
    body = load("text.json")
    value = body["entry"][0]["changes"][0]["value"]
    bad = copy.deepcopy(value["messages"][0])
    bad["id"] = "wamid.bad"
    value["messages"].append(bad)
    spoil(value, bad)
    return body


@pytest.mark.parametrize("spoil", [
    lambda value, bad: bad.update(text="just a string"),
    lambda value, bad: bad.update(type=["text"]),
    lambda value, bad: bad.update({"from": {"nested": 1}}),
    lambda value, bad: bad.update(id="w" * 500),
    lambda value, bad: bad.update({"from": "9" * 300}),
], ids=["text-is-a-string", "type-is-a-list", "sender-is-an-object", "id-too-long", "sender-too-long"])
def test_one_malformed_message_is_skipped_and_the_good_one_in_the_batch_is_read(spoil):
    batch = parse(with_bad_neighbour(spoil))
    assert [(m.provider_message_id, m.text) for m in batch.messages] == [("wamid.xyzxyz", "Body Text")]
    assert batch.skipped and "messages[1]" in batch.skipped[0]


@pytest.mark.parametrize("spoil", [
    lambda value, bad: value.update(metadata="x"),
    lambda value, bad: value.update(messages=5),
], ids=["metadata-is-a-string", "messages-is-a-number"])
def test_a_malformed_change_is_skipped_and_the_next_change_is_read(spoil):
    body = with_bad_neighbour(spoil)
    good = copy.deepcopy(load("text.json")["entry"][0]["changes"][0])
    good["value"]["messages"][0]["id"] = "wamid.next"
    body["entry"].append({"id": "2", "changes": [good]})
    batch = parse(body)
    assert [m.provider_message_id for m in batch.messages] == ["wamid.next"]


def test_a_contact_with_a_string_profile_loses_only_the_name():
    body = load("text.json")
    body["entry"][0]["changes"][0]["value"]["contacts"][0]["profile"] = "x"
    msg = parse(body).messages[0]
    assert (msg.text, msg.sender, msg.sender_name) == ("Body Text", "972987654321", None)


def test_nul_and_lone_surrogates_never_reach_the_message():
    raw = json.dumps(load("text.json")).replace("Body Text", "Bo\\u0000dy \\ud800Text").encode()
    msg = parse_webhook(raw).messages[0]
    assert msg.text == "Body \ufffdText"


def test_entries_without_changes_are_skipped_not_refused():
    batch = parse_webhook(b'{"entry": [{"changes": 1}, {"changes": [{"value": []}]}]}')
    assert batch.messages == [] and len(batch.skipped) == 2
