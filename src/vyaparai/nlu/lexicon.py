"""The multilingual grocery lexicon: data/lexicon/*.tsv read once into concept <-> key maps."""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from vyaparai.nlu.translit import key

COLUMNS = ("concept", "category", "en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa")


@dataclass
class Lexicon:
    """concept -> its keys in every language, and key (one or more words) -> concepts."""

    categories: dict[str, str] = field(default_factory=dict)
    english: dict[str, tuple[str, ...]] = field(default_factory=dict)  # concept -> English keys
    keys_of: dict[str, set[str]] = field(default_factory=dict)
    concepts_of: dict[str, set[str]] = field(default_factory=dict)
    longest_phrase: int = 1
    latin_words_of: dict[str, set[str]] = field(default_factory=dict)  # lang -> romanized single words
    written: dict[str, dict[str, str]] = field(default_factory=dict)  # concept -> lang -> first spelling in its script
    native_keys_of: dict[str, set[str]] = field(default_factory=dict)  # lang -> keys of its native-script words
    native_spellings: set[str] = field(default_factory=set)  # every native-script word exactly as written

    def add(self, concept: str, category: str, lang: str, spelling: str) -> None:
        k = key(spelling)
        if not k:
            return
        self.categories.setdefault(concept, category)
        self.keys_of.setdefault(concept, set()).add(k)
        self.concepts_of.setdefault(k, set()).add(concept)
        self.longest_phrase = max(self.longest_phrase, k.count(" ") + 1)
        if lang == "en":
            self.english[concept] = (*self.english.get(concept, ()), k)
        if spelling.isascii() and " " not in k:
            self.latin_words_of.setdefault(lang, set()).add(k)
        elif not spelling.isascii():
            self.written.setdefault(concept, {}).setdefault(lang, spelling)
            self.native_spellings.update(unicodedata.normalize("NFC", spelling).split())
            if " " not in k:
                self.native_keys_of.setdefault(lang, set()).add(k)

    def concepts(self, k: str) -> frozenset[str]:
        return frozenset(self.concepts_of.get(k, ()))


def read_rows(lines) -> list[dict[str, str]]:
    """Rows of one lexicon file; a row with a missing concept or a comment line is skipped."""
    rows = []
    for row in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"):
        if row.get("concept"):
            rows.append(row)
    return rows


def build(rows) -> Lexicon:
    lexicon = Lexicon()
    for row in rows:
        concept = row["concept"].strip()
        for lang in COLUMNS[2:]:
            for spelling in (row.get(lang) or "").split("|"):
                if spelling.strip():
                    lexicon.add(concept, (row.get("category") or "").strip(), lang, spelling.strip())
    return lexicon


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The packaged lexicon: every data/lexicon/*.tsv, read on first use and cached."""
    folder = resources.files("vyaparai.nlu").joinpath("data", "lexicon")
    files = sorted((e for e in folder.iterdir() if e.name.endswith(".tsv")), key=lambda e: e.name)
    rows: list[dict[str, str]] = []
    for entry in [e for e in files if not e.name.startswith("_")]:
        rows.extend(read_rows(entry.read_text(encoding="utf-8").splitlines()))
    known = {row["concept"].strip() for row in rows}
    # Files named _*.tsv are fallbacks: their concepts count only where no other file has them.
    for entry in [e for e in files if e.name.startswith("_")]:
        rows.extend(r for r in read_rows(entry.read_text(encoding="utf-8").splitlines())
                    if r["concept"].strip() not in known)
    return build(rows)
