"""A customer asks prices, stock and the bill through the web chat: answered in their language, nothing added."""
from sqlalchemy import select, update

from vyaparai.db.models import Cart, CartItem, Product

SESSION = "questions-session-01"


async def say(client, text):
    resp = await client.post("/api/chat/SHOP1", json={"session": SESSION, "text": text})
    assert resp.status == 200, await resp.text()
    return "\n".join(r["text"] for r in (await resp.json())["replies"])


async def cart_lines(services) -> int:
    async with services.sessions() as s:
        return len((await s.scalars(select(CartItem).join(Cart))).all())


async def test_a_price_question_gives_the_price_and_the_other_sizes_and_adds_nothing(client, services):
    answer = await say(client, "amul butter kitne ka hai?")
    assert "Amul Butter 100g" in answer and "₹60" in answer
    assert "₹285" in answer  # the 500 g pack of the same butter
    assert await cart_lines(services) == 0


async def test_a_price_question_in_tamil_is_answered_in_tamil(client, services):
    answer = await say(client, "மேகி விலை என்ன?")
    assert "Maggi Masala Noodles 70g" in answer and "₹14" in answer
    assert "விலை" in answer
    assert await cart_lines(services) == 0


async def test_a_stock_question_says_how_many_are_left_and_adds_nothing(client, services):
    answer = await say(client, "is amul butter 100g in stock?")
    assert "Amul Butter 100g" in answer and "3 left" in answer
    assert await cart_lines(services) == 0


async def test_a_product_with_a_question_mark_gets_its_price_and_stock(client, services):
    await say(client, "amul butter 100g kitne ka hai?")
    answer = await say(client, "aur amul butter 500 gram?")
    assert "Amul Butter 500g" in answer and "₹285" in answer and "10" in answer
    assert await cart_lines(services) == 0


async def test_an_item_out_of_stock_is_said_so_with_what_the_shop_has_instead(client, services):
    async with services.sessions() as s, s.begin():
        await s.execute(update(Product).where(Product.sku == "AMUL-BUTTER-100").values(stock_milli=0))
    answer = await say(client, "is amul butter 100g in stock?")
    assert "don't have Amul Butter 100g" in answer
    assert "Amul Butter 500g" in answer
    assert await cart_lines(services) == 0


async def test_the_total_question_gives_the_cart_total_and_leaves_the_cart_as_it_was(client, services):
    assert "empty" in await say(client, "what's my bill?")
    await say(client, "2 maggi")
    answer = await say(client, "total kitna hua?")
    assert "₹28" in answer and "1" in answer
    assert await cart_lines(services) == 1
    cart = await say(client, "cart")
    assert "× 2" in cart and "₹28" in cart


async def test_a_question_during_checkout_is_answered_and_the_order_still_goes_through(client, services):
    await say(client, "1 maggi")
    await say(client, "order")
    answer = await say(client, "tata salt kitne ka hai?")
    assert "Tata Salt 1kg" in answer and "₹28" in answer
    await say(client, "yes")
    await say(client, "Flat 4, Shanti Niwas, MG Road, Pune")
    placed = await say(client, "cod")
    assert "#1001" in placed
