"""Analysing token patterns for :class:`plancli.matcher.WindowedMatcher`.

Splits each token spec into its lexical part (a column of the flag table in
:mod:`plancli.matcher_flags`) and the rest, and plans how a pattern is matched:
outright with numpy, in windows around its rarest mandatory spec, or by spaCy
over the whole doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.vocab import Vocab

from plancli.matcher_flags import _COMPARE, LexemeTest, _All, _Flag, _Length, _Membership, _Regex


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
