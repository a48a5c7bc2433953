"""Every body from outside is read as the database can store it, however its strings were escaped or encoded."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vyaparai.channels.payload import MAX_DEPTH, UnreadablePayload, clean_text, cleaned, read_json

# NUL, lone surrogates, a valid pair's halves, other scripts and plain text.
awkward = st.text(alphabet=st.sampled_from(["\x00", "\ud83d", "\ude00", "\udfff", "\ud800", "a", "é", "अ", "😀", '"', "\\"]),
                  max_size=12)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(awkward, st.lists(awkward, max_size=3), max_size=3), st.booleans(), st.booleans())
def test_nul_and_lone_surrogates_never_come_out_however_the_body_spelled_them(body, ascii_escapes, as_text):
    raw = json.dumps({"entry": [body]}, ensure_ascii=ascii_escapes)
    data = raw if as_text else raw.encode("utf-8", "surrogatepass")
    read = read_json(data)
    # The same as cleaning every string of what json.loads gives (a valid pair becomes one character)...
    assert read == cleaned(json.loads(data))
    # ...so nothing a database refuses is left.
    assert all(clean_text(s) == s for s in strings(read))


def test_a_valid_emoji_escaped_as_a_surrogate_pair_comes_out_whole():
    assert read_json(b'{"text": "\\ud83d\\ude00 2 maggi"}') == {"text": "\U0001f600 2 maggi"}


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = "[" * (MAX_DEPTH * 3)
    assert read_json(json.dumps({"text": text}).encode()) == {"text": text}


@pytest.mark.parametrize("depth,readable", [(MAX_DEPTH, True), (MAX_DEPTH + 1, False), (50_000, False)])
def test_nesting_past_the_limit_is_refused_as_bad_input(depth, readable):
    raw = ("[" * depth + "]" * depth).encode()
    if readable:
        assert read_json(raw) is not None
    else:
        with pytest.raises(UnreadablePayload):
            read_json(raw)
