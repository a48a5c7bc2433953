"""In a real browser: an operator onboards a store, pauses it and finds it in the list; an owner cannot get in."""
import re

import pytest
import pytest_asyncio

from tests.browser.conftest import OWNER_PHONE, PASSWORD, playwright_api
from tests.browser.test_panel_browser import REPORT_CSP_VIOLATIONS
from vyaparai.web.admin.operators import create_operator

expect = playwright_api().expect

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

OPERATOR_PHONE = "919800011122"
OPERATOR_PASSWORD = "console pass 2026"


@pytest_asyncio.fixture(loop_scope="session")
async def operator(browser_sessions):
    async with browser_sessions() as s, s.begin():
        await create_operator(s, OPERATOR_PHONE, OPERATOR_PASSWORD)


async def log_in(page, phone=OPERATOR_PHONE, password=OPERATOR_PASSWORD):
    await page.goto("/admin/login")
    await page.get_by_label("Operator phone").fill(phone)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Log in").click()


async def test_the_operator_onboards_a_store_pauses_it_and_finds_it_in_the_list(new_page, operator):
    page = await new_page()
    await page.goto("/admin/")
    await expect(page).to_have_url(re.compile(r"/admin/login$"))
    await log_in(page, password="not the password")
    await expect(page.get_by_role("alert")).to_have_text("Wrong phone number or password.")
    await log_in(page)
    await expect(page.get_by_role("heading", name="Stores")).to_be_visible()
    await expect(page.locator("#stores")).to_contain_text("Gupta General Store")

    await page.get_by_role("link", name="Add a store").first.click()
    await page.get_by_label("Store code").fill("kota01")
    await page.get_by_label("Store name").fill("Kota Fresh Mart")
    await page.get_by_label("Owner's WhatsApp number").fill("98222 33344")
    await page.get_by_label("Opening hours").fill("Mon-Sat 08:00-21:00, Sun closed")
    await page.get_by_role("checkbox", name=re.compile(r"^staples")).check()
    await page.get_by_role("button", name="Register and send the welcome").click()

    await expect(page).to_have_url(re.compile(r"/admin/stores/KOTA01$"))
    await expect(page.get_by_role("status")).to_contain_text("Kota Fresh Mart is registered")
    await expect(page.locator("#rules")).to_contain_text("Mon-Sat 08:00-21:00, Sun closed")
    await expect(page.locator("#history")).to_contain_text("Registered")

    await page.get_by_label("Reason for pausing").fill("documents pending")
    await page.get_by_role("button", name="Pause the store").click()
    await expect(page.get_by_role("status")).to_contain_text("Kota Fresh Mart is now paused")
    await expect(page.locator("#history")).to_contain_text("documents pending")
    await expect(page.get_by_role("button", name="Resume: take orders again")).to_be_visible()

    await page.get_by_role("link", name="Stores").first.click()
    await page.get_by_label("Search").fill("kota")
    await page.get_by_role("button", name="Search").click()
    row = page.locator('#stores tr[data-code="KOTA01"]')
    await expect(row).to_contain_text("Kota Fresh Mart")
    await expect(row).to_contain_text("paused")
    await expect(page.locator("#stores")).not_to_contain_text("Gupta General Store")


async def test_an_owner_logged_into_the_panel_is_sent_to_the_console_login(new_page, operator):
    page = await new_page()
    await page.goto("/panel/login")
    await page.get_by_label("Owner phone").fill(OWNER_PHONE)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await expect(page).to_have_url(re.compile(r"/panel/$"))
    await page.goto("/admin/")
    await expect(page).to_have_url(re.compile(r"/admin/login$"))
    await log_in(page, phone=OWNER_PHONE, password=PASSWORD)
    await expect(page.get_by_role("alert")).to_have_text("Wrong phone number or password.")


@pytest.mark.parametrize("path", ["/admin/login", "/admin/", "/admin/onboard", "/admin/stores/SHOP1", "/admin/figures"])
async def test_the_console_pages_have_no_console_errors_or_csp_violations(new_page, operator, path):
    page = await new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await page.add_init_script(REPORT_CSP_VIOLATIONS)
    if path != "/admin/login":
        await log_in(page)
        await expect(page.get_by_role("heading", name="Stores")).to_be_visible()
    await page.goto(path)
    await page.wait_for_load_state("networkidle")
    assert errors == []
