"""A faster span ruler: spaCy's token Matcher run only on small windows of the doc.

spaCy's Matcher starts a state for every pattern at every token, so its cost
is patterns x tokens. :class:`FastSpanRuler` (factory ``plancli_span_ruler``)
is spaCy's ``span_ruler`` with a different ``match()``; its output is the
same, span for span:

1. Every token pattern is analysed once. Each token spec's *lexical* part
   (``ORTH``/``TEXT``, ``LOWER``, ``SHAPE``, ``PREFIX``, ``SUFFIX``,
   ``LENGTH``, the ``IS_*``/``LIKE_*`` flags) becomes one column of a
   per-lexeme flag table, evaluated once per vocabulary entry and cached.
   Anything else in a spec (``IS_SENT_START``, ``SPACY``, ``NORM``, POS,
   extensions, fuzzy matching...) is left out, so a column is a superset of
   the tokens the spec accepts.
2. Per doc, ``doc.to_array(ORTH)`` and the table give a tokens x columns
   boolean matrix with numpy.
3. A pattern of plain tokens (no ``OP``) whose specs are all lexical is
   matched outright with numpy (shifted columns ANDed).
4. Any other pattern the analyser understands (``OP`` of ``?``, ``*``,
   ``+``, ``{n,m}``; any attributes) gets an anchor: its rarest mandatory spec in this
   doc. Around each anchor token a window is cut as wide as the pattern can
   reach; the windows of all patterns are merged, and spaCy's Matcher (with
   those patterns only) runs on each merged window. Every match contains an
   anchor token and fits in that token's window, so nothing is lost; every
   match found in a window is a match in the doc, so nothing is added.
5. Patterns the analyser cannot handle (other ``OP`` values, no lexical
   mandatory spec) run through spaCy's Matcher over the whole doc, so a
   user's pattern always works. Phrase patterns keep spaCy's PhraseMatcher.

The per-lexeme cache assumes lexeme attributes do not change once seen
(``IS_STOP``, which users do change, is therefore never cached).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from spacy.vocab import Vocab

Match = tuple[int, int, int]  # (match id, start token, end token)

# Token attributes that live on the lexeme (same value for every token with that text).
_STRING_ATTRS: dict[str, str] = {
    "ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "SHAPE": "SHAPE", "PREFIX": "PREFIX", "SUFFIX": "SUFFIX",
}
_FLAG_ATTRS: dict[str, str] = {
    name: name
    for name in (
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
        "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
        "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
    )
}
_COMPARE: dict[str, Callable[[Any, int], Any]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
}
_OPS = {None: (1, 1), "1": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}
_QUANTIFIER = re.compile(r"\{(\d+)?(,)?(\d+)?\}")


def _op_bounds(op: Any) -> tuple[int, int | None] | None:
    """(fewest, most) tokens a spec's ``OP`` takes, for planning windows; None if unknown.

    spaCy's quantifiers ``{n}``, ``{n,m}``, ``{n,}`` and ``{,m}`` count as optional
    repeats of at most ``m``: such a spec never anchors a window, the window's reach
    covers it, and the Matcher run on the window enforces the exact count.
    """
    if op in _OPS:
        return _OPS[op]
    found = _QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
    if found is None or (found.group(1) is None and found.group(3) is None):
        return None
    low = int(found.group(1) or 0)
    high = int(found.group(3)) if found.group(3) else (None if found.group(2) else low)
    return (1, 1) if (low, high) == (1, 1) else (0, high)


# --- the per-lexeme flag table -------------------------------------------------------------


class LexemeBatch:
    """Lexical attributes of some new lexemes, as numpy arrays (string hashes, flags, lengths) or strings."""

    def __init__(self, vocab: Vocab, orths: Sequence[int]) -> None:
        self.lexemes = [vocab[orth] for orth in orths]
        self._values: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.lexemes)

    def values(self, attr: str) -> np.ndarray:
        """The attribute's integer values, one per lexeme (``ORTH``, ``LOWER``, ``LENGTH``, ``IS_ALPHA``...)."""
        if attr not in self._values:
            if attr == "LENGTH":
                found = [len(lexeme.orth_) for lexeme in self.lexemes]
            else:
                name = attr.lower()
                found = [int(getattr(lexeme, name)) for lexeme in self.lexemes]
            self._values[attr] = np.array(found, dtype=np.uint64)
        return self._values[attr]

    def texts(self, attr: str) -> list[str]:
        """The attribute's strings (``ORTH``, ``LOWER``, ``SHAPE``...), one per lexeme."""
        name = attr.lower() + "_"
        return [getattr(lexeme, name) for lexeme in self.lexemes]


LexemeTest = Callable[[LexemeBatch], np.ndarray]


class LexemeFlags:
    """Boolean columns computed once per lexeme, looked up per doc with numpy.

    Each test maps a :class:`LexemeBatch` of new lexemes to a boolean array;
    ``table(doc)`` gives a ``len(doc) x len(tests)`` boolean matrix. Lexemes
    are keyed by ``ORTH``; their lexical attributes must not change once seen.
    """

    def __init__(self, tests: Sequence[LexemeTest]) -> None:
        self.tests = tuple(tests)
        self._known = np.zeros(0, dtype=np.uint64)  # sorted ORTH hashes seen so far
        self._known_rows = np.zeros(0, dtype=np.intp)  # their rows in _matrix
        self._matrix = np.zeros((0, len(self.tests)), dtype=bool)

    def table(self, doc: Doc) -> np.ndarray:
        """The ``tokens x tests`` matrix for ``doc``."""
        if len(doc) == 0:
            return np.zeros((0, len(self.tests)), dtype=bool)
        orths = doc.to_array(ORTH)
        unique, inverse = np.unique(orths, return_inverse=True)
        inverse = inverse.reshape(-1)
        rows = self._rows(unique)
        missing = rows < 0
        if missing.any():
            new = unique[missing]
            rows[missing] = self._add(new, LexemeBatch(doc.vocab, new.tolist()))
        return self._matrix[rows][inverse]

    def prepare(self, docs: Sequence[Doc]) -> None:
        """Evaluate the tests at once for the lexemes of several docs not seen yet.

        Optional: ``table()`` does it per doc, but each batch of new lexemes costs
        a call per test, however few the lexemes, so one batch for many docs is cheaper.
        """
        orths = [doc.to_array(ORTH) for doc in docs if len(doc)]
        if not orths:
            return
        unique = np.unique(np.concatenate(orths))
        new = unique[self._rows(unique) < 0]
        if len(new):
            self._add(new, LexemeBatch(docs[0].vocab, new.tolist()))

    def _rows(self, unique: np.ndarray) -> np.ndarray:
        known = self._known
        if len(known) == 0:
            return np.full(len(unique), -1, dtype=np.intp)
        position = np.minimum(np.searchsorted(known, unique), len(known) - 1)
        return np.where(known[position] == unique, self._known_rows[position], -1)

    def _add(self, orths: np.ndarray, batch: LexemeBatch) -> np.ndarray:
        start = len(self._matrix)
        block = np.empty((len(orths), len(self.tests)), dtype=bool)
        for column, test in enumerate(self.tests):
            block[:, column] = test(batch)
        self._matrix = np.concatenate((self._matrix, block))
        rows = np.arange(start, start + len(orths), dtype=np.intp)
        known = np.concatenate((self._known, orths))
        known_rows = np.concatenate((self._known_rows, rows))
        order = np.argsort(known, kind="stable")
        self._known, self._known_rows = known[order], known_rows[order]
        return rows


def lexeme_set_test(attr: str, values: Iterable[str]) -> LexemeTest:
    """A lexeme test: is the attribute's string one of ``values``?"""
    return _Membership(attr, frozenset(hash_string(value) for value in values))


def lexeme_text_test(attr: str, test: Callable[[str], bool]) -> LexemeTest:
    """A lexeme test: ``test`` (a module-level function, for pickling) of the attribute's string."""
    return _TextTest(attr, test)


# --- analysing token patterns --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spec:
    """One token spec: the flag column of its lexical part, whether that is all of it, its repeat range."""

    column: int
    exact: bool
    restricted: bool  # has lexical conditions (so it can anchor a window)
    low: int  # fewest tokens it takes (0 or 1)
    high: int | None  # most tokens (1, or None for any number)


@dataclass(frozen=True, slots=True, eq=False)
class _Anchor:
    """How to use spec ``index`` as a pattern's anchor: its column, reach, and the other mandatory specs to check."""

    index: int
    column: int
    before: int  # most tokens before it (bounded patterns)
    after: int  # most tokens after it
    checks: tuple[tuple[int, np.ndarray], ...]  # (column, signed offsets where that spec's token may be)


@dataclass(frozen=True, slots=True)
class _Plan:
    key: str
    pattern: list[dict[str, Any]]
    specs: tuple[_Spec, ...]
    anchors: tuple[_Anchor, ...] = ()

    @property
    def plain(self) -> bool:
        """Fixed length and lexical only: numpy finds its matches exactly."""
        return all(spec.exact and spec.low == spec.high == 1 for spec in self.specs)

    @property
    def bounded(self) -> bool:
        return all(spec.high is not None for spec in self.specs)


def _lexical_test(spec: dict[str, Any]) -> tuple[tuple[Any, ...], bool] | None:
    """A hashable description of the spec's lexical conditions and whether they are all of it.

    None when the spec has something the analyser does not understand (then
    the whole pattern goes to spaCy's Matcher).
    """
    conditions: list[tuple[Any, ...]] = []
    exact = True
    for raw_key, value in spec.items():
        if not isinstance(raw_key, str):
            return None
        key = raw_key.upper()
        if key == "OP":
            if raw_key != "OP":
                return None
            continue
        condition = _condition(key, value)
        if condition is None:
            exact = False  # left to the Matcher
        else:
            conditions.append(condition)
    return tuple(sorted(conditions, key=repr)), exact


def _condition(key: str, value: Any) -> tuple[Any, ...] | None:
    """One attribute's condition as data, or None if it is not a lexeme property we evaluate."""
    if key in _STRING_ATTRS:
        attr = _STRING_ATTRS[key]
        if isinstance(value, str):
            return ("eq", attr, value)
        if isinstance(value, dict) and value:
            parts: list[tuple[Any, ...]] = []
            for name, argument in value.items():
                strings = isinstance(argument, list) and all(isinstance(a, str) for a in argument)
                if name in ("IN", "NOT_IN") and strings:
                    parts.append((name, attr, frozenset(argument)))
                elif name == "REGEX" and isinstance(argument, str):
                    parts.append(("REGEX", attr, argument))
                else:
                    return None
            return ("all", tuple(parts))
        return None
    if key in _FLAG_ATTRS and isinstance(value, bool):
        return ("flag", _FLAG_ATTRS[key], value)
    if key == "LENGTH":
        if isinstance(value, int) and not isinstance(value, bool):
            return ("len", "==", value)
        if isinstance(value, dict) and value:
            parts = []
            for name, argument in value.items():
                if name in _COMPARE and isinstance(argument, int) and not isinstance(argument, bool):
                    parts.append(("len", name, argument))
                elif name in ("IN", "NOT_IN") and isinstance(argument, list) and all(
                    isinstance(a, int) and not isinstance(a, bool) for a in argument
                ):
                    parts.append(("len_" + name, frozenset(argument)))
                else:
                    return None
            return ("all", tuple(parts))
    return None


def _compile(conditions: tuple[tuple[Any, ...], ...], vocab: Vocab) -> LexemeTest:
    return _All(tuple(_compile_one(condition, vocab) for condition in conditions))


def _compile_one(condition: tuple[Any, ...], vocab: Vocab) -> LexemeTest:
    """Vectorized over a batch of lexemes; string values compared as the Matcher does, by hash."""
    kind = condition[0]
    if kind == "all":
        return _compile(condition[1], vocab)
    if kind in ("eq", "IN", "NOT_IN"):
        _, attr, value = condition
        hashes = frozenset(vocab.strings.add(v) for v in ([value] if kind == "eq" else value))
        return _Membership(attr, hashes, inside=kind != "NOT_IN")
    if kind == "REGEX":
        _, attr, pattern = condition
        return _Regex(attr, pattern)
    if kind == "flag":
        _, attr, wanted = condition
        return _Flag(attr, wanted)
    if kind == "len":
        _, operator, number = condition
        return _Length(operator, number)
    if kind in ("len_IN", "len_NOT_IN"):
        return _Membership("LENGTH", frozenset(condition[1]), inside=kind == "len_IN")
    raise AssertionError(kind)


# Lexeme tests are small classes, not closures, so that pipelines pickle (nlp.pipe(n_process=...), Spark).


@dataclass(frozen=True)
class _All:
    checks: tuple[LexemeTest, ...]

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        result = np.ones(len(batch), dtype=bool)
        for check in self.checks:
            result &= check(batch)
        return result


@dataclass(frozen=True)
class _Membership:
    """Is the attribute's value in ``values``? (A Python set beats np.isin on the few new lexemes of a doc.)"""

    attr: str
    values: frozenset[int]
    inside: bool = True

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        found = np.fromiter((v in self.values for v in batch.values(self.attr).tolist()), dtype=bool, count=len(batch))
        return found if self.inside else ~found


@dataclass(frozen=True)
class _Regex:
    attr: str
    pattern: str

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        search = re.compile(self.pattern).search  # re caches compiled patterns
        return np.array([search(text) is not None for text in batch.texts(self.attr)], dtype=bool)


@dataclass(frozen=True)
class _Flag:
    attr: str
    wanted: bool

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        return np.asarray((batch.values(self.attr) != 0) == self.wanted, dtype=bool)


@dataclass(frozen=True)
class _Length:
    operator: str
    number: int

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        return np.asarray(_COMPARE[self.operator](batch.values("LENGTH").astype(np.int64), self.number), dtype=bool)


@dataclass(frozen=True)
class _TextTest:
    attr: str
    test: Callable[[str], bool]

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        return np.array([self.test(text) for text in batch.texts(self.attr)], dtype=bool)


# --- the windowed matcher ------------------------------------------------------------------


class WindowedMatcher:
    """Finds the same ``(match_id, start, end)`` triples as spaCy's Matcher with the same patterns.

    ``patterns`` are ``(key, token pattern)`` pairs; several may share a key.
    The result is not sorted and may repeat a triple that two patterns of one
    key both find (as spaCy's Matcher may not); callers deduplicate.
    """

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, list[dict[str, Any]]]],
                 *, validate: bool = False, fuzzy_compare: Callable[..., bool] | None = None) -> None:
        self.vocab = vocab
        columns: dict[tuple[Any, ...], int] = {}
        self.plain: list[tuple[int, tuple[int, ...]]] = []  # (match id, one column per token)
        # One Matcher per windowed pattern: spaCy's Matcher evaluates every set/regex
        # predicate it holds at every token it sees, so a shared one costs patterns x window tokens.
        self.windowed: list[tuple[_Plan, Matcher]] = []
        matcher_options: dict[str, Any] = {"validate": validate}
        if fuzzy_compare is not None:
            matcher_options["fuzzy_compare"] = fuzzy_compare
        self.fallback = Matcher(vocab, **matcher_options)
        for key, pattern in patterns:
            plan = _analyse(key, pattern, columns)
            match_id = vocab.strings.add(key)
            if plan is None:
                self.fallback.add(key, [pattern])
            elif plan.plain:
                self.plain.append((match_id, tuple(spec.column for spec in plan.specs)))
            else:
                window_matcher = Matcher(vocab, **matcher_options)
                window_matcher.add(key, [pattern])
                self.windowed.append((plan, window_matcher))
        self.flags = LexemeFlags([_compile(conditions, vocab) for conditions in columns])
        # Room around the doc for the anchor checks' offsets (an all-False border).
        offsets = [abs(int(o[-1])) for plan, _ in self.windowed for a in plan.anchors for _, o in a.checks]
        self.pad = min(max(offsets, default=0), 64)

    @property
    def fallback_count(self) -> int:
        """How many pattern keys spaCy's Matcher runs over whole docs."""
        return len(self.fallback)

    def __call__(self, doc: Doc) -> list[Match]:
        n = len(doc)
        matches: list[Match] = []
        if n == 0:
            return matches
        if len(self.fallback):
            matches.extend(self.fallback(doc))
        if not self.plain and not self.windowed:
            return matches
        table = self.flags.table(doc)
        counts = table.sum(axis=0)
        for match_id, columns in self.plain:
            matches.extend(_plain_matches(table, counts, match_id, columns))
        if not self.windowed:
            return matches
        pad = self.pad
        padded = np.zeros((n + 2 * pad, table.shape[1]), dtype=bool)
        padded[pad : pad + n] = table
        for plan, window_matcher in self.windowed:
            windows = _windows(plan, padded, pad, counts)
            if windows is None:
                continue
            for window_start, window_end in _merge(*windows, n):
                for match_id, start, end in window_matcher(doc[window_start:window_end]):
                    matches.append((match_id, start + window_start, end + window_start))
        return matches


def _analyse(key: str, pattern: Any, columns: dict[tuple[Any, ...], int]) -> _Plan | None:
    if not isinstance(pattern, list) or not pattern or not all(isinstance(spec, dict) for spec in pattern):
        return None
    specs: list[_Spec] = []
    for spec in pattern:
        bounds = _op_bounds(spec.get("OP"))
        if bounds is None:
            return None
        described = _lexical_test(spec)
        if described is None:
            return None
        conditions, exact = described
        column = columns.setdefault(conditions, len(columns))
        low, high = bounds
        specs.append(_Spec(column, exact, bool(conditions), low, high))
    # A mandatory spec with lexical conditions is needed to anchor windows.
    if not any(spec.low == 1 and spec.restricted for spec in specs):
        return None
    anchors = tuple(_anchor(specs, index) for index, spec in enumerate(specs) if spec.low == 1)
    return _Plan(key, pattern, tuple(specs), anchors)


def _anchor(specs: list[_Spec], index: int) -> _Anchor:
    checks: list[tuple[int, np.ndarray]] = []
    for other, spec in enumerate(specs):
        if other == index or spec.low == 0 or not spec.restricted:
            continue
        between = specs[min(other, index) + 1 : max(other, index)]
        if any(s.high is None for s in between):
            continue  # unbounded: the window's reach covers it
        sign = 1 if other > index else -1
        nearest = sum(s.low for s in between) + 1
        farthest = sum(s.high or 0 for s in between) + 1
        checks.append((spec.column, sign * np.arange(nearest, farthest + 1, dtype=np.intp)))
    return _Anchor(
        index,
        specs[index].column,
        before=sum(spec.high or 0 for spec in specs[:index]),
        after=sum(spec.high or 0 for spec in specs[index + 1 :]),
        checks=tuple(checks),
    )


def _plain_matches(table: np.ndarray, counts: np.ndarray, match_id: int, columns: tuple[int, ...]) -> list[Match]:
    size = len(columns)
    n = len(table)
    if n < size or any(counts[column] == 0 for column in columns):
        return []
    hits = table[: n - size + 1, columns[0]].copy()
    for offset, column in enumerate(columns[1:], 1):
        hits &= table[offset : n - size + 1 + offset, column]
    return [(match_id, start, start + size) for start in np.flatnonzero(hits).tolist()]


def _windows(plan: _Plan, padded: np.ndarray, pad: int, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Start and end of a window around every anchor token, or None when the pattern cannot match.

    ``padded`` is the flag table with ``pad`` all-False rows before and after the doc.
    """
    if any(counts[anchor.column] == 0 for anchor in plan.anchors):
        return None
    anchor = min(plan.anchors, key=lambda a: counts[a.column])
    candidates = np.flatnonzero(padded[pad : len(padded) - pad, anchor.column])
    for column, offsets in anchor.checks:
        if abs(int(offsets[-1])) > pad:
            continue
        candidates = candidates[padded[(candidates + pad)[:, None] + offsets, column].any(axis=1)]
        if len(candidates) == 0:
            return None
    if plan.bounded:
        return candidates - anchor.before, candidates + anchor.after + 1
    table = padded[pad : len(padded) - pad]
    n = len(table)
    found = candidates.tolist()
    starts = np.array([_reach_back(plan, table, anchor.index, c) for c in found], dtype=np.intp)
    ends = np.array([_reach_forward(plan, table, anchor.index, c, n) for c in found], dtype=np.intp)
    return starts, ends


def _reach_forward(plan: _Plan, table: np.ndarray, anchor: int, position: int, n: int) -> int:
    """One past the last token a match with ``anchor`` at ``position`` could reach (on the flags)."""
    specs = plan.specs
    size = len(specs)

    def closure(states: set[int]) -> set[int]:
        todo = list(states)
        while todo:
            k = todo.pop()
            if k < size and specs[k].low == 0 and k + 1 not in states:
                states.add(k + 1)
                todo.append(k + 1)
        return states

    states = closure({anchor, anchor + 1} if specs[anchor].high is None else {anchor + 1})
    end = position + 1
    token = position + 1
    while token < n:
        states.discard(size)
        if not states:
            break
        moved: set[int] = set()
        for k in states:
            if table[token, specs[k].column]:
                moved.add(k + 1)
                if specs[k].high is None:
                    moved.add(k)
        if not moved:
            break
        end = token + 1
        states = closure(moved)
        token += 1
    return end


def _reach_back(plan: _Plan, table: np.ndarray, anchor: int, position: int) -> int:
    """The first token a match with ``anchor`` at ``position`` could start at (on the flags)."""
    specs = plan.specs

    def closure(states: set[int]) -> set[int]:
        todo = list(states)
        while todo:
            k = todo.pop()
            if k >= 0 and specs[k].low == 0 and k - 1 not in states:
                states.add(k - 1)
                todo.append(k - 1)
        return states

    states = closure({anchor, anchor - 1} if specs[anchor].high is None else {anchor - 1})
    start = position
    token = position - 1
    while token >= 0:
        states.discard(-1)
        if not states:
            break
        moved: set[int] = set()
        for k in states:
            if table[token, specs[k].column]:
                moved.add(k - 1)
                if specs[k].high is None:
                    moved.add(k)
        if not moved:
            break
        start = token
        states = closure(moved)
        token -= 1
    return start


def _merge(starts: np.ndarray, ends: np.ndarray, n: int) -> list[tuple[int, int]]:
    """Overlapping or touching windows merged, clipped to the doc (a few dozen at most: plain Python)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(zip(starts.tolist(), ends.tolist(), strict=True)):
        start, end = max(start, 0), min(end, n)
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# --- the span ruler ------------------------------------------------------------------------


class FastSpanRuler(SpanRuler):
    """spaCy's SpanRuler with token patterns matched by :class:`WindowedMatcher` (same spans)."""

    _windowed: WindowedMatcher | None = None
    _windowed_for: tuple[int, int] = (0, -1)

    def windowed_matcher(self) -> WindowedMatcher:
        """The windowed matcher for the current patterns (rebuilt after patterns change)."""
        state = (id(self._patterns), len(self._patterns))
        if self._windowed is None or self._windowed_for != state:
            token_patterns = [
                (repr((entry["label"], entry.get("id", ""))), entry["pattern"])
                for entry in self._patterns
                if isinstance(entry["pattern"], list)
            ]
            self._windowed = WindowedMatcher(
                self.nlp.vocab, token_patterns, validate=self.validate, fuzzy_compare=self.matcher_fuzzy_compare
            )
            self._windowed_for = state
        return self._windowed

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Like ``__call__`` on each doc; the per-lexeme flags of each batch's new words are computed together."""
        for docs in minibatch(stream, size=batch_size):
            try:
                self.windowed_matcher().flags.prepare(docs)
            except Exception:  # noqa: BLE001  (the docs then meet the same error one by one, with its handler)
                pass
            yield from super().pipe(docs, batch_size=batch_size)

    def match(self, doc: Doc) -> list[Span]:  # type: ignore[override]
        """The matches as spans, deduplicated and sorted as spaCy's ruler sorts them."""
        rows = self.match_rows(doc)
        return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in rows]

    def match_rows(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(start, end, label hash, id hash)`` of every match, deduplicated and in spaCy's span order."""
        self._require_patterns()
        matcher = self.windowed_matcher()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            found = matcher(doc) + list(self.phrase_matcher(doc))
        strings = self.nlp.vocab.strings
        names: dict[int, tuple[int, int]] = {}
        keyed: set[tuple[int, int, int, int]] = set()
        for match_id, start, end in found:
            if start == end:
                continue
            label_and_id = names.get(match_id)
            if label_and_id is None:
                entry = self._match_label_id_map[match_id]
                label_and_id = names[match_id] = (strings.add(entry["label"]), strings.add(entry["id"]))
            keyed.add((start, end, *label_and_id))
        # Spans sort by (start_char, end_char, label, kb_id, id); token order is character order.
        return sorted(keyed)


@Language.factory(
    "plancli_span_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "ruler",
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "ruler"},
    },
)
def make_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str | None,
    spans_filter: Callable[..., Any] | None,
    annotate_ents: bool,
    ents_filter: Callable[..., Any],
    phrase_matcher_attr: int | str | None,
    matcher_fuzzy_compare: Callable[..., bool],
    validate: bool,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> FastSpanRuler:
    """spaCy's ``span_ruler`` (same settings) with windowed token matching."""
    return FastSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=spans_filter,
        annotate_ents=annotate_ents,
        ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite=overwrite,
        scorer=scorer,
    )


__all__ = [
    "FastSpanRuler", "LexemeBatch", "LexemeFlags", "WindowedMatcher", "lexeme_set_test", "lexeme_text_test",
    "make_span_ruler",
]
