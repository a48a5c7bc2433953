"""The demo catalog as a store that typed no aliases, for tests that understand messages against it."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

from vyaparai.catalog.csvrecords import read_records
from vyaparai.catalog.matcher import ProductIndex
from vyaparai.nlu.pipeline import understand
from vyaparai.nlu.types import Understanding


@lru_cache(maxsize=1)
def demo_index() -> ProductIndex:
    """The demo catalog without its aliases: a store that typed only product names."""
    with resources.as_file(resources.files("vyaparai.catalog").joinpath("data/demo_catalog.csv")) as path:
        records = read_records(path)
    return ProductIndex.build([replace(r, aliases=()) for r in records])


def understand_in_demo(text: str) -> Understanding:
    return understand(text, demo_index().vocabulary())
