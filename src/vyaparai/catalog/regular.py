"""Which of several equally fitting products is the store's regular one, from the catalog's own facts."""
from __future__ import annotations

from statistics import median

from vyaparai.catalog.entry import MULTIPACK, SIZED_PACK
from vyaparai.catalog.terms import COLOUR_PREFIX, neutral_keys

# Forms a shopkeeper hands over only when they are asked for: "Surf Excel" is the powder, not the bar;
# "Maggi" one packet, not the pack of four; "Parle-G" not its Family Pack; a refill or a sachet only by name.
SPECIAL_FORMS = frozenset({"form_bar", "form_refill", "form_sachet", MULTIPACK, SIZED_PACK})
_WINDOW = 20.0  # candidates this far below the best one are not contenders for "the regular one"
_MAX_GROUP = 24  # nor are those past the first couple of dozen (and comparing every pair costs time)
_FORM_COST = 8.0
_KIND_COST = 10.0  # "colgate" and the brand's toothbrush: not what the brand's name stands for
_SAMPLE_COST = 4.0  # a pack far smaller than its siblings' usual size: a trial or sachet-sized pack
_SAMPLE_SHARE = 0.25
_PREMIUM_FROM = 1.2  # price per gram/ml this much above the cheapest sibling begins to cost
_PREMIUM_SLOPE = 15.0
_PREMIUM_MAX = 15.0


def settle(scored: list, said_forms: frozenset[str], brand_kinds: frozenset[str] = frozenset()) -> None:
    """Among products that explain the same words of a bare request, let the regular one lead.

    The number of words in a name says nothing about which variety is the usual one (Gobindobhog Rice
    is not plainer than Sona Masoori Rice), so a product whose unasked words are not a superset of a
    sibling's (not "Tata Salt" + "Lite") is lifted to the best fit among them; then costs for a special
    form nobody said, a sample-sized pack and a price above its siblings' separate them. A bare brand
    the lexicon knows as a kind (`brand_kinds`: "colgate" = toothpaste) wants a product of that kind.
    `scored` items have .entry, .words, .score and .fit (scoring.Fit); scores change in place."""
    if not scored:
        return
    top = max(scored, key=lambda s: s.score)
    group = [s for s in scored if s.fit.explained == top.fit.explained and s.words >= top.words - _WINDOW]
    group = sorted(group, key=lambda s: -s.score)[:_MAX_GROUP]
    if len(group) < 2:
        return
    plain = [s for s in group if not s.fit.extra_head or s.entry.concepts & brand_kinds]
    best = max(s.words for s in group)
    telling = {id(s): _telling(s) for s in plain}
    for s in plain:
        if not any(telling[id(o)] < telling[id(s)] for o in plain):
            s.score += best - s.words
    ordinary = [(s.entry.record.base_unit, s.entry.kind, s.entry.record) for s in group
                if not s.entry.forms & SPECIAL_FORMS]  # made once: every product is priced against them
    costs = {id(s): _cost(s.entry, ordinary, said_forms | _sizes_said(s))
             + _kind_cost(s.entry, brand_kinds) for s in group}
    least = min(costs.values())
    for s in group:
        s.score -= costs[id(s)] - least


def _telling(s) -> frozenset[str]:
    """Unasked words of a name that tell it from its siblings: not words every product of a kind may carry
    ("loose", "pure"), nor the colour of its pack ("Nandini Toned Milk (Blue)" is the plain toned milk,
    "Homogenised Toned Milk" another one)."""
    colours = {t.key for t in s.entry.name if t.concepts and all(c.startswith(COLOUR_PREFIX) for c in t.concepts)}
    return s.fit.extras - neutral_keys() - colours


def _sizes_said(s) -> frozenset[str]:
    """A pack's size words said as the name has them ("ಜಂಬೋ ಪ್ಯಾಕ್", "jumbo" of a Jumbo Pack) ask for it."""
    sized = {t.key for t in s.entry.name if SIZED_PACK in t.concepts}
    return frozenset({SIZED_PACK}) if sized and not sized <= s.fit.extras else frozenset()


def _kind_cost(entry, brand_kinds: frozenset[str]) -> float:
    """A bare brand that stands for a kind ("surf" = washing powder): a product not of that kind costs,
    and one whose name says a narrower other kind too ("liquid detergent") costs half."""
    if not brand_kinds:
        return 0.0
    if not entry.concepts & brand_kinds:
        return _KIND_COST
    return _KIND_COST / 2 if entry.kind - brand_kinds else 0.0


def _cost(entry, ordinary: list, said_forms: frozenset[str]) -> float:
    cost = _FORM_COST * len((entry.forms & SPECIAL_FORMS) - said_forms)
    unit = entry.record.base_unit
    siblings = [r for u, kind, r in ordinary if u == unit and _same_kind(kind, entry.kind)]
    if not siblings:
        return cost
    r = entry.record
    usual = median(x.pack_base for x in siblings)
    if not r.loose and r.pack_base < _SAMPLE_SHARE * usual:
        cost += _SAMPLE_COST
    cheapest = min(x.price_paise / x.pack_base for x in siblings)
    if cheapest > 0:
        ratio = (r.price_paise / r.pack_base) / cheapest
        cost += min(_PREMIUM_MAX, max(0.0, (ratio - _PREMIUM_FROM) * _PREMIUM_SLOPE))
    return cost


def _same_kind(a: frozenset[str], b: frozenset[str]) -> bool:
    """Prices are compared within one kind only, by the lexicon concepts of the names' head words
    (butter is dearer than curd by the gram, and that says nothing)."""
    return bool(a & b) or not (a or b)
