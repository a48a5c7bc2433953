"""Stores and their products: records, import, stock levels, and matching words to products."""
