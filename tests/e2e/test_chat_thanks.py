"""A thank-you on its own is answered in kind, in the chat's language, and changes nothing (web chat)."""
import pytest

from tests.e2e.test_chat_checkout_dialogue import Chat, orders


@pytest.mark.parametrize("thanks", ["thank you", "thanks bhaiya", "dhanyavaad", "धन्यवाद", "நன்றி", "🙏 shukriya"])
async def test_thanks_after_the_order_is_answered_and_adds_nothing(client, services, thanks):
    chat = Chat(client)
    for text in ("2 maggi", "order", "yes", "Flat 4, Shanti Niwas, MG Road, Pune 411001"):
        await chat.send(text)
    assert "#1001" in await chat.send("cash")
    reply = await chat.send(thanks)
    assert "welcome" in reply and "didn't get" not in reply, reply
    assert len(await orders(services)) == 1
    assert "empty" in await chat.send("cart")  # the placed order's cart stays empty: nothing was added


async def test_thanks_in_a_hinglish_chat_is_answered_in_hinglish(client):
    chat = Chat(client)
    await chat.send("2 maggi de do bhaiya")
    reply = await chat.send("dhanyavaad bhaiya")
    assert "swagat" in reply, reply
