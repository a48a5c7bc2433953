"""In a real browser: the owner logs in, a customer orders in the web chat, the owner accepts, the chat hears it."""
import re

import pytest

from tests.browser.conftest import OWNER_PHONE, PASSWORD, playwright_api

expect = playwright_api().expect

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

ORDER_BY_CHAT = ["1 kg sugar", "order", "yes", "House 9, Gandhi Nagar, Jaipur", "cod"]
# Shown as a console message: a CSP refusal says so itself; this also names the directive.
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation",
  (e) => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));"""


# A phone's Chrome starts Web Audio only after a tap on the page; headless Chromium always allows it,
# so the tests put the phone's rule back: a context starts "suspended" until resume() is called.
AUDIO_NEEDS_A_TAP = """(() => {
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor() { super(); this.allowed = false; this.suspend(); }
    get state() { return this.allowed ? super.state : "suspended"; }
    resume() { this.allowed = true; return super.resume(); }
  };
})();"""


async def log_in(page, password=PASSWORD):
    await page.get_by_label("Owner phone").fill(OWNER_PHONE)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Log in").click()


async def open_order_list(new_page):
    """The owner, logged in through the form, looking at the open orders."""
    page = await new_page()
    await page.goto("/panel/login")
    await log_in(page)
    await expect(page.get_by_role("heading", name="Open orders")).to_be_visible()
    return page


async def say(page, text):
    """Type a message in the web chat and return the text of the bot's next bubble."""
    bot = page.locator(".msg.bot")
    before = await bot.count()
    await page.get_by_label("Message").fill(text)
    await page.get_by_label("Message").press("Enter")
    await expect(page.locator(".msg.me").last).to_have_text(text)
    await expect(bot.nth(before)).to_be_attached()
    return await bot.nth(before).inner_text()


async def order_by_chat(new_page):
    """A customer orders 1 kg of sugar, cash on delivery, in the web chat; the chat page stays open."""
    page = await new_page()
    await page.goto("/chat/SHOP1")
    replies = [await say(page, text) for text in ORDER_BY_CHAT]
    assert "Sugar (loose, per kg)" in replies[0]
    assert "#1001" in replies[-1]
    return page


async def test_the_owner_logs_in_through_the_form(new_page):
    page = await new_page()
    await page.goto("/panel/")
    await expect(page).to_have_url(re.compile(r"/panel/login$"))
    await log_in(page, password="wrong horse battery")
    await expect(page.get_by_role("alert")).to_have_text("Wrong phone number or password.")
    await log_in(page)
    await expect(page).to_have_url(re.compile(r"/panel/$"))
    await expect(page.locator("header .brand")).to_have_text("Gupta General Store")
    await expect(page.get_by_text("No open orders right now.")).to_be_visible()


async def test_the_owner_accepts_a_chat_order_and_the_customer_chat_shows_it(new_page):
    customer = await order_by_chat(new_page)
    owner = await open_order_list(new_page)
    await owner.locator("#order-1001").get_by_role("link", name="#1001").click()
    await expect(owner).to_have_url(re.compile(r"/panel/orders/1001$"))
    await expect(owner.get_by_text("House 9, Gandhi Nagar, Jaipur")).to_be_visible()
    confirmed = customer.locator(".msg.bot", has_text="#1001").filter(has_text="confirmed")
    assert await confirmed.count() == 0

    await owner.get_by_role("button", name="Accept", exact=True).click()
    await expect(owner.get_by_role("status")).to_contain_text("Order #1001 is now confirmed")
    # The chat page polls for news every few seconds; nobody reloads it.
    await expect(confirmed).to_be_visible(timeout=10_000)


async def test_a_new_chat_order_appears_on_the_open_order_list_without_a_reload(new_page):
    owner = await open_order_list(new_page)
    await owner.evaluate("window.openedBeforeTheOrder = true")  # gone if the page reloads
    await order_by_chat(new_page)
    order = owner.locator("ul#orders li#order-1001")
    await expect(order).to_be_visible(timeout=10_000)
    await expect(order).to_contain_text("Sugar (loose, per kg)")
    assert await owner.evaluate("window.openedBeforeTheOrder === true")
    # Seen from across the room: a count in the tab title and the nav, the new row highlighted.
    await expect(owner).to_have_title(re.compile(r"^\(1\) Orders"))
    await expect(owner.locator("#new-orders")).to_have_text("1")
    await expect(order).to_have_class(re.compile("fresh"))
    await expect(owner.get_by_text("No open orders right now.")).to_be_hidden()


async def test_the_order_sound_is_switched_on_with_one_tap_and_a_tap_clears_the_count(new_page):
    owner = await new_page()
    await owner.add_init_script(AUDIO_NEEDS_A_TAP)
    await owner.goto("/panel/login")
    await log_in(owner)
    sound = owner.get_by_role("button", name="Turn on the sound for new orders")
    await expect(sound).to_be_visible()  # the browser allows no sound before a tap
    await sound.click()
    await expect(sound).to_be_hidden()
    assert await owner.evaluate("window.AudioContext !== undefined")
    await order_by_chat(new_page)
    await expect(owner.locator("#order-1001")).to_be_visible(timeout=10_000)
    await expect(sound).to_be_hidden()  # it rang: the sound stayed on
    await expect(owner).to_have_title(re.compile(r"^\(1\) "))
    await owner.locator("h1").click()
    await expect(owner).to_have_title(re.compile(r"^Orders"))
    await expect(owner.locator("#new-orders")).to_be_hidden()


async def test_accept_from_the_list_confirms_without_opening_the_order(new_page):
    await order_by_chat(new_page)
    owner = await open_order_list(new_page)
    await owner.locator("#order-1001").get_by_role("button", name="Accept").click()
    await expect(owner.get_by_role("status")).to_contain_text("Order #1001 is now confirmed")
    await expect(owner).to_have_url(re.compile(r"/panel/$"))
    await expect(owner.locator("#order-1001")).not_to_contain_text("Accept")


@pytest.mark.parametrize("path", ["/panel/login", "/panel/", "/chat/SHOP1"])
async def test_the_page_has_no_console_errors_or_csp_violations(new_page, path):
    page = await new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(
        f"{m.text} ({m.location['url']})"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    await page.add_init_script(REPORT_CSP_VIOLATIONS)
    if path == "/panel/":
        await page.goto("/panel/login")
        await log_in(page)
        await expect(page).to_have_url(re.compile(r"/panel/$"))
    else:
        await page.goto(path)
    if path.startswith("/chat/"):
        await say(page, "1 kilo cheeni")
    await page.wait_for_load_state("networkidle")
    assert errors == []

    # The watch itself works: an inline script, which the policy forbids, is reported.
    async with page.expect_console_message(lambda m: m.type == "error" and "script-src" in m.text):
        await page.evaluate("document.head.appendChild(document.createElement('script')).textContent = '1'")
    assert errors


