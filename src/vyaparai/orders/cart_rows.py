"""The cart's hot statements, built once and sent on db/driver.py's short way: its lines and their products read
as columns and made ORM objects (orders/adopted.py), and a new line written together with the product's stock.

Through the ORM, the cart's joined load cost a turn about as much client CPU as three short-way round trips
(the query's compilation and cache key, the loading machinery, an autoflush check), and adding a product
took a second round trip to read its stock again before the INSERT.
"""
from __future__ import annotations

from sqlalchemy import bindparam, insert, inspect, literal, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from vyaparai.db import driver
from vyaparai.db.models import Cart, CartItem, Product
from vyaparai.orders.adopted import adopt, adopt_columns, entity_columns

_CARTS, _LINES, _PRODUCTS = Cart.__table__, CartItem.__table__, Product.__table__
_CART_COLUMNS, _LINE_COLUMNS = entity_columns(Cart, "cart"), entity_columns(CartItem, "line")
_PRODUCT_COLUMNS = entity_columns(Product, "product")
_CART_AT = slice(0, len(_CART_COLUMNS))
_LINE_AT = slice(_CART_AT.stop, _CART_AT.stop + len(_LINE_COLUMNS))
_PRODUCT_AT = slice(_LINE_AT.stop, _LINE_AT.stop + len(_PRODUCT_COLUMNS))

# The cart, one row per line (one row of NULLs after the cart's columns for an empty cart), lines in the
# order the relationship keeps them (CartItem.id).
_CART_ROWS = (
    select(*_CART_COLUMNS, *_LINE_COLUMNS, *_PRODUCT_COLUMNS)
    .select_from(_CARTS.outerjoin(_LINES, _LINES.c.cart_id == _CARTS.c.id)
                 .outerjoin(_PRODUCTS, _PRODUCTS.c.id == _LINES.c.product_id))
    .where(_CARTS.c.store_id == bindparam("store_id"), _CARTS.c.customer_id == bindparam("customer_id"))
    .order_by(_LINES.c.id)
)


CART_ROW_COLUMNS = (*_CART_COLUMNS, *_LINE_COLUMNS, *_PRODUCT_COLUMNS)


def cart_rows_of(store_id, customer_id):
    """The rows _CART_ROWS reads, as a LATERAL subquery for (store_id, customer_id) SQL expressions: a statement
    reading the turn's other rows reads the cart with them (turn_rows.py), and hands them to `preload`."""
    return (select(*CART_ROW_COLUMNS)
            .select_from(_CARTS.outerjoin(_LINES, _LINES.c.cart_id == _CARTS.c.id)
                         .outerjoin(_PRODUCTS, _PRODUCTS.c.id == _LINES.c.product_id))
            .where(_CARTS.c.store_id == store_id, _CARTS.c.customer_id == customer_id)
            .lateral("cart_rows"))


_PRELOADED = "vyaparai.cart_rows"  # session.info: (store_id, customer_id, the rows read with the turn's claim)


def preload(session: AsyncSession, store_id: int, customer_id: int, rows: list) -> None:
    """Cart rows read by the statement that locked the customer's conversation (after it got the lock, so no
    turn of theirs wrote since): the turn's first load_cart takes them instead of asking again. Rows of only
    NULLs say there is no cart."""
    session.info[_PRELOADED] = (store_id, customer_id, [row for row in rows if row[0] is not None])


async def load_cart(session: AsyncSession, store_id: int, customer_id: int) -> Cart | None:
    """The customer's cart with its lines and their products as the database has them now (objects the session
    holds already are brought up to date, as a query with populate_existing would); None if there is none."""
    rows = _preloaded(session, store_id, customer_id)
    if rows is None:
        if session.new or session.dirty or session.deleted:
            await session.flush()  # what the ORM's autoflush did before its query: the read sees the turn's changes
        rows = (await driver.execute(session, _CART_ROWS, {"store_id": store_id, "customer_id": customer_id})).all()
    if not rows:
        return None
    cart = adopt_columns(session, Cart, rows[0][_CART_AT], refresh=True)
    lines = []
    for row in rows:
        line = adopt_columns(session, CartItem, row[_LINE_AT], refresh=True)
        if line is not None:
            set_committed_value(line, "product", adopt_columns(session, Product, row[_PRODUCT_AT], refresh=True))
            set_committed_value(line, "cart", cart)
            lines.append(line)
    set_committed_value(cart, "items", lines)
    return cart


def _preloaded(session: AsyncSession, store_id: int, customer_id: int) -> list | None:
    """The rows preloaded for this cart, once: a second load in the turn reads what the turn has written."""
    kept = session.info.pop(_PRELOADED, None)
    return kept[2] if kept is not None and kept[:2] == (store_id, customer_id) else None


_NEW_LINE = insert(_LINES).values(
    cart_id=bindparam("line_cart_id"), product_id=bindparam("line_product_id"),
    qty_milli=bindparam("line_qty_milli", type_=_LINES.c.qty_milli.type),
).returning(_LINES.c.id)


async def insert_line(session: AsyncSession, cart: Cart, product: Product, qty_milli: int) -> CartItem:
    """A new line, written at once and added to the cart's lines as the database has them."""
    line_id = (await driver.execute(session, _NEW_LINE, {"line_cart_id": cart.id, "line_product_id": product.id,
                                                         "line_qty_milli": qty_milli})).scalar_one()
    return _adopt_line(session, cart, product, line_id, qty_milli)


def _adopt_line(session: AsyncSession, cart: Cart, product: Product, line_id: int, qty_milli: int) -> CartItem:
    line = adopt(session, CartItem(id=line_id, cart_id=cart.id, product_id=product.id, qty_milli=qty_milli),
                 product=product, cart=cart)
    set_committed_value(cart, "items", [*cart.items, line])
    return line


def _stocked_line():
    """The product's row, and the id of a line of :qty_milli of it put in the cart only when the product is on
    sale in the cart's store with that much in stock (NULL otherwise) — PostgreSQL runs the INSERT once
    whatever the outer SELECT reads, and both see the same snapshot."""
    product = select(_PRODUCTS).where(_PRODUCTS.c.id == bindparam("line_product_id")).cte("product")
    wanted = bindparam("line_qty_milli", type_=_LINES.c.qty_milli.type)
    line = (insert(_LINES)
            .from_select(["cart_id", "product_id", "qty_milli"],
                         select(bindparam("line_cart_id", type_=_LINES.c.cart_id.type), product.c.id, wanted)
                         .where(product.c.store_id == bindparam("line_store_id"), product.c.active,
                                product.c.stock_milli >= wanted))
            .returning(_LINES.c.id).cte("line"))
    # FROM one row LEFT JOIN the product: a row even when the product is gone.
    one = select(literal(1).label("one")).subquery("one")
    return (select(*(product.c[prop.columns[0].name] for prop in inspect(Product).column_attrs),
                   select(line.c.id).scalar_subquery().label("line_id"))
            .select_from(one.outerjoin(product, true())))


_STOCKED_LINE = _stocked_line()


async def insert_line_if_stocked(session: AsyncSession, cart: Cart, product_id: int,
                                 qty_milli: int) -> tuple[Product | None, CartItem | None]:
    """PostgreSQL only: the product as it is now and, when it is on sale in the cart's store with qty_milli in
    stock, its new line of qty_milli (None when not written). The product must not be in the cart yet."""
    row = (await driver.execute(session, _STOCKED_LINE, {"line_product_id": product_id, "line_cart_id": cart.id,
                                                         "line_store_id": cart.store_id,
                                                         "line_qty_milli": qty_milli})).one()
    product = adopt_columns(session, Product, row[:-1], refresh=True)
    if product is None or row.line_id is None:
        return product, None
    return product, _adopt_line(session, cart, product, row.line_id, qty_milli)
