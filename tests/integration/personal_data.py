"""Where a person's phone, name or address is still written: every table's text and JSON cells, found generically."""
from __future__ import annotations

import json

from sqlalchemy import JSON, String, Text, select

from vyaparai.db.models import Base


async def rows_mentioning(sessions, *needles: str, store_id: int | None = None) -> list[str]:
    """Every table's text and JSON cells holding a needle, as "table.column" (all tables, including future ones;
    with `store_id`, the tables of one store's rows)."""
    found = []
    async with sessions() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text | JSON)]
            if not columns:
                continue
            query = select(*columns)
            if store_id is not None:
                if "store_id" not in table.columns:
                    continue
                query = query.where(table.columns["store_id"] == store_id)
            for row in (await session.execute(query)).all():
                for column, value in zip(columns, row, strict=True):
                    text = json.dumps(value, ensure_ascii=False) if isinstance(column.type, JSON) else value or ""
                    if any(n.lower() in text.lower() for n in needles):
                        found.append(f"{table.name}.{column.name}")
    return sorted(set(found))
