"""Kind and direction: share, growth, amount, count, quantity or rank; up or down."""

from __future__ import annotations

from spacy.tokens import Doc

from plancli.quantities import Quantity
from plancli.statements.common import Labels, tokens_of


def kind(doc: Doc, q: Quantity, clause_start: int, labels: Labels) -> tuple[str, str]:
    """The kind of quantity ``q`` and the reason (a short rule name)."""
    if q.unit_type == "rank":
        return "rank", "unit-rank"
    if q.unit_type == "currency":
        return "amount", "unit-currency"
    if q.unit_type == "count":
        return "count", "unit-count"
    if q.unit_type == "unit":
        return "quantity", "unit-physical"
    if q.unit_type == "multiple":
        return "growth", "multiple"  # "16-fold", "more than double": a change by a factor
    if q.unit == "percentage_point":
        return "growth", "percentage-point"
    if q.end < len(doc) and doc[q.end].lower_ == "of":
        return "share", "percent-of"  # "70 percent of new construction"
    if q.start > 0 and doc[q.start - 1].lower_ == "by":
        return "growth", "by-percent"  # "(cut emissions) by 55%", "and by 20% by 2035"
    if q.start > 0 and doc[q.start - 1].lower_ == "to":
        return "share", "to-percent"  # "rise to 50%": the level reached, not the change
    window = range(clause_start, min(len(doc), q.end + 3))
    growth = any("GROWTH_CUE" in labels.get(i, ()) and "SHARE_CUE" not in labels.get(i, ())
                 for i in window if not (q.start <= i < q.end))
    before = q.start - 1
    level = before >= 0 and doc[before].lower_ == "to" and any("SHARE_CUE" in labels.get(i, ()) for i in window)
    if growth and not level:
        return "growth", "growth-cue"
    if not level and _growth_target_sentence(doc, q, labels):
        return "growth", "growth-target"  # "From the view of growth targets, provinces set the target at 5%"
    return "share", "default-share"


#: Nouns that make a growth word name a rate of change: "growth target", "growth rate", "growth goal".
_GROWTH_HEADS = frozenset({"target", "targets", "goal", "goals", "rate", "rates", "objective"})


def _growth_target_sentence(doc: Doc, q: Quantity, labels: Labels) -> bool:
    """Whether the quantity's sentence names a growth target or rate and no share at all: a percent in a
    later clause ("..., which is more than 7%") is that growth."""
    sent = doc[q.start].sent
    lowers = tokens_of(doc).lower
    found = False
    for i in range(sent.start, sent.end):
        here = labels.get(i, ())
        if "SHARE_CUE" in here:
            return False
        if ("GROWTH_CUE" in here and not q.start <= i < q.end and i + 1 < sent.end
                and lowers[i + 1] in _GROWTH_HEADS):
            found = True
    return found


#: Words that join the items of a list of figures: "11.8%, 13.7% and 11.5%", "5%, followed by 6%".
_LIST_JOINERS = frozenset({",", "and", "or", "followed", "by", "then"})


def listed_after(doc: Doc, previous: Quantity, q: Quantity) -> bool:
    """Whether ``q`` is the next item of a list of figures in the same unit as ``previous``."""
    return (previous.unit == q.unit and previous.end <= q.start
            and all(doc[i].lower_ in _LIST_JOINERS for i in range(previous.end, q.start)))


def direction(doc: Doc, q: Quantity, clause_start: int, labels: Labels) -> str | None:
    """"up" or "down" from the nearest direction word before the quantity (else just after it)."""
    for i in list(range(q.start - 1, clause_start - 1, -1)) + list(range(q.end, min(len(doc), q.end + 3))):
        if "DIRECTION_UP" in labels.get(i, ()):
            return "up"
        if "DIRECTION_DOWN" in labels.get(i, ()):
            return "down"
    return None
