"""A cart line named by a word of the name the bot showed for it, with or without a case ending, in several
scripts; a word two lines share, or a short one, names none."""
from __future__ import annotations

import pytest

from vyaparai.bot.line_by_name import line_named
from vyaparai.db.models import Cart, CartItem, Product
from vyaparai.nlu.pipeline import key
from vyaparai.nlu.types import ItemMention


def cart_of(*names: str) -> Cart:
    products = [Product(sku=f"P{i}", name=name, unit="kg", pack_base=1000, price_paise=100, loose="loose" in name)
                for i, name in enumerate(names)]
    return Cart(items=[CartItem(product=p, qty_milli=1000) for p in products])


def said(words: str) -> ItemMention:
    return ItemMention(text=words, key=key(words))


@pytest.mark.parametrize("lang, words", [("ta", "மிளகாய"), ("ta", "மிளகாய்"), ("bn", "লঙ্কা"), ("en", "chilli"),
                                         ("hi", "मिर्च")])
def test_a_word_of_the_shown_name_finds_its_line(lang, words):
    cart = cart_of("Green Chilli (loose, per kg)", "Tomato (loose, per kg)")
    item = line_named(cart, said(words), lang)
    assert item is not None and item.product.sku == "P0", words


def test_a_word_of_two_lines_names_neither():
    cart = cart_of("Amul Butter 100g", "Amul Butter 500g")
    assert line_named(cart, said("butter"), "en") is None


def test_a_word_in_no_line_names_none():
    assert line_named(cart_of("Tomato (loose, per kg)"), said("onion"), "en") is None
