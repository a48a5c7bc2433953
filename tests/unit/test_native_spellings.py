"""The shipped keys and spellings (nlu/data/native_spellings.tsv) are what the code computes, and a start uses them."""
from __future__ import annotations

import subprocess
import sys

from vyaparai.nlu import native_spellings, translit
from vyaparai.nlu.script import token_script

REGENERATE = "run: python -m vyaparai.nlu.native_spellings"


def _fresh(word: str) -> translit.Spelling:
    """The word keyed and spelled by the code, not read from the file."""
    recorded: dict[str, translit.Spelling] = {}
    translit.record_spellings(recorded)
    try:
        key = translit.word_key.__wrapped__(word)
        script = token_script(word)
        latin = translit.native_to_latin(word, script) if not word.isascii() and script != "Latn" else ""
    finally:
        translit.record_spellings(None)
    return translit.Spelling(key, latin)


def test_the_shipped_file_was_written_by_this_code():
    assert native_spellings.load(), f"native_spellings.tsv is missing or was written by other code; {REGENERATE}"


def test_the_file_holds_every_word_a_start_keys_as_the_code_keys_it():
    shipped = native_spellings.load()
    computed = native_spellings.compute_all()  # with the file set aside
    missing = sorted(w for w in computed if w not in shipped)
    assert not missing, f"{len(missing)} words are keyed at every start, e.g. {missing[:5]}; {REGENERATE}"
    # A word may be only keyed or only spelled here (this process loaded some word tables before).
    stale = {w: (shipped[w], s) for w, s in computed.items()
             if s.key and s.key != shipped[w].key or s.latin and s.latin != shipped[w].latin}
    assert not stale, f"{len(stale)} stale entries, e.g. {list(stale.items())[:3]}; {REGENERATE}"


def test_a_word_missing_from_the_file_is_keyed_by_the_code():
    new_word = "ஜிகர்தண்டாவாலா"  # not in any word list
    assert new_word not in native_spellings.load()
    assert translit.word_key(new_word) == _fresh(new_word).key
    assert translit.word_key(new_word).startswith("jigartanda")


def test_a_file_written_by_other_code_is_ignored(tmp_path):
    (tmp_path / "native_spellings.tsv").write_text("# fingerprint 0000\nदूध\twrong\twrong\n", encoding="utf-8")
    assert native_spellings.load(tmp_path) == {}


def test_a_start_understands_native_scripts_without_transliterating():
    code = ("import sys; from vyaparai.nlu.pipeline import understand; "
            "from vyaparai.nlu.native_spellings import WARM_UP; [understand(t) for t in WARM_UP]; "
            "u = understand('दो किलो चीनी'); "
            "print('indic_transliteration' in sys.modules, u.items[0].qty)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "2.0"], out  # two kilos, with no transliteration library loaded
