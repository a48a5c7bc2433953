"""A location shared outside checkout: the nearest open stores, and the point kept as the customer's address."""
from __future__ import annotations

from vyaparai import locales
from vyaparai.bot.turn import Turn
from vyaparai.catalog.geo import nearest_open_stores
from vyaparai.orders.customers import save_address


async def show_nearby(turn: Turn) -> None:
    loc = turn.inbound.location
    if loc is None:
        turn.say("didnt_understand")
        return
    # Kept so that the next checkout offers it ("deliver to ...?") instead of asking again.
    await save_address(turn.session, turn.customer, loc.address or loc.name or f"{loc.lat:.5f}, {loc.lon:.5f}",
                       lat=loc.lat, lon=loc.lon)
    stores = await nearest_open_stores(turn.session, loc.lat, loc.lon, turn.now)
    if not stores:
        turn.line("no_store_nearby")
    else:
        turn.line("nearby_stores_header")
        for n, store in enumerate(stores, start=1):
            # The bot does not know the public web address (BotSettings has no base URL), so the store code
            # stands for the store: it is what the web chat link (/chat/<code>) and the terminal take.
            turn.line("nearby_store_line", n=n, name=store.name, code=store.code,
                      distance=f"{locales.number(round(store.distance_km, 1), turn.lang)} km")
    turn.line("location_saved")
    turn.send()
