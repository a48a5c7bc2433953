"""The keys and Latin spellings of the language data's words, computed once and shipped in a file.

Keying the lexicon's ~15,000 spellings (~6,000 of them transliterated from native scripts) took over a
second of every start, half the demo's, and importing indic-transliteration half a second more. A word's
key and spelling depend only on translit.py and the indic-transliteration release, so they are written
once to data/native_spellings.tsv, whose first line fingerprints both. A file with another fingerprint is
ignored (every word is keyed again, as before), and a word missing from the file is simply computed.
`python -m vyaparai.nlu.native_spellings` writes the file afresh after a change to either.
"""
from __future__ import annotations

import hashlib
from importlib import metadata, resources
from pathlib import Path

from vyaparai.nlu.translit import Spelling

_FILE = "native_spellings.tsv"
_HEADER = "# fingerprint "
# Understood once at start (web/app.py): the other word tables (numbers, units, verbs) load on first use.
WARM_UP = ("2 kilo aata aur 1 maggi", "दो किलो चीनी", "ரெண்டு லிட்டர் பால்", "ಎರಡು ಕಿಲೋ ಸಕ್ಕರೆ")


def fingerprint() -> str:
    """What the spellings depend on: translit.py's source and the transliteration library's release."""
    source = resources.files("vyaparai.nlu").joinpath("translit.py").read_bytes()
    release = metadata.version("indic_transliteration").encode()
    return hashlib.sha256(source + b"\0" + release).hexdigest()[:16]


def load(folder: Path | None = None) -> dict[str, Spelling]:
    """word -> its key and spelling, or nothing when the file is missing or was written by other code."""
    entry = (folder or _data()) / _FILE
    try:
        lines = entry.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    if not lines or lines[0] != _HEADER + fingerprint():
        return {}
    return {word: Spelling(k, latin) for word, k, latin in (line.split("\t") for line in lines[1:])}


def compute_all() -> dict[str, Spelling]:
    """Every word the language data keys at start, keyed and spelled by the code itself."""
    from vyaparai.nlu import lexicon, translit

    seen: dict[str, Spelling] = {}
    translit.record_spellings(seen)
    try:
        _clear_caches()
        from vyaparai.nlu.pipeline import understand  # its modules key their word tables on import
        lexicon.load()
        for text in WARM_UP:
            understand(text)
    finally:
        translit.record_spellings(None)
        _clear_caches()
    return seen


def _clear_caches() -> None:
    from vyaparai.nlu import lexicon, translit

    for cached in (lexicon.load, translit.word_key, translit.script_key, translit.shipped_spellings):
        cached.cache_clear()


def write(folder: Path | None = None) -> Path:
    target = (folder or _data()) / _FILE
    spellings = compute_all()
    body = "".join(f"{word}\t{s.key}\t{s.latin}\n" for word, s in sorted(spellings.items()) if "\t" not in word)
    target.write_text(_HEADER + fingerprint() + "\n" + body, encoding="utf-8")
    return target


def _data() -> Path:
    return Path(str(resources.files("vyaparai.nlu").joinpath("data")))


if __name__ == "__main__":
    print(f"wrote {write()}")
