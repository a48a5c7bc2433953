"""English brand sounds as the scripts write them: a short u as the short a (லக்ஸ், লাক্স, लक्स for Lux) and a
first "wh" as Bengali হু + vowel (হুইল for Wheel), so a brand said in any script is its product, not another
product whose word happens to sound alike ("Taj" Mahal for the "touch" of Lux Soft Touch)."""
import pytest

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.records import ProductRecord
from vyaparai.nlu.pipeline import understand


def packed(sku, name, brand, category, price):
    return ProductRecord(sku=sku, name=name, unit="g", pack_base=100, price_paise=price * 100, brand=brand,
                         category=category, loose=False, stock_milli=50_000)


INDEX = ProductIndex.build([
    packed("LUX", "Lux Soft Touch Soap 100g", "Lux", "personal_care", 40),
    packed("TAJ", "Brooke Bond Taj Mahal Tea 250g", "Brooke Bond", "beverages", 190),
    packed("WHEEL", "Wheel Active 2 in 1 Detergent Powder 1kg", "Wheel", "household", 70),
    packed("TIDE", "Tide Plus Double Power Detergent Powder 1kg", "Tide", "household", 120),
    packed("WHITE", "Whisper Ultra Clean XL 15 pads", "Whisper", "personal_care", 180),
    packed("VIM", "Vim Dishwash Bar 200g", "Vim", "household", 20),
])


def _sku(text):
    m = INDEX.match(understand(text, INDEX.vocabulary()).items[0])
    return m.product.sku if m.decision == "matched" else (m.decision, [c.product.sku for c in m.candidates[:3]])


@pytest.mark.parametrize("text", ["லக்ஸ் சாஃப்ட் டச்", "ఒక లక్స్ సాఫ్ట్ టచ్", "লক্স সফট টাচ", "लक्स सॉफ्ट टच",
                                  "lux soft touch"])
def test_lux_soft_touch_in_any_script_is_the_soap_not_the_tea(text):
    assert _sku(text) == "LUX"


@pytest.mark.parametrize("text", ["একটা হুইল", "হুইল পাউডার", "ஒரு வீல் பவுடர்", "एक व्हील", "one wheel"])
def test_wheel_written_with_bengali_hu_or_v_is_wheel(text):
    assert _sku(text) == "WHEEL"


@pytest.mark.parametrize("text", ["এক প্যাকেট হুইস্পার", "ஒரு விஸ்பர்"])
def test_whisper_written_with_bengali_hu_or_v_is_whisper(text):
    assert _sku(text) == "WHITE"


@pytest.mark.parametrize("text", ["একটা ভিম বার", "ஒரு டைட்"])
def test_other_brands_stay_themselves(text):
    assert _sku(text) in ("VIM", "TIDE")


LABELS = ProductIndex.build([
    packed("REDLABEL", "Brooke Bond Red Label Tea 250g", "Brooke Bond", "beverages", 145),
    packed("TAJ", "Brooke Bond Taj Mahal Tea 250g", "Brooke Bond", "beverages", 190),
    packed("PAPER", "Origami Kitchen Paper Towel 2 rolls", "Origami", "household", 120),
])


@pytest.mark.parametrize("text, sku", [("एक रेड लेबल", "REDLABEL"), ("ఒక రెడ్ లేబుల్", "REDLABEL"),
                                       ("এক প্যাকেট রেড লেবেল", "REDLABEL"), ("red label", "REDLABEL"),
                                       ("एक किचन पेपर", "PAPER")])
def test_an_open_a_after_the_first_consonant_is_written_e(text, sku):
    m = LABELS.match(understand(text, LABELS.vocabulary()).items[0])
    assert m.decision == "matched" and m.product.sku == sku, (text, m.decision, [c.product.sku for c in m.candidates])
