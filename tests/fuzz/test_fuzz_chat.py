"""Fuzzed web chat: any store code, body, session, id, text or button gets a 2xx/4xx answer, never a 5xx."""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, tally
from tests.fuzz.strategies import json_values, nasty_text, sometimes, spoiled

SESSIONS = ["fuzz-session-0001", "fuzz-session-0002"]
WORDS = ["2 kilo cheeni", "1 maggi", "order", "yes", "cod", "cart", "हाँ", "cancel", "0", "-1 maggi", "99999 maggi"]
BUTTONS = ["yes", "pay:cod", "pick:2", "pick:999", "pay:online", "no", "x" * 300]
MESSAGE = {"session": SESSIONS[0], "text": "1 maggi", "id": "m1", "button": None}
codes = st.just("FUZZ1") | st.just("fuzz1") | nasty_text
texts = st.sampled_from(WORDS) | nasty_text | st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
bodies = st.one_of(
    st.fixed_dictionaries({"session": st.sampled_from(SESSIONS), "text": texts},
                          optional={"id": nasty_text, "button": st.sampled_from(BUTTONS) | nasty_text}),
    spoiled(MESSAGE, [("session",), ("text",), ("id",), ("button",)]),
    json_values,
)


def path_part(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="") or "x"


@FUZZ
@given(code=codes, body=bodies, raw=sometimes(st.binary(max_size=64), 8))
async def test_fuzzed_chat_messages_never_get_a_5xx(client, no_tracebacks, code, body, raw):
    data = raw if raw is not None else json.dumps(body).encode()
    resp = await client.post(f"/api/chat/{path_part(code)}", data=data, headers={"Content-Type": "application/json"})
    tally("POST /api/chat/{store_code}", resp.status)
    if code == "FUZZ1" and raw is None and isinstance(body, dict) and body.get("session") in SESSIONS \
            and isinstance(body.get("text"), str) and body.get("button") is None:
        assert resp.status == 200 and "replies" in await resp.json()


@pytest.mark.parametrize("page", ["", "/updates", "/history"])
@FUZZ
@given(code=codes, session=st.sampled_from(SESSIONS) | nasty_text)
async def test_fuzzed_chat_pages_never_get_a_5xx(client, no_tracebacks, code, session, page):
    prefix = "/chat" if not page else "/api/chat"
    resp = await client.get(f"{prefix}/{path_part(code)}{page}?session={path_part(session)}")
    tally(f"GET {prefix}/{{store_code}}{page}", resp.status)
