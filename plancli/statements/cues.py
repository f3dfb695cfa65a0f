"""Cue rules applied to a document: which rule matches which token, and the nearest one in reach of a quantity.

The rules come from ``patterns/context/*.jsonl`` (see :mod:`plancli.cuerules`); this module
only indexes their matches and walks from a quantity outwards, ConText style.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import NamedTuple

from spacy.tokens import Doc, Span

from plancli.cuerules import CUE_LABEL, CueRule
from plancli.statements.common import CUE_LABELS, Hit, Labels, doc_text, tokens_of


class Match(NamedTuple):
    """One rule matching at a token: the rule and the whole span of its words."""

    rule: CueRule
    start: int
    end: int


#: The most words a parenthetical aside holds and still leaves its clause open.
_ASIDE = 6
#: Words after a pronoun "that" ("surpassed that by launching", "exceeded that in 2024"): it opens no clause.
_AFTER_PRONOUN_THAT = frozenset({"by", "in", "with", ",", ".", ";", "twice", "again", "too"})

#: Token index -> the rules matching there, in precedence order.
CueIndex = dict[int, list[Match]]


def index_cues(rules: Sequence[CueRule], by_label: Mapping[str, Sequence[Span | Hit]], categories: Iterable[str],
               doc: Doc | None = None, labels: Labels | None = None) -> CueIndex:
    """Index the matches of the rules of ``categories``: pattern rules first, then label rules, each in file order.

    With ``doc``, a rule marked ``in_headline`` keeps only its matches on a headline line.
    ``labels`` (see :func:`~plancli.statements.common.token_labels`), when given, spares
    listing the cue labels of each token again.
    """
    chosen = frozenset(categories)
    wanted = [r for r in rules if r.category in chosen]
    ordered = [r for r in wanted if r.pattern is not None] + [r for r in wanted if r.pattern is None]
    by_id = {r.id: r for r in ordered if r.pattern is not None}
    # The labels of each token, for the rules' exclude_labels (only the labels some rule excludes).
    excluded = frozenset().union(*(r.exclude_labels for r in ordered))
    labels_of: dict[int, set[str]] = {}
    if labels is not None and excluded <= set(CUE_LABELS):
        labels_of, excluded = labels, frozenset()  # a superset of labels per token: the same intersections
    for label, spans in by_label.items():
        if label not in excluded:
            continue
        for span in spans:
            for i in range(span.start, span.end):
                labels_of.setdefault(i, set()).add(label)
    found: dict[int, dict[str, tuple[int, Match]]] = {}  # token -> rule id -> (rank, first match of the rule)
    rank = {r.id: n for n, r in enumerate(ordered)}
    text = doc_text(doc) if doc is not None and any(r.in_headline for r in ordered) else None
    for span in by_label.get(CUE_LABEL, ()) if by_id else ():
        rule = by_id.get(span.id_)
        if rule is not None and (not rule.in_headline or text is None or doc is None
                                 or on_headline(text, doc[span.start].idx)):
            _add(found, rank[rule.id], Match(rule, span.start, span.end), labels_of)
    for rule in ordered:
        if rule.label is not None:
            for span in by_label.get(rule.label, ()):
                _add(found, rank[rule.id], Match(rule, span.start, span.end), labels_of)
    return {i: [m for _, m in sorted(ms.values(), key=itemgetter(0))] if len(ms) > 1 else [m for _, m in ms.values()]
            for i, ms in found.items()}


def on_headline(text: str, idx: int) -> bool:
    """Whether character ``idx`` stands on a line that ends without a full stop: a headline or title."""
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?;:," and len(line.split(maxsplit=30)) <= 30  # 31 parts: > 30 words


def _add(found: dict[int, dict[str, tuple[int, Match]]], rank: int, match: Match,
         labels_of: dict[int, set[str]]) -> None:
    """Index ``match`` at each of its tokens (but those holding a label its rule excludes), once per rule."""
    rule = match.rule
    excluded = rule.exclude_labels
    for i in range(match.start, match.end):
        if excluded and not excluded.isdisjoint(labels_of.get(i, ())):
            continue
        hits = found.get(i)
        if hits is None:
            found[i] = {rule.id: (rank, match)}
        elif rule.id not in hits:
            hits[rule.id] = (rank, match)


class CueScanner:
    """Walks from a quantity to the cues in reach, ConText style, in time logarithmic in the text length.

    Only token positions holding a cue are visited (bisection over sorted lists); a rule's
    terminators are looked up by position, and a rule whose scope a terminator has ended
    is dropped for the rest of the walk. ``skip`` tokens (other quantities' words) neither
    hold cues nor terminate.
    """

    def __init__(self, index: CueIndex, doc: Doc, skip: frozenset[int]) -> None:
        self.index, self.skip = index, skip
        # Per direction (True: cues before the quantity): positions of rules without and with a max_scope.
        self.open: dict[bool, list[int]] = {True: [], False: []}
        self.bounded: dict[bool, list[int]] = {True: [], False: []}
        self.open_rules: dict[bool, set[str]] = {True: set(), False: set()}
        self.reach = 0
        stops: set[str] = set()
        kinds: dict[int, tuple[bool, bool, bool, bool]] = {}  # id(rule) -> open and bounded, per direction
        for i in sorted(index):
            open_before = open_after = bounded_before = bounded_after = False
            for m in index[i]:
                rule = m.rule
                kind = kinds.get(id(rule))
                if kind is None:
                    kind = kinds[id(rule)] = self._kind(rule)
                    stops.update(rule.terminated_by)
                    if rule.max_scope:
                        self.reach = max(self.reach, rule.max_scope)
                open_before, open_after = open_before or kind[0], open_after or kind[1]
                bounded_before, bounded_after = bounded_before or kind[2], bounded_after or kind[3]
            if open_before:
                self.open[True].append(i)
            if open_after:
                self.open[False].append(i)
            if bounded_before:
                self.bounded[True].append(i)
            if bounded_after:
                self.bounded[False].append(i)
        self.terminators: dict[str, list[int]] = {}
        #: An opening parenthesis -> its closing one, for a short aside without a figure ("a $60 million Green
        #: Fund (GF) will ..."); "more than half the money (54%) would ..." keeps its parenthesis as a break.
        self.closes: dict[int, int] = {}
        if stops:
            tokens = tokens_of(doc)
            lowers = tokens.lower
            for i in tokens.where(lambda row: row.lower_ in stops):
                if i in skip:
                    continue
                lower = lowers[i]
                if lower == "that" and i + 1 < len(lowers) and lowers[i + 1] in _AFTER_PRONOUN_THAT:
                    continue  # "surpassed that by launching 102,000 units": a pronoun, no clause opens
                self.terminators.setdefault(lower, []).append(i)
                if lower == "(":
                    close = next((k for k in range(i + 1, min(len(lowers), i + 2 + _ASIDE))
                                  if lowers[k] in ("(", ")")), None)
                    if close is not None and lowers[close] == ")" \
                            and not any(k in skip for k in range(i + 1, close)):
                        self.closes[i] = close  # an aside without a figure (a figure there is a gloss)

    def _kind(self, rule: CueRule) -> tuple[bool, bool, bool, bool]:
        """Whether ``rule`` reaches without a bound (a quantity after it, before it), then within a bound;
        notes the rules that reach without one."""
        found: list[bool] = []
        for bounded in (False, True):
            for d in (True, False):
                governs = rule.governs(d) and (rule.max_scope is None if not bounded else bool(rule.max_scope))
                found.append(governs)
                if governs and not bounded:
                    self.open_rules[d].add(rule.id)
        return found[0], found[1], found[2], found[3]

    def before(self, start: int, floor: int) -> Iterator[tuple[int, Match]]:
        """Matches governing a quantity that starts at ``start``: nearest first, back to ``floor``."""
        return self._walk(True, start, floor, start)

    def after(self, end: int, ceiling: int) -> Iterator[tuple[int, Match]]:
        """Matches governing a quantity that ends at ``end``: nearest first, up to ``ceiling``."""
        return self._walk(False, end, end, ceiling)

    def _walk(self, forward: bool, anchor: int, low: int, high: int) -> Iterator[tuple[int, Match]]:
        """Positions in ``low:high`` walked away from ``anchor`` (the quantity's start or end)."""
        window = self.bounded[forward]
        lo, hi = (max(low, anchor - self.reach), high) if forward else (low, min(high, anchor + self.reach))
        near = window[bisect_left(window, lo):bisect_left(window, hi)]
        spots = self.open[forward]
        if forward:
            k = bisect_left(spots, high) - 1
            far = (spots[j] for j in range(k, -1, -1))
            near.reverse()
        else:
            k = bisect_left(spots, low)
            far = (spots[j] for j in range(k, len(spots)))
        dead: set[str] = set()
        for pos in _merge(near, far, forward):
            if (pos < low if forward else pos >= high):
                break
            if pos in self.skip:
                continue
            for match in self.index[pos]:
                rule = match.rule
                if rule.id in dead or not rule.governs(forward):
                    continue
                between = (pos + 1, anchor) if forward else (anchor, pos)
                if any(self._stops(t, *between) for t in rule.terminated_by):
                    dead.add(rule.id)  # terminated here, so also farther away
                    continue
                distance = anchor - pos if forward else pos - anchor + 1
                if rule.max_scope is None or distance <= rule.max_scope:
                    yield pos, match
            beyond_window = (pos < anchor - self.reach) if forward else (pos >= anchor + self.reach)
            if beyond_window and self.open_rules[forward] <= dead:
                return  # every rule that could still reach is terminated

    def _stops(self, word: str, low: int, high: int) -> bool:
        """Whether a terminator ``word`` stands in ``low:high``; a parenthesis that closes there too is an aside
        inside the clause ("(ACT)", "(the ministry said)"), not the end of it."""
        positions = self.terminators.get(word, ())
        if word != "(":
            return within(positions, low, high)
        k = bisect_left(positions, low)
        while k < len(positions) and positions[k] < high:
            close = self.closes.get(positions[k])
            if close is None or close >= high:
                return True
            k += 1
        return False


def _merge(near: list[int], far: Iterator[int], descending: bool) -> Iterator[int]:
    """Two sorted position streams (same order) merged, without repeats."""
    i, last = 0, None
    nxt = next(far, None)
    while i < len(near) or nxt is not None:
        if nxt is None or (i < len(near) and (near[i] > nxt if descending else near[i] < nxt)):
            pos = near[i]
            i += 1
        else:
            pos = nxt
            nxt = next(far, None)
        if pos != last:
            yield pos
            last = pos


def within(positions: Sequence[int], low: int, high: int) -> bool:
    """Whether a sorted list of token positions holds one in ``[low, high)`` (bisected, not scanned)."""
    k = bisect_left(positions, low)
    return k < len(positions) and positions[k] < high


def positions(index: CueIndex) -> list[int]:
    """The token positions of an index, sorted (for :func:`nearest_in_reach`)."""
    return sorted(index)


def nearest_in_reach(index: CueIndex, where: list[int], doc: Doc, start: int, end: int, sent: Span) -> Match | None:
    """The nearest match that reaches the quantity ``start:end`` in its sentence, using bisection over ``where``."""
    k = bisect_left(where, start)
    lowers = tokens_of(doc).lower
    for pos in reversed(where[bisect_left(where, sent.start):k]):
        for match in index[pos]:
            rule = match.rule
            if rule.governs(True) and (rule.max_scope is None or start - pos <= rule.max_scope) \
                    and not (rule.terminated_by and any(w in rule.terminated_by for w in lowers[pos:start])):
                return match
    for pos in where[bisect_left(where, end):bisect_left(where, sent.end)]:
        for match in index[pos]:
            rule = match.rule
            if rule.governs(False) and (rule.max_scope is None or pos - end + 1 <= rule.max_scope) \
                    and not (rule.terminated_by and any(w in rule.terminated_by for w in lowers[end:pos])):
                return match
    return None
