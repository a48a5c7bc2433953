"""CSV cells that stay text in a spreadsheet, amounts it can add, a file name that says what is inside, IST days."""
from datetime import UTC, date, datetime

from vyaparai.orders.history import HistoryFilters
from vyaparai.orders.india_time import day_start_utc, ist_date, ist_text
from vyaparai.web.panel.csv_export import export_filename, rupees, safe_cell


def test_a_cell_a_spreadsheet_would_run_as_a_formula_becomes_text():
    for attack in ['=HYPERLINK("http://evil.example","click")', "+91 98000 00001", "-2+3", "@SUM(A1:A9)",
                   "\t=1+1", "  =cmd|' /C calc'!A0"]:
        assert safe_cell(attack) == "'" + attack
    for harmless in ["Asha Verma", "House 9, Gandhi Nagar", "", "919800000001", "a=b"]:
        assert safe_cell(harmless) == harmless


def test_amounts_are_plain_rupee_numbers():
    assert [rupees(p) for p in (0, 5, 4600, 123456)] == ["0.00", "0.05", "46.00", "1234.56"]


def test_the_file_name_carries_the_store_and_the_dates():
    today = date(2026, 2, 1)
    assert export_filename("SHOP1", HistoryFilters(), today) == "orders-SHOP1-2026-02-01.csv"
    jan = HistoryFilters(placed_from=date(2026, 1, 1), placed_to=date(2026, 1, 31))
    assert export_filename("SHOP1", jan, today) == "orders-SHOP1-2026-01-01-to-2026-01-31.csv"
    assert export_filename("SHOP1", HistoryFilters(placed_from=date(2026, 1, 1)), today) == \
        "orders-SHOP1-2026-01-01-to-2026-02-01.csv"


def test_the_india_day_starts_at_half_past_six_utc_the_evening_before():
    assert day_start_utc(date(2026, 1, 5)) == datetime(2026, 1, 4, 18, 30, tzinfo=UTC)
    assert ist_date(datetime(2026, 1, 4, 20, 0, tzinfo=UTC)) == date(2026, 1, 5)
    assert ist_text(datetime(2026, 1, 4, 20, 0, tzinfo=UTC)) == "2026-01-05 01:30"
