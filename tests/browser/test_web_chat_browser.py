"""The web chat on a cheap phone's screen, in a real browser: reply buttons in view, a reload keeps the chat."""
import pytest
import pytest_asyncio

from tests.browser.conftest import playwright_api

expect = playwright_api().expect

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

PHONE = {"width": 360, "height": 740}

# True when the element is wholly inside the window and is what a finger on its middle would touch
# (not the text box or anything else drawn over it).
TAPPABLE = """(el) => {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
    && (top === el || el.contains(top));
}"""


async def open_chat(browser, server, **options):
    context = await browser.new_context(base_url=server, viewport=PHONE, is_mobile=True, has_touch=True,
                                        locale=options.pop("locale", "en-IN"), **options)
    context.set_default_timeout(10_000)
    page = await context.new_page()
    # Script errors and refused inline code (CSP) both show as console errors.
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    await page.goto("/chat/SHOP1")
    return context, page


async def say(page, text):
    """Type a message and wait for the bot's answer to it; returns that bubble."""
    bot = page.locator(".msg.bot")
    before = await bot.count()
    await page.get_by_label("Message").fill(text)
    await page.get_by_label("Message").press("Enter")
    await expect(bot.nth(before)).to_be_attached()
    return bot.nth(before)


async def bubbles(page):
    return await page.locator(".msg").all_inner_texts()


@pytest_asyncio.fixture(loop_scope="session")
async def phone(browser, server):
    context, page = await open_chat(browser, server)
    yield page
    await context.close()


async def test_the_last_replys_buttons_are_in_view_on_a_phone_and_a_tap_sends_one(phone):
    # Enough conversation that the page must scroll, then a reply with buttons.
    for text in ["help", "help", "2 maggi"]:
        await say(phone, text)
    await expect(phone.locator(".msg.bot").last).to_contain_text("Maggi")
    buttons = phone.locator(".msg.bot").last.locator(".choices button")
    assert await buttons.all_inner_texts() == ["Place order", "View cart"]
    for n in range(2):
        assert await buttons.nth(n).evaluate(TAPPABLE), f"button {n} is not in view on a phone"
    count = await phone.locator(".msg.bot").count()
    await buttons.nth(1).tap()
    await expect(phone.locator(".msg.me").last).to_have_text("View cart")
    cart = phone.locator(".msg.bot").nth(count)
    await expect(cart).to_contain_text("₹28")  # 2 × ₹14
    place_order = cart.locator(".choices button")
    await expect(place_order).to_have_text(["Place order"])
    assert await place_order.evaluate(TAPPABLE)


async def test_a_reload_shows_the_same_conversation_and_the_buttons_still_work(phone):
    await say(phone, "1 kilo cheeni")
    await say(phone, "cart")
    before = await bubbles(phone)
    await phone.reload()
    await expect(phone.locator(".msg")).to_have_count(len(before))
    assert await bubbles(phone) == before
    last_buttons = phone.locator(".msg.bot").last.locator(".choices button")
    assert await last_buttons.first.evaluate(TAPPABLE)
    # The chat goes on where it was: the same cart, nothing shown twice.
    reply = await say(phone, "2 maggi")
    await expect(reply).to_contain_text("₹74")  # 1 kg sugar ₹46 from before the reload + 2 maggi ₹28
    assert len(await bubbles(phone)) == len(before) + 2


async def test_the_page_opens_with_a_greeting_and_examples_that_a_tap_sends(phone):
    greeting = phone.locator(".msg.bot").first
    await expect(greeting).to_contain_text("Gupta General Store")
    examples = greeting.locator(".choices button")
    assert await examples.count() >= 3
    first = await examples.first.inner_text()
    assert await examples.first.evaluate(TAPPABLE)
    await examples.first.tap()
    await expect(phone.locator(".msg.me")).to_have_text([first])
    reply = phone.locator(".msg.bot").nth(1)
    await expect(reply).to_contain_text("Atta")
    await expect(reply).to_contain_text("Sugar")
    assert phone.errors == []


async def test_a_hindi_phone_is_greeted_in_hindi(browser, server):
    context, page = await open_chat(browser, server, locale="hi-IN")
    try:
        greeting = page.locator(".msg.bot").first
        await expect(greeting).to_contain_text("स्वागत")
        await expect(greeting.locator(".choices button").first).to_contain_text("आटा")
    finally:
        await context.close()
