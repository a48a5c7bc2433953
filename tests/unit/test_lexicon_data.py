"""Checks the built-in multilingual grocery lexicon (nlu/data/lexicon/*.tsv) as plain data."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

LEXICON_DIR = Path(__file__).resolve().parents[2] / "src" / "vyaparai" / "nlu" / "data" / "lexicon"
HEADER = ["concept", "category", "en", "hi", "hinglish", "ta", "te", "bn", "mr", "gu", "kn", "ml", "pa"]
CATEGORIES = {
    "staples", "dals", "spices", "oils", "dairy", "bakery", "packaged_food", "snacks",
    "beverages", "personal_care", "household", "vegetables", "fruits",
    "form",  # forms.tsv: what a product comes in (bar, sachet, refill), not a shelf of the shop
    "colour",  # colours.tsv: a colour that tells variants apart (Aavin blue / green, brown bread)
}
# Unicode block of each language's native script; None means the cell is Latin letters only.
NATIVE_BLOCK = {
    "en": None, "hinglish": None,
    "hi": (0x0900, 0x097F), "mr": (0x0900, 0x097F),
    "bn": (0x0980, 0x09FF), "pa": (0x0A00, 0x0A7F), "gu": (0x0A80, 0x0AFF),
    "ta": (0x0B80, 0x0BFF), "te": (0x0C00, 0x0C7F), "kn": (0x0C80, 0x0CFF), "ml": (0x0D00, 0x0D7F),
}
# Hindi goes in Devanagari only: its romanized spellings belong in the hinglish cell.
NATIVE_ONLY = {"hi"}
LATIN_VARIANT = re.compile(r"(?=.*[a-z])[a-z0-9][a-z0-9 '.&-]*")  # "2 minute noodles" is fine
JOINERS = {"\u200c", "\u200d"}  # ZWNJ/ZWJ: some Malayalam, Bengali and Devanagari spellings need them
PUNCTUATION = set(" '.-")
MIN_CONCEPTS = 300


def lexicon_files() -> list[Path]:
    # Files starting with "_" (e.g. the loader's _seed.tsv) belong to the loader and are not checked here.
    return sorted(p for p in LEXICON_DIR.glob("*.tsv") if not p.name.startswith("_"))


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", f"{path.name}: must end with a newline"
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:-1]]


def all_rows() -> list[tuple[str, list[str]]]:
    return [(path.name, row) for path in lexicon_files() for row in read_rows(path)[1]]


def is_native(variant: str, block: tuple[int, int]) -> bool:
    low, high = block
    has_letter = any(low <= ord(ch) <= high for ch in variant)
    allowed = all(low <= ord(ch) <= high or ch in JOINERS or ch in PUNCTUATION for ch in variant)
    return has_letter and allowed


def variant_fits_language(variant: str, lang: str) -> bool:
    block = NATIVE_BLOCK[lang]
    if block is not None and is_native(variant, block):
        return True
    return lang not in NATIVE_ONLY and bool(LATIN_VARIANT.fullmatch(variant))


FILES = lexicon_files()


def test_lexicon_has_data_files():
    assert len(FILES) >= 10, f"expected the lexicon files in {LEXICON_DIR}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_has_exact_header_and_full_rows(path: Path):
    header, rows = read_rows(path)
    assert header == HEADER
    for row in rows:
        assert len(row) == len(HEADER), f"{path.name}: {row[0]!r} has {len(row)} columns"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_text_is_nfc_without_stray_spaces(path: Path):
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"
    assert "\r" not in text and "  " not in text and "\ufeff" not in text


def test_concept_ids_are_unique_lowercase_ids():
    seen: dict[str, str] = {}
    for name, row in all_rows():
        concept = row[0]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", concept), f"{name}: bad concept id {concept!r}"
        assert concept not in seen, f"{concept!r} is in both {seen[concept]} and {name}"
        seen[concept] = name


def test_every_category_is_known():
    bad = [(name, row[0], row[1]) for name, row in all_rows() if row[1] not in CATEGORIES]
    assert not bad


def test_variants_are_non_empty_and_trimmed_and_not_repeated():
    for name, row in all_rows():
        for lang, cell in zip(HEADER[2:], row[2:]):
            if not cell:
                continue
            variants = cell.split("|")
            where = f"{name}: {row[0]} [{lang}]"
            assert all(variants), f"{where}: empty variant in {cell!r}"
            assert all(v == v.strip() for v in variants), f"{where}: leading/trailing space in {cell!r}"
            assert len(set(variants)) == len(variants), f"{where}: repeated variant in {cell!r}"


def test_each_variant_is_in_its_language_script_or_lowercase_latin():
    wrong = []
    for name, row in all_rows():
        for lang, cell in zip(HEADER[2:], row[2:]):
            wrong += [(name, row[0], lang, v) for v in cell.split("|") if cell and not variant_fits_language(v, lang)]
    assert not wrong, f"{len(wrong)} variants in the wrong script, e.g. {wrong[:5]}"


def test_lexicon_has_several_hundred_concepts():
    assert len(all_rows()) >= MIN_CONCEPTS


def test_every_concept_has_english_hindi_and_hinglish():
    missing = [(name, row[0]) for name, row in all_rows() if not (row[2] and row[3] and row[4])]
    assert not missing
