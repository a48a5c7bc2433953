"""What a customer's amount puts in the cart: thousandths of a pack (catalog/quantity.to_milli)."""
from vyaparai.catalog.quantity import QuantityProblem, to_milli
from vyaparai.catalog.records import ProductRecord

EGGS_6 = ProductRecord("EGGS-6", "Eggs Pack of 6", "piece", 6, 4500)
EGGS_LOOSE = ProductRecord("EGGS-LOOSE", "Eggs (loose, per piece)", "piece", 1, 700, loose=True)
SOAP_3 = ProductRecord("SOAP-3", "Lux Soap 3 x 100 g", "piece", 3, 12000)
MAGGI = ProductRecord("MAGGI-70", "Maggi 70 g", "g", 70, 1400)


def test_a_bare_count_of_pieces_that_whole_packs_make_is_that_many_pieces():
    assert to_milli(EGGS_6, 6, None) == 1000  # "6 eggs": one pack of six, not 36 eggs
    assert to_milli(EGGS_6, 12, None) == 2000
    assert to_milli(SOAP_3, 3, None) == 1000


def test_a_count_that_whole_packs_cannot_make_stays_a_count_of_packs():
    assert to_milli(EGGS_6, 2, None) == 2000
    assert to_milli(SOAP_3, 4, None) == 4000


def test_packs_said_as_packs_stay_packs():
    assert to_milli(EGGS_6, 6, "pack") == 6000  # "6 packets of eggs"
    assert to_milli(MAGGI, 6, None) == 6000  # grams are not pieces


def test_loose_pieces_are_counted_one_by_one():
    assert to_milli(EGGS_LOOSE, 6, None) == 6000
    assert isinstance(to_milli(EGGS_6, 0, None), QuantityProblem)
