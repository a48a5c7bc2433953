"""In a real browser on a phone-sized screen: the owner sets the shop's rules and hours, and fixes a bad value."""
import pytest
from sqlalchemy import select

from vyaparai.db.models import Store

from tests.browser.conftest import playwright_api
from tests.browser.test_panel_browser import open_order_list

expect = playwright_api().expect

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]


async def test_the_owner_sets_terms_and_hours_and_a_bad_amount_is_marked(new_page, browser_sessions):
    page = await open_order_list(new_page)
    await page.set_viewport_size({"width": 360, "height": 740})
    await page.get_by_role("link", name="Settings").click()
    await expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    # A store without hours shows every day open round the clock, 00:00 to 00:00.
    await expect(page.get_by_label("Wednesday opens", exact=True)).to_have_value("00:00")

    await page.get_by_label("Minimum order (₹)").fill("120")
    await page.get_by_label("Delivery charge (₹)").fill("15")
    await page.get_by_label("Free delivery for orders of (₹) or more").fill("400")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"):
        await page.get_by_label(f"{day} opens", exact=True).fill("08:00")
        await page.get_by_label(f"{day} closes", exact=True).fill("13:00")
        await page.get_by_label(f"{day} opens again", exact=True).fill("16:00")
        await page.get_by_label(f"{day} closes again", exact=True).fill("21:00")
    await page.get_by_label("Sunday closed").check()
    await page.get_by_label("Online payment (UPI, cards)").uncheck()
    await page.get_by_role("button", name="Save").click()

    await expect(page.get_by_role("status")).to_have_text(
        "Settings saved. Customers get the new terms from their next message.")
    await expect(page.get_by_label("Monday opens again", exact=True)).to_have_value("16:00")
    await expect(page.get_by_label("Sunday closed")).to_be_checked()
    # Phone first: the form fits a 360 px screen without sideways scrolling.
    assert await page.evaluate("document.scrollingElement.scrollWidth") <= 360

    await page.get_by_label("Delivery charge (₹)").fill("fifteen")
    await page.get_by_role("button", name="Save").click()
    await expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
    await expect(page.get_by_label("Delivery charge (₹)")).to_have_attribute("aria-invalid", "true")
    await expect(page.locator("#delivery_charge-error")).to_contain_text("Enter an amount in rupees")

    async with browser_sessions() as s:
        store = await s.scalar(select(Store).where(Store.code == "SHOP1"))
    assert (store.min_order_paise, store.delivery_charge_paise, store.free_delivery_above_paise) == (12000, 1500, 40000)
    assert store.opening_hours["mon"] == [["08:00", "13:00"], ["16:00", "21:00"]] and store.opening_hours["sun"] == []
    assert (store.cod_enabled, store.online_enabled) == (True, False)
