"""Say less until a reply fits a number of SMS segments: lists shortened, lesser lines left out, words never cut."""
from __future__ import annotations

import re

from vyaparai.channels.sms.segments import segments

# A numbered line of a list ("2. Maggi × 1 — ₹14", "3) Amul Butter 500g"): shortened first, from the end.
LIST_LINE = re.compile(r"^\s*\d{1,2}[.)]\s")
MORE = "+{n} ..."
ELLIPSIS = "..."  # GSM-7, so an English reply does not become UCS-2 for it


def fit(lines: list[str], kept_tail: list[str], max_segments: int, *, list_shortenable: bool = True) -> str:
    """`lines` (the body, first line the most important) and `kept_tail` (choices, a link: never dropped)
    joined, saying less until the text fits `max_segments`."""
    body = [line for line in lines if line.strip()]

    def joined() -> str:
        return "\n".join(body + kept_tail)

    if list_shortenable:
        while segments(joined()) > max_segments and _shorten_list(body):
            pass
    while segments(joined()) > max_segments and len(body) > 1:
        body.pop(_least_needed(body))
    while segments(joined()) > max_segments and body and len(body[0].split()) > 1:
        body[0] = _fewer_words(body[0])
    return joined()


def _shorten_list(body: list[str]) -> bool:
    """Replace the last line of the numbered list with "+N ..." (or grow that count); False when none is left."""
    items = [i for i, line in enumerate(body) if LIST_LINE.match(line)]
    if len(items) <= 1:
        return False
    last = items[-1]
    counter = last + 1 < len(body) and re.fullmatch(r"\+(\d+) \.\.\.", body[last + 1])
    hidden = 1 + (int(counter.group(1)) if counter else 0)
    del body[last]
    if counter:
        body[last] = MORE.format(n=hidden)
    else:
        body.insert(last, MORE.format(n=hidden))
    return True


def _least_needed(body: list[str]) -> int:
    """Which line to leave out: the last one that is neither the first nor a total or question line."""
    for i in range(len(body) - 1, 0, -1):
        if not _carries_the_point(body[i]):
            return i
    return len(body) - 1


def _carries_the_point(line: str) -> bool:
    # A line with an amount (a total, a price) or a question is what the customer must read to answer.
    return "?" in line or bool(re.search(r"(₹|Rs\.?)\s?\d", line))


def _fewer_words(line: str) -> str:
    words = line.rstrip(ELLIPSIS).split()
    return " ".join(words[:-1]) + ELLIPSIS
