"""Each store's product index, built once per catalog version and shared by every conversation."""
from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.repository import load_product_records
from vyaparai.db.models import Store

logger = logging.getLogger(__name__)


class IndexCache:
    """Keeps the latest index per store; a product change bumps Store.catalog_version and so a rebuild.

    Checking costs nothing: the turn has loaded the store row anyway. Turns that find the index
    missing or stale at the same moment wait for one build instead of each building their own.
    """

    def __init__(self, max_stores: int = 256):
        # store id -> (the store's created_at, catalog version, index); created_at tells a store that
        # took the id of a deleted one (SQLite reuses ids) from the store the index was built for.
        self._indexes: OrderedDict[int, tuple[datetime, int, ProductIndex]] = OrderedDict()
        self._building: dict[int, asyncio.Lock] = {}
        self._max = max_stores
        self.builds = 0  # how many indexes this cache has built, for tests and metrics

    async def get(self, session: AsyncSession, store: Store) -> ProductIndex:
        index = self._fresh(store)
        if index is not None:
            return index
        lock = self._building.setdefault(store.id, asyncio.Lock())
        async with lock:
            index = self._fresh(store)  # built while we waited
            if index is None:
                index = await self._build(session, store)
        return index

    def _fresh(self, store: Store) -> ProductIndex | None:
        cached = self._indexes.get(store.id)
        # An index of a newer catalog than this turn's store row (another turn rebuilt it) is fresh too.
        if cached is None or cached[0] != store.created_at or cached[1] < store.catalog_version:
            return None
        self._indexes.move_to_end(store.id)
        return cached[2]

    async def _build(self, session: AsyncSession, store: Store) -> ProductIndex:
        records = await load_product_records(session, store.id, include_inactive=True)
        index = await asyncio.to_thread(ProductIndex.build, records)
        self.builds += 1
        logger.info("built product index for store %s: %d products (version %d)",
                    store.code, len(records), store.catalog_version)
        self._indexes[store.id] = (store.created_at, store.catalog_version, index)
        self._indexes.move_to_end(store.id)
        while len(self._indexes) > self._max:
            evicted, _ = self._indexes.popitem(last=False)
            self._building.pop(evicted, None)
        return index
