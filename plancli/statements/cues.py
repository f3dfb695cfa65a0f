"""Cue rules applied to a document: which rule matches which token, and the nearest one in reach of a quantity.

The rules come from ``patterns/context/*.jsonl`` (see :mod:`plancli.cuerules`); this module
only indexes their matches and walks from a quantity outwards, ConText style.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from plancli.cuerules import CUE_LABEL, CueRule


@dataclass(frozen=True)
class Match:
    """One rule matching at a token: the rule and the whole span of its words."""

    rule: CueRule
    start: int
    end: int


#: Token index -> the rules matching there, in precedence order.
CueIndex = dict[int, list[Match]]


def index_cues(rules: Sequence[CueRule], by_label: dict[str, list[Span]], categories: Iterable[str]) -> CueIndex:
    """Index the matches of the rules of ``categories``: pattern rules first, then label rules, each in file order."""
    wanted = [r for r in rules if r.category in set(categories)]
    ordered = [r for r in wanted if r.pattern is not None] + [r for r in wanted if r.pattern is None]
    by_id = {r.id: r for r in ordered if r.pattern is not None}
    labels_of: dict[int, set[str]] = {}
    for label, spans in by_label.items():
        for span in spans:
            for i in range(span.start, span.end):
                labels_of.setdefault(i, set()).add(label)
    found: dict[int, list[tuple[int, Match]]] = {}
    rank = {r.id: n for n, r in enumerate(ordered)}
    for span in by_label.get(CUE_LABEL, ()):
        rule = by_id.get(span.id_)
        if rule is not None:
            _add(found, rank[rule.id], Match(rule, span.start, span.end), labels_of)
    for rule in ordered:
        if rule.label is not None:
            for span in by_label.get(rule.label, ()):
                _add(found, rank[rule.id], Match(rule, span.start, span.end), labels_of)
    return {i: [m for _, m in sorted(ms, key=lambda pair: pair[0])] for i, ms in found.items()}


def _add(found: dict[int, list[tuple[int, Match]]], rank: int, match: Match, labels_of: dict[int, set[str]]) -> None:
    for i in range(match.start, match.end):
        if match.rule.exclude_labels & labels_of.get(i, set()):
            continue
        hits = found.setdefault(i, [])
        if all(m.rule.id != match.rule.id for _, m in hits):
            hits.append((rank, match))


def scan_before(index: CueIndex, doc: Doc, start: int, floor: int, skip: frozenset[int]
                ) -> Iterator[tuple[int, Match]]:
    """Matches governing a quantity that starts at ``start``: from the nearest token back to ``floor``."""
    seen: set[str] = set()
    for i in range(start - 1, floor - 1, -1):
        if i in skip:
            continue
        for match in index.get(i, ()):
            rule = match.rule
            if rule.governs(True) and (rule.max_scope is None or start - i <= rule.max_scope) \
                    and not (rule.terminated_by & seen):
                yield i, match
        seen.add(doc[i].lower_)


def scan_after(index: CueIndex, doc: Doc, end: int, ceiling: int, skip: frozenset[int], stop: frozenset[str]
               ) -> Iterator[tuple[int, Match]]:
    """Matches governing a quantity that ends at ``end``: from the nearest token up to ``ceiling``.

    ``stop``: tokens that terminate every backward rule (see :func:`common_terminators`), where the walk ends.
    """
    seen: set[str] = set()
    for i in range(end, ceiling):
        if i in skip:
            continue
        for match in index.get(i, ()):
            rule = match.rule
            if rule.governs(False) and (rule.max_scope is None or i - end + 1 <= rule.max_scope) \
                    and not (rule.terminated_by & seen):
                yield i, match
        text = doc[i].lower_
        if text in stop:
            return
        seen.add(text)


def common_terminators(rules: Sequence[CueRule]) -> frozenset[str]:
    """Tokens that end the scope of every rule reaching backward (nothing to find after them)."""
    backward = [r.terminated_by for r in rules if r.governs(False)]
    return frozenset.intersection(*backward) if backward else frozenset()


def positions(index: CueIndex) -> list[int]:
    """The token positions of an index, sorted (for :func:`nearest_in_reach`)."""
    return sorted(index)


def nearest_in_reach(index: CueIndex, where: list[int], doc: Doc, start: int, end: int, sent: Span) -> Match | None:
    """The nearest match that reaches the quantity ``start:end`` in its sentence, using bisection over ``where``."""
    from bisect import bisect_left

    k = bisect_left(where, start)
    for pos in reversed(where[bisect_left(where, sent.start):k]):
        for match in index[pos]:
            rule = match.rule
            if rule.governs(True) and (rule.max_scope is None or start - pos <= rule.max_scope) \
                    and not (rule.terminated_by and any(t.lower_ in rule.terminated_by for t in doc[pos:start])):
                return match
    for pos in where[bisect_left(where, end):bisect_left(where, sent.end)]:
        for match in index[pos]:
            rule = match.rule
            if rule.governs(False) and (rule.max_scope is None or pos - end + 1 <= rule.max_scope) \
                    and not (rule.terminated_by and any(t.lower_ in rule.terminated_by for t in doc[end:pos])):
                return match
    return None
