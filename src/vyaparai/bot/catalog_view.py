"""Each store's product index, built once per catalog version and shared by every conversation."""
from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.matcher import ProductIndex
from vyaparai.catalog.repository import load_product_records
from vyaparai.db.models import Store

logger = logging.getLogger(__name__)


class IndexCache:
    """Keeps the latest index per store; a product change bumps Store.catalog_version and so a rebuild."""

    def __init__(self, max_stores: int = 256):
        self._indexes: OrderedDict[int, tuple[int, ProductIndex]] = OrderedDict()
        self._max = max_stores
        self._lock = asyncio.Lock()

    async def get(self, session: AsyncSession, store: Store) -> ProductIndex:
        cached = self._indexes.get(store.id)
        if cached and cached[0] == store.catalog_version:
            self._indexes.move_to_end(store.id)
            return cached[1]
        records = await load_product_records(session, store.id, include_inactive=True)
        index = await asyncio.to_thread(ProductIndex.build, records)
        logger.info("built product index for store %s: %d products (version %d)",
                    store.code, len(records), store.catalog_version)
        async with self._lock:
            self._indexes[store.id] = (store.catalog_version, index)
            self._indexes.move_to_end(store.id)
            while len(self._indexes) > self._max:
                self._indexes.popitem(last=False)
        return index
