"""The languages a browser asks for, from its Accept-Language header, best first."""
from __future__ import annotations


def preferred_languages(header: str) -> list[str]:
    """Primary language tags by weight, then by order; a tag with q=0 ("not this") or a bad weight is left out."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        if weight > 0 and tag.strip():
            ranked.append((-weight, position, tag.strip().lower().split("-")[0]))
    return [primary for _, _, primary in sorted(ranked)]
