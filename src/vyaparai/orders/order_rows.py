"""A new order written by one statement on PostgreSQL: the order, its lines, its first status event and the emptied
cart, made ORM objects as if loaded (orders/adopted.py).

Through the unit of work the same rows cost three flushed INSERTs (the order, then its lines, then the event,
each waiting for the order's id) and a DELETE: four round trips and the flush's bookkeeping.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, bindparam, column, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.db import driver, order_changes
from vyaparai.db.models import Customer, Order, OrderItem, OrderStatusEvent
from vyaparai.orders.adopted import adopt_values

_ORDER_COLUMNS = ("store_id", "customer_id", "number", "status", "payment_status", "payment_method",
                  "subtotal_paise", "delivery_fee_paise", "total_paise", "delivery_address", "delivery_lat",
                  "delivery_lon", "channel", "language", "cancel_reason", "placed_at", "updated_at")
_LINE_COLUMNS = ("product_id", "sku", "name", "unit", "pack_base", "loose", "qty_milli", "unit_price_paise",
                 "line_total_paise")
_LINE_TYPES = (Integer, String, Text, String, Integer, Boolean, BigInteger, BigInteger, BigInteger)
_EVENT_COLUMNS = ("from_status", "to_status", "actor", "note", "at")
_ORDERS, _EVENTS = Order.__table__, OrderStatusEvent.__table__

# The lines come as one typed array per column (unnest, in the cart's order): one prepared statement for any order.
_PLACE = text(f"""
WITH placed AS (
    INSERT INTO orders ({", ".join(_ORDER_COLUMNS)})
    VALUES ({", ".join(f":order_{c}" for c in _ORDER_COLUMNS)})
    RETURNING id),
lines AS (
    INSERT INTO order_items (order_id, {", ".join(_LINE_COLUMNS)})
    SELECT placed.id, {", ".join(f"l.{c}" for c in _LINE_COLUMNS)}
    FROM placed, unnest({", ".join(f":lines_{c}" for c in _LINE_COLUMNS)})
         WITH ORDINALITY AS l({", ".join(_LINE_COLUMNS)}, n)
    ORDER BY l.n
    RETURNING id, product_id),
event AS (
    INSERT INTO order_status_events (order_id, {", ".join(_EVENT_COLUMNS)})
    SELECT placed.id, {", ".join(f":event_{c}" for c in _EVENT_COLUMNS)} FROM placed
    RETURNING id),
emptied AS (DELETE FROM cart_items WHERE cart_id = :emptied_cart_id)
SELECT placed.id AS order_id, (SELECT event.id FROM event) AS event_id,
       (SELECT array_agg(lines.id) FROM lines) AS line_ids,
       (SELECT array_agg(lines.product_id) FROM lines) AS line_products
FROM placed
""").bindparams(
    *(bindparam(f"order_{c}", type_=_ORDERS.c[c].type) for c in _ORDER_COLUMNS),
    *(bindparam(f"lines_{c}", type_=ARRAY(t)) for c, t in zip(_LINE_COLUMNS, _LINE_TYPES)),
    *(bindparam(f"event_{c}", type_=_EVENTS.c[c].type) for c in _EVENT_COLUMNS),
    bindparam("emptied_cart_id", type_=Integer),
).columns(column("order_id", Integer), column("event_id", Integer), column("line_ids", ARRAY(Integer)),
           column("line_products", ARRAY(Integer)))


async def insert_order(session: AsyncSession, customer: Customer, order: dict, lines: list[dict], event: dict,
                       emptied_cart_id: int) -> Order:
    """PostgreSQL only: the order (its columns but the id), its lines and its first event written, the cart
    emptied; returns the persistent Order with `items`, `history` and `customer` loaded, announced as placed."""
    params = {f"order_{c}": order.get(c) for c in _ORDER_COLUMNS}
    params.update({f"lines_{c}": [line[c] for line in lines] for c in _LINE_COLUMNS})
    params.update({f"event_{c}": event.get(c) for c in _EVENT_COLUMNS})
    params["emptied_cart_id"] = emptied_cart_id
    order_id, event_id, line_ids, line_products = (await driver.execute(session, _PLACE, params)).one()
    placed = adopt_values(session, Order, {c: order.get(c) for c in _ORDER_COLUMNS} | {"id": order_id})
    id_of = dict(zip(line_products, line_ids))
    items = [adopt_values(session, OrderItem, {**line, "id": id_of[line["product_id"]], "order_id": order_id})
             for line in lines]
    first = adopt_values(session, OrderStatusEvent, {c: event.get(c) for c in _EVENT_COLUMNS}
                         | {"id": event_id, "order_id": order_id})
    for child in (*items, first):
        set_committed_value(child, "order", placed)
    set_committed_value(placed, "items", sorted(items, key=lambda i: i.id))
    set_committed_value(placed, "history", [first])
    set_committed_value(placed, "customer", customer)
    # What the session's after_flush would have seen (db/order_changes.py): a new order, told after the commit.
    order_changes.order_placed(session, placed)
    return placed

