"""Finding the open stores nearest a customer's shared location."""
from datetime import UTC, datetime

import pytest

from vyaparai.catalog.geo import nearest_open_stores
from vyaparai.catalog.stores import create_store

NOON_IST = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)  # a Friday
HOME = (12.9716, 77.5946)  # central Bengaluru
DAYTIME = {day: [["08:00", "21:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
NIGHT_ONLY = {"fri": [["20:00", "23:59"]]}


async def add_store(session, code: str, lat: float | None, lon: float | None, hours: dict | None = None):
    return await create_store(session, code=code, name=f"Store {code}", owner_phones=["9876543210"],
                              lat=lat, lon=lon, opening_hours=hours)


async def test_nearest_open_stores_come_first_with_their_distance(sessions):
    async with sessions() as s, s.begin():
        await add_store(s, "FAR", 13.0100, 77.5946)  # ~4.3 km north
        await add_store(s, "NEAR", 12.9806, 77.5946, DAYTIME)  # ~1 km north
        await add_store(s, "MID", 12.9716, 77.6146)  # ~2.2 km east
        await add_store(s, "FOURTH", 13.0300, 77.5946)
        found = await nearest_open_stores(s, *HOME, NOON_IST)
    assert [f.code for f in found] == ["NEAR", "MID", "FAR"]
    assert found[0].name == "Store NEAR"
    assert found[0].distance_km == pytest.approx(1.0, abs=0.05)


async def test_closed_stores_and_stores_without_a_location_are_left_out(sessions):
    async with sessions() as s, s.begin():
        await add_store(s, "NIGHT", 12.9720, 77.5950, NIGHT_ONLY)
        switched_off = await add_store(s, "SHUT", 12.9720, 77.5950)
        switched_off.is_open = False
        await add_store(s, "NOWHERE", None, None)
        await add_store(s, "OPEN", 12.9900, 77.5946)
        found = await nearest_open_stores(s, *HOME, NOON_IST)
    assert [f.code for f in found] == ["OPEN"]


async def test_a_store_in_another_city_is_not_near(sessions):
    async with sessions() as s, s.begin():
        await add_store(s, "MUMBAI", 19.0760, 72.8777)
        assert await nearest_open_stores(s, *HOME, NOON_IST) == []
