"""Status: is a quantity a target or an actual figure, and which words say so."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from plancli.quantities import Quantity
from plancli.records import Cue
from plancli.statements.common import DETERMINERS, Labels, has_any, is_baseline_value, token_chars
from plancli.statements.deadlines import Found

#: A cue found by a scan: (rule id, first token, end token).
Hit = tuple[str, int, int]


def status(doc: Doc, sent: Span, q: Quantity, labels: Labels, own: Found | None, published: date | None,
           goals: Span | None, inside: frozenset[int]) -> tuple[str, Cue]:
    """"target" or "actual" for quantity ``q``, with the rule and words that decided it."""
    deadline_past = own is not None and published is not None and own[1].end < published.isoformat()
    if deadline_past:
        return "actual", _cue(doc, "deadline-past", own[0].start, own[0].end)  # "in 2022"
    baseline = is_baseline_value(doc, q.start)
    if baseline is not None:
        return "actual", _cue(doc, "baseline-value", baseline, q.start)  # "up from 14.8 GW today"
    if goals is not None:
        return "target", _cue(doc, "goals-leadin", goals.start, goals.end)
    hit = _cue_before(doc, sent, q, labels, inside)
    if hit is not None:
        return _category(hit[0]), _cue(doc, *hit)
    after = _cue_after(doc, sent, q, labels, inside)
    if after is not None and _category(after[0]) == "actual":
        return "actual", _cue(doc, *after)  # "2.9 GW of capacity was added during FY24"
    if own is not None and (published is None or own[1].end >= published.isoformat()):
        return "target", _cue(doc, "deadline-future", own[0].start, own[0].end)
    if after is not None:
        return "target", _cue(doc, *after)
    return "actual", Cue("default-actual")


def _category(rule: str) -> str:
    return "target" if rule in {"target-cue", "future-passive"} else "actual"


def _cue(doc: Doc, rule: str, start: int, end: int) -> Cue:
    start_char, end_char = token_chars(doc, start, end)
    return Cue(rule, doc[start:end].text, start_char, end_char)


def _cue_before(doc: Doc, sent: Span, q: Quantity, labels: Labels, inside: frozenset[int]) -> Hit | None:
    """The status cue nearest before the quantity, in its sentence.

    Cue words inside other quantities ("up to", "exceeding") do not count.
    """
    for i in range(q.start - 1, sent.start - 1, -1):
        if i in inside:
            continue
        if "TARGET_CUE" in labels.get(i, ()):
            # "have earmarked 60 billion" is done; "has pledged to cut" is still a plan.
            perfect = i > sent.start and doc[i - 1].lower_ in {"has", "have", "had"}
            if perfect and not (i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
                return "perfect-tense", i - 1, i + 1
            return "target-cue", i, i + 1
        past = i == q.start - 1 and _past_tense(doc[i], labels)
        if "ACTUAL_CUE" in labels.get(i, ()) or past:
            if i > sent.start and doc[i - 1].lower_ in DETERMINERS:
                continue  # "the added value", "the installed capacity": an adjective
            # "will be built", "will have planted", "is to be completed": future, not a report.
            modal = next((k for k in range(max(sent.start, i - 3), i) if "TARGET_CUE" in labels.get(k, ())), None)
            if modal is not None:
                return "future-passive", modal, i + 1
            return ("actual-cue" if "ACTUAL_CUE" in labels.get(i, ()) else "past-tense-verb"), i, i + 1
    return None


def _cue_after(doc: Doc, sent: Span, q: Quantity, labels: Labels, inside: frozenset[int]) -> Hit | None:
    """The status cue nearest after the quantity, in its clause."""
    for i in range(q.end, sent.end):
        if i in inside:
            continue
        if "TARGET_CUE" in labels.get(i, ()):
            return "target-cue", i, i + 1
        if "ACTUAL_CUE" in labels.get(i, ()):
            return "actual-cue", i, i + 1
        if doc[i].text in {";", "；", ",", "，"}:
            break
    return None


def _past_tense(token: Token, labels: Labels) -> bool:
    """A lowercase "-ed" verb right before a quantity ("joined 120 countries"), not a plan word."""
    return (token.is_lower and token.is_alpha and token.lower_.endswith("ed") and len(token) > 4
            and not has_any(labels, token.i, ("TARGET_CUE", "PREDICATE", "COMPARATOR")))
