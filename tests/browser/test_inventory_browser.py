"""In a real browser: the owner uploads a price list with bad lines; the good ones are kept, the bad ones named."""
import pytest

from tests.browser.conftest import playwright_api
from tests.browser.test_panel_browser import open_order_list

expect = playwright_api().expect

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

PRICE_LIST = """sku,name,brand,category,unit,pack_size,price_inr,stock
PARLE-G-250,Parle-G Biscuits 250g,Parle,snacks,g,250,25,40
BAD-PRICE,Haldiram Bhujia 200g,Haldiram,snacks,g,200,fifty,10
,Nameless Dal,,staples,kg,1,120,5
SUGAR-LOOSE,"Sugar (loose, per kg)",,staples,kg,1,48,35
"""


async def test_an_upload_with_bad_lines_keeps_the_good_ones_and_names_the_bad(new_page, tmp_path):
    page = await open_order_list(new_page)
    await page.get_by_role("link", name="Inventory").click()
    await page.get_by_role("link", name="Upload a price list").click()
    path = tmp_path / "price-list.csv"
    path.write_text(PRICE_LIST, encoding="utf-8")
    await page.get_by_label("File (up to 10 MB)").set_input_files(str(path))
    await page.get_by_role("button", name="Upload and import").click()

    report = page.locator("#report")
    await expect(report).to_contain_text("Added: 1. Updated: 1.")
    await expect(report).to_contain_text("Lines not imported: 2.")
    await expect(report.locator(".problems li")).to_have_count(2)
    problems = await report.locator(".problems li").all_inner_texts()
    assert problems[0].startswith("Line 3:") and problems[1].startswith("Line 4:")
    await expect(page).to_have_url("/panel/inventory/upload")  # the script posted it, the page stayed

    await page.goto("/panel/inventory?q=parle")
    await expect(page.locator("main")).to_contain_text("Parle-G Biscuits 250g")
    await page.goto("/panel/inventory?q=sugar")
    await expect(page.locator("main")).to_contain_text("₹48")
