"""A store's rules as typed (CLI options, panel fields): checked, turned into column values, and applied with history.

The rules are the Store columns listed in RULES. Text comes in as the owner or operator wrote it ("₹200",
"on", "Mon-Sat 08:00-21:00, Sun closed"); a value that cannot be right is refused with an InvalidRule that
names the field, so the CLI prints its sentence and the panel puts its own translated sentence by the field.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy.ext.asyncio import AsyncSession

from vyaparai.catalog.hours import DAYS, check_opening_hours
from vyaparai.catalog.store_status import record_event
from vyaparai.catalog.stores import InvalidStoreValue
from vyaparai.db.models import Store

__all__ = [
    "RULES", "MAX_PAISE", "MAX_RADIUS_KM", "InvalidRule", "parse_rupees", "parse_switch", "parse_radius_km",
    "parse_hours", "parse_week", "parse_interval", "check_day", "format_hours", "parse_rule", "parse_rules",
    "update_store_rules",
]

# The largest amount each money rule may be: past these it is a typo (paise typed as rupees, an extra zero).
MAX_PAISE = {"min_order_paise": 50_000_00, "delivery_charge_paise": 1_000_00, "free_delivery_above_paise": 50_000_00}
MAX_RADIUS_KM = 50
RULES = ("min_order_paise", "delivery_charge_paise", "free_delivery_above_paise", "opening_hours", "cod_enabled",
         "online_enabled", "delivery_radius_km", "orders_when_closed")
_OPTIONAL = ("free_delivery_above_paise", "delivery_radius_km")  # None: "no free delivery", "delivers anywhere"
_NONE_WORDS = {"none", "off", "no", "never", "anywhere", "any", "-"}
_SWITCH_WORDS = {"on": True, "yes": True, "true": True, "1": True,
                 "off": False, "no": False, "false": False, "0": False}
_MONEY_MARKS = re.compile(r"₹|\brs\.?|\binr\b|/-|\s", re.IGNORECASE)
_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{2,3})*,\d{3}|\d+)(\.\d*)?$|^-?\.\d+$")
_DAY_NAMES = {name: day for day in DAYS for name in (day, {"mon": "monday", "tue": "tuesday", "wed": "wednesday",
              "thu": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}[day])} | {
              "tues": "tue", "thur": "thu", "thurs": "thu"}
_EVERY_DAY = {"daily", "everyday", "all"}
_ALWAYS = {"always", "always open", "24x7", "24/7"}
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|\bto\b)\s*(.+)$")
_TIME_RANGE = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|–|\bto\b)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?")


class InvalidRule(InvalidStoreValue):
    """A rule value that cannot be used; `field` is the Store column, `problem` an English sentence."""

    code = "invalid_rule"


def parse_rupees(text: str, field: str) -> int | None:
    """Rupees with at most two decimals -> paise ("199.50" -> 19950); 0 is allowed, below it and silly sizes are not.

    For the optional amount (free delivery above) "none" or an empty text means None.
    """
    raw = (text or "").strip()
    if field in _OPTIONAL and raw.lower() in _NONE_WORDS | {""}:
        return None
    cleaned = _MONEY_MARKS.sub("", raw)
    if not _AMOUNT.match(cleaned):
        raise InvalidRule(field, text, "is not an amount in rupees (like 200 or 199.50)")
    try:
        paise = Decimal(cleaned.replace(",", "")) * 100
    except InvalidOperation:
        raise InvalidRule(field, text, "is not an amount in rupees (like 200 or 199.50)") from None
    if paise < 0:
        raise InvalidRule(field, text, "cannot be below zero")
    if paise != paise.to_integral_value():
        raise InvalidRule(field, text, "has more than 2 decimals")
    if paise > MAX_PAISE[field]:
        raise InvalidRule(field, text, f"is more than ₹{MAX_PAISE[field] // 100:,}; is it in rupees?")
    if field in _OPTIONAL and paise == 0:
        raise InvalidRule(field, text, "must be more than 0, or 'none' for no free delivery")
    return int(paise)


def parse_switch(text: str, field: str) -> bool:
    """on/off, yes/no, true/false (any case)."""
    value = _SWITCH_WORDS.get((text or "").strip().lower())
    if value is None:
        raise InvalidRule(field, text, "must be on or off")
    return value


def parse_radius_km(text: str) -> float | None:
    """Kilometres, more than 0 and at most 50; "none" (or empty) means the store delivers anywhere."""
    raw = (text or "").strip().lower().removesuffix("km").strip()
    if raw in _NONE_WORDS | {""}:
        return None
    try:
        km = Decimal(raw)
    except InvalidOperation:
        raise InvalidRule("delivery_radius_km", text, "is not a distance in km (like 3 or 2.5)") from None
    if not km.is_finite() or not 0 < km <= MAX_RADIUS_KM:
        raise InvalidRule("delivery_radius_km", text, f"must be more than 0 and at most {MAX_RADIUS_KM} km")
    return float(km)


def parse_hours(text: str) -> dict:
    """"Mon-Sat 08:00-21:00, Sun 09:00-13:00" -> {"mon": [["08:00", "21:00"]], ..., "sun": [["09:00", "13:00"]]}.

    Days not named are closed; a later part overrides an earlier one ("daily 8am-9pm, sun closed"); a day may have
    several intervals ("Mon 08:00-13:00 16:00-21:00"); an interval past midnight ("18:00-02:00") belongs to the
    day it starts. "always" gives {} (always open).
    """
    spec = " ".join((text or "").lower().split())
    if not spec:
        raise InvalidRule("opening_hours", text, "is empty (give hours like 'Mon-Sat 08:00-21:00' or 'always')")
    if spec in _ALWAYS:
        return {}
    hours: dict[str, list] = {day: [] for day in DAYS}
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", spec))):
        days, rest = _days_of(part)
        intervals = [] if rest == "closed" else check_day([parse_interval(*_split_range(r)) for r in _ranges(rest)])
        for day in days:
            hours[day] = intervals
    return _whole_week(hours, text)


def parse_week(rows: Mapping[str, list[tuple[str, str]] | None]) -> tuple[dict, dict[str, InvalidRule]]:
    """A form's row per weekday (None: closed; else (opens, closes) pairs, blank pairs skipped) -> opening hours.

    Returns (hours, {day: InvalidRule}); a week closed every day is refused under the key "week".
    """
    hours, problems = {}, {}
    for day in DAYS:
        pairs = [(o, c) for o, c in rows.get(day) or () if o.strip() or c.strip()]
        try:
            if rows.get(day) is not None and not pairs:
                raise InvalidRule("opening_hours", day, "needs opening and closing times, or closed")
            hours[day] = check_day([parse_interval(opens, closes) for opens, closes in pairs])
        except InvalidRule as e:
            problems[day] = e
    if problems:
        return {}, problems
    try:
        return _whole_week(hours, rows), {}
    except InvalidRule as e:
        return {}, {"week": e}


def parse_interval(opens: str, closes: str) -> list[str]:
    """One interval from two clock times ("8", "08:00", "8:30pm") -> ["08:00", "20:30"]."""
    start, end = _clock(opens), _clock(closes, closing=True)
    if start == end:
        raise InvalidRule("opening_hours", f"{opens}-{closes}", "opens and closes at the same time")
    if start == "24:00":
        raise InvalidRule("opening_hours", opens, "a day cannot open at 24:00 (use 00:00)")
    return [start, end]


def check_day(intervals: list[list[str]]) -> list[list[str]]:
    """A day's intervals in order, refusing ones that overlap (one past midnight must be the day's last)."""
    ordered = sorted(intervals)
    for (start, end), (next_start, _) in zip(ordered, ordered[1:], strict=False):
        if end < start or end > next_start:
            raise InvalidRule("opening_hours", ordered, "has times that overlap")
    return ordered


def format_hours(hours: Mapping) -> str:
    """The reverse of parse_hours: {"mon": [["08:00", "21:00"]], ...} -> "Mon-Sat 08:00-21:00, Sun closed"."""
    if not hours:
        return "always open"
    shown = [" ".join(f"{a}-{b}" for a, b in hours.get(day) or ()) or "closed" for day in DAYS]
    if len(set(shown)) == 1:
        return f"daily {shown[0]}"
    parts, first = [], 0
    for i in range(1, len(DAYS) + 1):
        if i == len(DAYS) or shown[i] != shown[first]:
            names = DAYS[first].title() + (f"-{DAYS[i - 1].title()}" if i - 1 > first else "")
            parts.append(f"{names} {shown[first]}")
            first = i
    return ", ".join(parts)


def parse_rule(field: str, text: str):
    """One rule's column value from text, or InvalidRule."""
    if field in MAX_PAISE:
        return parse_rupees(text, field)
    if field == "opening_hours":
        return parse_hours(text)
    if field == "delivery_radius_km":
        return parse_radius_km(text)
    if field in RULES:
        return parse_switch(text, field)
    raise KeyError(field)


def parse_rules(texts: Mapping[str, str]) -> tuple[dict, dict[str, InvalidRule]]:
    """Each given rule parsed: ({field: value}, {field: InvalidRule}); the caller changes nothing when any is bad."""
    values, problems = {}, {}
    for field, text in texts.items():
        try:
            values[field] = parse_rule(field, text)
        except InvalidRule as e:
            problems[field] = e
    return values, problems


async def update_store_rules(session: AsyncSession, store: Store, changes: Mapping, actor: str,
                             now: datetime | None = None) -> dict[str, list]:
    """Apply parsed rule values in the caller's transaction; {field: [old, new]} of what changed (and was recorded).

    Refuses (InvalidRule) a value of the wrong kind, and cash on delivery and online payment both off.
    """
    _check_values(changes)
    # Locked and read afresh, so two people switching off cash and online at once cannot both get through.
    await session.refresh(store, list(RULES), with_for_update=True)
    after = {field: changes.get(field, getattr(store, field)) for field in RULES}
    if not after["cod_enabled"] and not after["online_enabled"]:
        raise InvalidRule("cod_enabled", False, "cash on delivery and online payment cannot both be off")
    changed = {field: [getattr(store, field), value] for field, value in changes.items()
               if getattr(store, field) != value}
    if not changed:
        return {}
    for field, (_, value) in changed.items():
        setattr(store, field, value)
    await record_event(session, store.id, "rules_changed", actor=actor, now=now, detail={
        "old": {field: old for field, (old, _) in changed.items()},
        "new": {field: new for field, (_, new) in changed.items()}})
    return changed


def _check_values(changes: Mapping) -> None:
    for field, value in changes.items():
        if field not in RULES:
            raise InvalidRule(field, value, "is not a store rule")
        if value is None and field in _OPTIONAL:
            continue
        if field in MAX_PAISE:
            ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_PAISE[field]
        elif field == "delivery_radius_km":
            ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= MAX_RADIUS_KM
        elif field == "opening_hours":
            ok = check_opening_hours(value) is None
        else:
            ok = isinstance(value, bool)
        if not ok:
            raise InvalidRule(field, value, "is not a usable value for this rule")


def _whole_week(hours: dict, typed) -> dict:
    if not any(hours.values()):
        raise InvalidRule("opening_hours", typed, "would keep the shop closed every day (pause the store instead)")
    if all(h == [["00:00", "24:00"]] for h in hours.values()):
        return {}  # open round the clock is what "no hours" already means
    return hours


def _days_of(part: str) -> tuple[list[str], str]:
    """The days a part of the spec names, and the rest: "mon-sat 08:00-21:00" -> (["mon".."sat"], "08:00-21:00")."""
    first_time = _TIME_RANGE.search(part)
    closed = re.search(r"\bclosed\b", part)
    cut = min((m.start() for m in (first_time, closed) if m), default=None)
    if cut is None:
        raise InvalidRule("opening_hours", part, "needs times like 08:00-21:00, or 'closed'")
    names, rest = re.sub(r"\s*(-|–|\bto\b)\s*", "-", part[:cut].strip()), part[cut:].strip()
    if closed and rest != "closed":
        raise InvalidRule("opening_hours", part, "a closed day has no times")
    if not names:
        raise InvalidRule("opening_hours", part, "does not say which days (like Mon-Sat, Sun or daily)")
    days: list[str] = []
    for name in re.split(r"[\s/&+]+|\band\b", names):
        days += _day_range(name, part) if name else []
    return days, rest


def _day_range(name: str, part: str) -> list[str]:
    if name in _EVERY_DAY:
        return list(DAYS)
    ends = [_DAY_NAMES.get(n.strip()) for n in re.split(r"-|–|\bto\b", name)]
    if not ends or None in ends or len(ends) > 2:
        raise InvalidRule("opening_hours", part, f"{name!r} is not a day (Mon, Tue ... Sun, or daily)")
    first, last = DAYS.index(ends[0]), DAYS.index(ends[-1])
    return [DAYS[(first + i) % 7] for i in range((last - first) % 7 + 1)]  # "Sat-Mon" wraps over Sunday


def _ranges(rest: str) -> list[str]:
    found = _TIME_RANGE.findall(rest)
    if _TIME_RANGE.sub("", rest).strip(" ,&") or not found:
        raise InvalidRule("opening_hours", rest, "needs times like 08:00-21:00 or 8am-9pm")
    return found


def _split_range(text: str) -> tuple[str, str]:
    opens, closes = _RANGE.match(text).groups()
    return opens, closes


def _clock(text: str, *, closing: bool = False) -> str:
    match = _TIME.match((text or "").strip().lower())
    if not match:
        raise InvalidRule("opening_hours", text, "is not a time like 08:00 or 8pm")
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half and not 1 <= hour <= 12:
        raise InvalidRule("opening_hours", text, "is not a time like 08:00 or 8pm")
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    if closing and hour == 0 and minute == 0:
        return "24:00"  # "till 12am" or "-00:00" is the end of the day
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise InvalidRule("opening_hours", text, "is not a time of day")
    if hour == 24 and not closing:
        return "24:00"
    return f"{hour:02d}:{minute:02d}"
