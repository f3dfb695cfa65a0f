"""The per-lexeme flag table behind :class:`plancli.matcher.FastSpanRuler`.

Each column is a lexical test (set membership, a regex, a flag...) evaluated
once per vocabulary entry and cached, so a doc's tokens x columns boolean
matrix is one numpy lookup of ``doc.to_array(ORTH)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from spacy.attrs import IDX, ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.vocab import Vocab


_COMPARE: dict[str, Callable[[Any, int], Any]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
}



# --- the per-lexeme flag table -------------------------------------------------------------

#: Where a doc keeps its distinct lexemes (see :func:`doc_lexemes`).
LEXEMES_KEY = "plancli.lexemes"


def doc_lexemes(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """The doc's distinct ``ORTH`` hashes (sorted) and, per token, its index among them.

    Several components need them; the sort is done once per doc and kept in ``doc.user_data`` while the
    tokens stay the same: while each token starts where it did (a doc's text never changes, and retokenizing
    moves token boundaries; the tokens' starts are read about twice as fast as their ``ORTH``).
    """
    starts = doc.to_array(IDX)
    kept = doc.user_data.get(LEXEMES_KEY)
    if kept is not None and np.array_equal(kept[0], starts):
        return kept[1], kept[2]
    unique, inverse = np.unique(doc.to_array(ORTH), return_inverse=True)
    inverse = inverse.reshape(-1)
    doc.user_data[LEXEMES_KEY] = (starts, unique, inverse)
    return unique, inverse



class LexemeBatch:
    """Lexical attributes of some new lexemes, as numpy arrays (string hashes, flags, lengths) or strings."""

    def __init__(self, vocab: Vocab, orths: Sequence[int]) -> None:
        self.lexemes = [vocab[orth] for orth in orths]
        self._values: dict[str, np.ndarray] = {}
        self._lists: dict[str, list[int]] = {}
        self._texts: dict[str, list[str]] = {}
        self._positions: dict[str, dict[int, list[int]]] = {}

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

    def value_list(self, attr: str) -> list[int]:
        """:meth:`values` as a Python list (made once per batch: many columns test the same attribute)."""
        found = self._lists.get(attr)
        if found is None:
            found = self._lists[attr] = self.values(attr).tolist()
        return found

    def positions(self, attr: str) -> dict[int, list[int]]:
        """The attribute's integer values, each with the lexemes holding it (made once per batch): a set test
        then visits only the values it shares with the batch."""
        found = self._positions.get(attr)
        if found is None:
            found = self._positions[attr] = {}
            for position, value in enumerate(self.value_list(attr)):
                found.setdefault(value, []).append(position)
        return found

    def subset(self, positions: Sequence[int]) -> LexemeBatch:
        """A batch of the lexemes at ``positions`` (in that order)."""
        part = LexemeBatch.__new__(LexemeBatch)
        part.lexemes = [self.lexemes[position] for position in positions]
        part._values, part._lists, part._texts, part._positions = {}, {}, {}, {}
        return part

    def texts(self, attr: str) -> list[str]:
        """The attribute's strings (``ORTH``, ``LOWER``, ``SHAPE``...), one per lexeme (read once per batch)."""
        found = self._texts.get(attr)
        if found is None:
            name = attr.lower() + "_"
            found = self._texts[attr] = [getattr(lexeme, name) for lexeme in self.lexemes]
        return found


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

    def table(self, doc: Doc, pad: int = 0) -> np.ndarray:
        """The ``tokens x tests`` matrix for ``doc``; with ``pad``, that many all-False rows before and after
        the doc's (room for offsets)."""
        if len(doc) == 0:
            return np.zeros((2 * pad, len(self.tests)), dtype=bool)
        if not pad:
            rows, inverse = self._doc_rows(doc)
            return self._matrix.take(rows[inverse], axis=0)  # one gather of whole rows (faster than two fancy indexings)
        return self.padded(self.lexeme_table(doc), pad)

    def lexeme_table(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        """The ``(distinct lexemes + 1) x tests`` matrix of the doc's lexemes, the last row all False, and per
        token its lexeme's row (see :func:`doc_lexemes`); :meth:`padded` makes the token table from them."""
        rows, inverse = self._doc_rows(doc)
        distinct = np.empty((len(rows) + 1, len(self.tests)), dtype=bool)
        distinct[:-1] = self._matrix.take(rows, axis=0)
        distinct[-1] = False
        return distinct, inverse

    @staticmethod
    def padded(lexeme_table: tuple[np.ndarray, np.ndarray], pad: int) -> np.ndarray:
        """The ``tokens x tests`` matrix of a :meth:`lexeme_table`, with ``pad`` all-False rows before and after."""
        distinct, inverse = lexeme_table
        border = np.full(pad, len(distinct) - 1, dtype=np.intp)
        return distinct.take(np.concatenate((border, inverse, border)), axis=0)

    def _doc_rows(self, doc: Doc) -> tuple[np.ndarray, np.ndarray]:
        """The rows in the flag matrix of the doc's distinct lexemes (new ones evaluated), and per token its
        lexeme's index among them."""
        unique, inverse = doc_lexemes(doc)
        rows = self._rows(unique)
        missing = rows < 0
        if missing.any():
            new = unique[missing]
            rows[missing] = self._add(new, LexemeBatch(doc.vocab, new.tolist()))
        return rows, inverse

    def prepare(self, docs: Sequence[Doc]) -> None:
        """Evaluate the tests at once for the lexemes of several docs not seen yet.

        Optional: ``table()`` does it per doc, but each batch of new lexemes costs
        a call per test, however few the lexemes, so one batch for many docs is cheaper.
        """
        orths = [doc_lexemes(doc)[0] for doc in docs if len(doc)]  # each doc's distinct lexemes, kept for later
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


# --- compiled lexeme tests ----------------------------------------------------------------


@dataclass(frozen=True)
class _All:
    checks: tuple[LexemeTest, ...]

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        # Every test returns a new array, so the first one's is ANDed in place (most columns have one check).
        # Cheap checks go first; a costly one (a regex) then runs only on the lexemes still in, when they are few.
        if not self.checks:
            return np.ones(len(batch), dtype=bool)
        checks = self._ordered
        result = checks[0](batch)
        for check in checks[1:]:
            kept = np.flatnonzero(result)
            if len(kept) == 0:
                break
            if len(kept) * _SUBSET_SHARE < len(batch):
                result[kept] = check(batch.subset(kept.tolist()))
            else:
                result &= check(batch)
        return result

    @cached_property
    def _ordered(self) -> tuple[LexemeTest, ...]:
        """The checks, those that call Python per lexeme (regexes, text tests) last (a stable sort)."""
        return tuple(sorted(self.checks, key=lambda check: isinstance(check, (_Regex, _TextTest))))


#: A check runs on the lexemes a column's earlier checks kept when they are fewer than 1 in this many.
_SUBSET_SHARE = 4


# From how many new lexemes a set test looks up the values it shares with the batch, not each lexeme's value.
_LARGE_BATCH = 512


@dataclass(frozen=True)
class _Membership:
    """Is the attribute's value in ``values``? (A few new lexemes are looked up one by one; a big batch of them,
    a cold start, by the values the batch and the set share.)"""

    attr: str
    values: frozenset[int]
    inside: bool = True

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        if len(batch) > _LARGE_BATCH:  # many new lexemes at once (a cold start): only the values both hold
            found = np.zeros(len(batch), dtype=bool)
            positions = batch.positions(self.attr)
            if len(positions) < len(self.values):
                shared = [value for value in positions if value in self.values]
            else:
                shared = [value for value in self.values if value in positions]
            for value in shared:
                found[positions[value]] = True
        else:
            found = np.fromiter(map(self.values.__contains__, batch.value_list(self.attr)), dtype=bool,
                                count=len(batch))
        return found if self.inside else ~found


@dataclass(frozen=True)
class _Regex:
    attr: str
    pattern: str

    def __call__(self, batch: LexemeBatch) -> np.ndarray:
        search = re.compile(self.pattern).search  # re caches compiled patterns
        # A match object is always true: its truth is "found" (mapped in C, no Python loop).
        return np.fromiter(map(bool, map(search, batch.texts(self.attr))), dtype=bool, count=len(batch))


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
