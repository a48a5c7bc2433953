"""The cart line a customer names by a word of the name the bot showed them ("மிளகாய" for the line பச்சை மிளகாய்,
"লঙ্কা" for কাঁচা লঙ্কা), when the catalog match found none of the cart's products: a removal or a change of
what is in the cart is about those lines only."""
from __future__ import annotations

import regex

from vyaparai.bot.render import shown_name
from vyaparai.db.models import Cart, CartItem
from vyaparai.nlu.translit import word_key
from vyaparai.nlu.types import ItemMention

_WORD = regex.compile(r"[\p{L}\p{M}]+")
# The shortest word compared, and how many letters of a case ending (மிளகாய-ஐ, लाल-वाली) may follow the name's word.
_SHORTEST = 4
_MOST_ENDING = 2


def line_named(cart: Cart, mention: ItemMention, lang: str) -> CartItem | None:
    """The one cart line a word of the mention names by its shown name's words; None for none or several."""
    said = [word_key(w) for w in _WORD.findall(mention.text.lower())]
    said = [k for k in said if len(k) >= _SHORTEST]
    if not said:
        return None
    named = [item for item in cart.items if any(_same_word(k, w) for k in said for w in _name_words(item, lang))]
    return named[0] if len(named) == 1 else None


def _name_words(item: CartItem, lang: str) -> set[str]:
    product = item.product
    names = {shown_name(lang, product.name, product.loose), product.name}
    return {word_key(w) for name in names for w in _WORD.findall(name.lower()) if len(w) >= 2}


def _same_word(said: str, name_word: str) -> bool:
    """Equal, or the word said is the name's word with a short ending on it."""
    if len(name_word) < _SHORTEST:
        return False
    return said == name_word or (said.startswith(name_word) and len(said) - len(name_word) <= _MOST_ENDING)
