"""Which stores are near a point: great-circle distance, open stores with a known location, nearest first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import asin, cos, radians, sin, sqrt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.hours import is_open_now
from vyaparai.db.models import Store

EARTH_RADIUS_KM = 6371.0088  # the mean radius; haversine on a sphere is within 0.5 % at shop distances
NEARBY_KM = 20.0  # further than this is not "near you" for a kirana that delivers


@dataclass(frozen=True)
class NearbyStore:
    code: str
    name: str
    distance_km: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance between two points given in degrees."""
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))


async def nearest_open_stores(session: AsyncSession, lat: float, lon: float, now: datetime, limit: int = 3,
                              within_km: float = NEARBY_KM) -> list[NearbyStore]:
    """The open stores closest to (lat, lon), at most `within_km` away, nearest first."""
    # Every located store is read: fine for hundreds of stores; a bounding-box filter comes with thousands.
    located = await session.scalars(
        select(Store).where(Store.lat.is_not(None), Store.lon.is_not(None), Store.is_open.is_(True)))
    near = [NearbyStore(s.code, s.name, distance_km(lat, lon, s.lat, s.lon))
            for s in located if is_open_now(s, now)]
    near = [s for s in near if s.distance_km <= within_km]
    near.sort(key=lambda s: (s.distance_km, s.code))
    return near[:limit]
