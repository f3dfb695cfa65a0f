"""Baselines: the stated base a change is measured from.

* a base year: "cut emissions by 55% from 1990 levels", "13.5% lower compared with 2020"
  (``BASELINE`` matches in ``patterns/baselines.jsonl``); it reaches the change quantities of its
  sentence with no other quantity in between, and is never a deadline;
* a base value: "raise the share from 22% to 35%" (the 35% record's base is 22),
  "reached 20 GW, up from 14.8 GW" (the 20 GW record's base is 14.8), "to 20%, a rise from the current
  level of 8.5%" (a lead phrase in ``patterns/baselines.jsonl``), in the same unit. A base value has no deadline.
  A base value may name its year: "from 14.8 GW in 2020".
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from plancli.quantities import Quantity
from plancli.records import Baseline
from plancli.statements.common import is_baseline_value

# Words allowed between a base value and the new value: "from 22% (in 2020) to 35%".
_FROM_TO_GAP = frozenset({"to", "in", "the", "year", "of", ",", "levels", "level"})
_MAX_AFTER_GAP = 3
_NEIGHBOURS = 2  # quantities on each side of a value where its base value may stand
_MAX_BEFORE_GAP = 6  # "the current rate of 8 percent will be raised to 10 percent"
_VALUE_LEAD = "value_lead"  # BASELINE pattern ids: "from the current level of", "the current rate of" + base value  # "20 GW last year, up from 14.8 GW": words between the value and "up from"


def baseline(doc: Doc, q: Quantity, kind: str, quantities: list[Quantity], spans: list[Span]) -> Baseline | None:
    """The baseline of ``q``: a base value paired with it, else a base year in its sentence.

    ``quantities`` are the sentence's quantities in text order, ``spans`` its ``BASELINE`` matches.
    """
    if is_baseline_value(doc, q.start) is not None:
        return None  # "from 22%": the base itself
    leads: dict[int, int] = {}
    for span in spans:
        if span.id_.startswith(_VALUE_LEAD):
            leads[span.end] = min(span.start, leads.get(span.end, span.start))  # the longest lead words
    if q.start in leads:
        return None  # "from the current level of 8.5%": the base itself
    # A base value is a near neighbour of its new value ("from 22% to 35%", "20 GW, up from 14.8 GW"):
    # looking at the two quantities on each side keeps a sentence of many numbers linear.
    at = bisect_left(quantities, q.start, key=lambda p: p.start)
    by_value = _base_value(doc, q, quantities[max(0, at - _NEIGHBOURS):at + _NEIGHBOURS + 1], leads)
    if by_value is not None:
        return by_value
    spans = [s for s in spans if not s.id_.startswith(_VALUE_LEAD)]
    if kind != "growth" or not spans:
        return None
    reachable = [s for s in spans if not any(_between(p, q, s) for p in quantities if p is not q)]
    if not reachable:
        return None
    span = min(reachable, key=lambda s: min(abs(s.start - q.end), abs(q.start - s.end)))
    year = next((int(t.text) for t in span if t.shape_ == "dddd"), None)
    return Baseline(span.text, year, None)


def _between(p: Quantity, q: Quantity, span: Span) -> bool:
    """Whether quantity ``p`` lies between ``q`` and ``span``."""
    low, high = (q.end, span.start) if span.start >= q.end else (span.end, q.start)
    return low <= p.start and p.end <= high


def _base_value(doc: Doc, q: Quantity, quantities: list[Quantity], leads: dict[int, int]) -> Baseline | None:
    """A base value in the same unit just before ("from A to q") or just after ("q, up from A",
    "q, a rise from the current level of A"); ``leads`` maps the end of a lead phrase to its start."""
    for p in quantities:
        if p is q or p.unit != q.unit:
            continue
        cue = is_baseline_value(doc, p.start)
        if cue is None:
            cue = leads.get(p.start)
            if cue is None:
                continue
            if cue > q.end and not any(o.start >= q.end and o.end <= cue for o in quantities):
                return Baseline(doc[cue:p.end].text, None, p.value)  # "q, up from the current level of A"
            gap = [t for t in doc[p.end:q.start] if not t.is_space]
            if p.end <= q.start and gap and gap[-1].lower_ == "to" and len(gap) <= _MAX_BEFORE_GAP \
                    and not any(o.start >= p.end and o.end <= q.start for o in quantities):
                return Baseline(doc[cue:p.end].text, None, p.value)  # "the current rate of A will rise to q"
            continue
        if p.end <= q.start and doc[cue].lower_ == "from":
            gap = [t for t in doc[p.end:q.start] if not t.is_space]
            if gap and gap[-1].lower_ == "to" and all(t.lower_ in _FROM_TO_GAP or t.shape_ == "dddd" for t in gap):
                year = next((int(t.text) for t in gap if t.shape_ == "dddd"), None)
                return Baseline(doc[cue:p.end].text, year, p.value)
        elif cue >= q.end:
            gap = [t for t in doc[q.end:cue] if not (t.is_space or t.is_punct)]
            if len(gap) <= _MAX_AFTER_GAP and not any(o.start >= q.end and o.end <= cue for o in quantities):
                after = doc[p.end:p.end + 2]
                year = int(after[1].text) if len(after) == 2 and after[0].lower_ == "in" \
                    and after[1].shape_ == "dddd" else None
                return Baseline(doc[cue:p.end].text, year, p.value)
    return None


def lead_ends(spans: list[Span]) -> frozenset[int]:
    """Where base values start after a lead phrase ("from the current level of" 8.5%)."""
    return frozenset(s.end for s in spans if s.id_.startswith(_VALUE_LEAD))
