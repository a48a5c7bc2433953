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
    joined, saying less until the text fits `max_segments`: a list loses its last items, then lesser lines go,
    then the longest line loses words from its end. Lines that list the choices (when not shortenable) stay."""
    body = [line for line in lines if line.strip()]
    kept = (lambda line: False) if list_shortenable else (lambda line: bool(LIST_LINE.match(line)))

    def too_long() -> bool:
        return segments("\n".join(body + kept_tail)) > max_segments

    if list_shortenable:
        while too_long() and _shorten_list(body):
            pass
    while too_long():
        droppable = [i for i in range(1, len(body)) if not kept(body[i]) and not _carries_the_point(body[i])]
        if droppable:
            body.pop(droppable[-1])
            continue
        wordy = [i for i, line in enumerate(body) if not kept(line) and len(line.split()) > 1]
        if not wordy:
            break
        longest = max(wordy, key=lambda i: len(body[i]))
        body[longest] = _fewer_words(body[longest])
    return "\n".join(body + kept_tail)


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


def _carries_the_point(line: str) -> bool:
    # A line with an amount (a total, a price) or a question is what the customer must read to answer.
    return "?" in line or bool(re.search(r"(₹|Rs\.?)\s?\d", line))


def _fewer_words(line: str) -> str:
    words = line.rstrip(ELLIPSIS).split()
    return " ".join(words[:-1]) + ELLIPSIS
