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

import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

Match = tuple[int, int, int]  # (match id, start token, end token)
Row = tuple[int, int, int, int]  # (start token, end token, label hash, id hash): one span of the ruler
#: Where the ruler leaves its rows in ``doc.user_data``: ``f"{ROWS_KEY}:{spans key}"``.
ROWS_KEY = "plancli.ruler_rows"
#: A doc whose ``user_data`` maps this key to True gets the ruler's rows only, no ``doc.spans`` group (building a
#: ``Span`` per match is a good part of the ruler's time): plancli's extractor marks the docs it makes, which
#: never leave it, so that every reader goes through :func:`ruler_rows`.
ROWS_ONLY_KEY = "plancli.rows_only"

from plancli.matcher_flags import LexemeBatch, LexemeFlags, lexeme_set_test, lexeme_text_test
from plancli.matcher_patterns import _analyse, _compile, _Plan


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
        # Per anchor, the checks within the border, their offsets shifted into the padded table (a row to broadcast,
        # or a number when there is one offset).
        self.checks: dict[Any, list[tuple[int, np.ndarray | int]]] = {
            anchor: [(column, int(offsets[0]) + self.pad if len(offsets) == 1 else (offsets + self.pad)[None, :])
                     for column, offsets in anchor.checks if abs(int(offsets[-1])) <= self.pad]
            for plan, _ in self.windowed for anchor in plan.anchors}
        # Which patterns may match a doc is one numpy reduction over the columns' token counts: every plain
        # pattern's columns, every windowed pattern's anchor columns, flattened, with each pattern's first index.
        self._plain_columns, self._plain_firsts = _flattened([columns for _, columns in self.plain])
        self._anchor_columns, self._anchor_firsts = _flattened(
            [[anchor.column for anchor in plan.anchors] for plan, _ in self.windowed])

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
        pad = self.pad
        lexemes = self.flags.lexeme_table(doc)
        padded = self.flags.padded(lexemes, pad)  # the flags with all-False rows before and after the doc
        table = padded[pad : pad + n]
        # Tokens per column, counted per distinct lexeme: a product of floats, exact while counts stay below
        # 2**24 (float32) or 2**53 (float64).
        distinct, inverse = lexemes
        exact = np.float32 if n < _FLOAT32_EXACT else np.float64
        tokens_per_lexeme = np.bincount(inverse, minlength=len(distinct)).astype(exact)
        column_counts = (tokens_per_lexeme @ distinct.astype(exact)).astype(np.int64)
        present = column_counts > 0
        counts: list[int] = column_counts.tolist()
        for (match_id, columns), usable in zip(self.plain, _all_of(present, self._plain_columns,
                                                                   self._plain_firsts), strict=True):
            if usable and n >= len(columns):
                matches.extend(_plain_matches(table, match_id, columns))
        if not self.windowed:
            return matches
        for (plan, window_matcher), usable in zip(self.windowed, _all_of(present, self._anchor_columns,
                                                                         self._anchor_firsts), strict=True):
            if not usable:
                continue
            windows = _windows(plan, padded, counts, table, self.checks)
            if windows is None:
                continue
            for window_start, window_end in _merge(*windows, n):
                for match_id, start, end in window_matcher(doc[window_start:window_end]):
                    matches.append((match_id, start + window_start, end + window_start))
        return matches


#: Integers below this are exact in float32.
_FLOAT32_EXACT = 2**24


def _flattened(groups: list[list[int]] | list[tuple[int, ...]]) -> tuple[np.ndarray, np.ndarray]:
    """Non-empty groups of columns as one flat array of columns and each group's first index in it."""
    sizes = [len(group) for group in groups]
    flat = np.array([column for group in groups for column in group], dtype=np.intp)
    return flat, np.cumsum([0, *sizes[:-1]], dtype=np.intp)[: len(groups)]


def _all_of(present: np.ndarray, columns: np.ndarray, firsts: np.ndarray) -> list[bool]:
    """Per group of :func:`_flattened`, whether every one of its columns is ``present``."""
    if len(firsts) == 0:
        return []
    found: list[bool] = np.logical_and.reduceat(present[columns], firsts).tolist()
    return found


def _plain_matches(table: np.ndarray, match_id: int, columns: tuple[int, ...]) -> list[Match]:
    """Matches of a fixed-length lexical pattern (``len(table) >= len(columns)``, every column present)."""
    size = len(columns)
    n = len(table)
    hits = table[: n - size + 1, columns[0]].copy()
    for offset, column in enumerate(columns[1:], 1):
        hits &= table[offset : n - size + 1 + offset, column]
    return [(match_id, start, start + size) for start in hits.nonzero()[0].tolist()]


def _windows(plan: _Plan, padded: np.ndarray, counts: list[int], table: np.ndarray,
             checks: dict[Any, list[tuple[int, np.ndarray | int]]]) -> tuple[np.ndarray, np.ndarray] | None:
    """Start and end of a window around every anchor token, or None when the pattern cannot match.

    ``padded`` is the flag table with all-False rows before and after the doc, ``table`` the
    unpadded one; every anchor column is present in the doc. ``checks`` are each anchor's
    (column, padded offsets) checks.
    """
    anchors = plan.anchors
    anchor = anchors[0]  # the rarest in the doc, the first of equals (as ``min`` picks)
    fewest = counts[anchor.column]
    for other in anchors[1:]:
        if counts[other.column] < fewest:
            anchor, fewest = other, counts[other.column]
    candidates = table[:, anchor.column].nonzero()[0]
    by_column = padded.T  # a view: one column's flags as a 1-d array (a simpler gather than 2-d indexing)
    for column, shifted in checks[anchor]:
        flags = by_column[column]
        if isinstance(shifted, int):
            candidates = candidates[flags[candidates + shifted]]
        else:
            candidates = candidates[flags[candidates[:, None] + shifted].any(axis=1)]
        if len(candidates) == 0:
            return None
    if plan.bounded:
        return candidates - anchor.before, candidates + anchor.after + 1
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

#: Docs whose new words get their flags computed together (see :meth:`FastSpanRuler.pipe`) ...
FLAG_BATCH_DOCS = 64
#: ... unless they hold more tokens than this together.
FLAG_BATCH_TOKENS = 100_000


def token_batches(stream: Iterable[Doc], size: int, tokens: int) -> Iterator[list[Doc]]:
    """``stream`` in lists of at most ``size`` docs and ``tokens`` tokens (a longer doc alone), in order."""
    batch: list[Doc] = []
    held = 0
    for doc in stream:
        if batch and (len(batch) >= size or held + len(doc) > tokens):
            yield batch
            batch, held = [], 0
        batch.append(doc)
        held += len(doc)
    if batch:
        yield batch



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
            self._names: dict[int, tuple[int, int]] = {}
        return self._windowed

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """spaCy's ``add_patterns``; phrase patterns skip plancli's sentence rules, which change no token
        and no lexical attribute (spaCy runs every component before the ruler on each phrase pattern)."""
        sentences = [name for name in self.nlp.pipe_names
                     if self.nlp.get_pipe_meta(name).factory == "plancli_sentences"]
        if not sentences or str(self.phrase_matcher_attr).upper() in {"SENT_START", "IS_SENT_START"}:
            super().add_patterns(patterns)
            return
        with self.nlp.select_pipes(disable=sentences):
            super().add_patterns(patterns)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Like ``__call__`` on each doc; the per-lexeme flags of each batch's new words are computed together.

        Batches hold at least :data:`FLAG_BATCH_DOCS` docs (each batch of new words costs a call per flag
        column, hundreds of them, however few the words), as long as they stay under :data:`FLAG_BATCH_TOKENS`
        tokens (a long text's pieces go one or two at a time)."""
        for docs in token_batches(stream, max(batch_size, FLAG_BATCH_DOCS), FLAG_BATCH_TOKENS):
            try:
                self.windowed_matcher().flags.prepare(docs)
            except Exception:  # noqa: BLE001  (the docs then meet the same error one by one, with its handler)
                pass
            yield from super().pipe(docs, batch_size=batch_size)

    def __call__(self, doc: Doc) -> Doc:
        """spaCy's ``SpanRuler.__call__``; the matches also stay as rows for :func:`ruler_rows`."""
        error_handler = self.get_error_handler()
        try:
            rows = self.match_rows(doc)
            if doc.user_data.get(ROWS_ONLY_KEY) is True and self.key and self.spans_filter is None \
                    and not self.annotate_ents and self.key not in doc.spans:
                doc.user_data[f"{ROWS_KEY}:{self.key}"] = (rows, None)
                return doc
            self.set_annotations(doc, _spans(doc, rows))
            if self.key and self.spans_filter is None and len(doc.spans[self.key]) == len(rows):
                doc.user_data[f"{ROWS_KEY}:{self.key}"] = (rows, len(rows))
            return doc
        except Exception as e:  # noqa: BLE001  (spaCy's own error handling)
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc) -> list[Span]:  # type: ignore[override]
        """The matches as spans, deduplicated and sorted as spaCy's ruler sorts them."""
        return _spans(doc, self.match_rows(doc))

    def match_rows(self, doc: Doc) -> list[Row]:
        """``(start, end, label hash, id hash)`` of every match, deduplicated and in spaCy's span order."""
        self._require_patterns()
        matcher = self.windowed_matcher()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            found = matcher(doc) + list(self.phrase_matcher(doc))
        names = self._names  # match id -> (label hash, id hash), for the current patterns
        for match_id in {match_id for match_id, _, _ in found}.difference(names):
            entry = self._match_label_id_map[match_id]
            strings = self.nlp.vocab.strings
            names[match_id] = (strings.add(entry["label"]), strings.add(entry["id"]))
        keyed = {(start, end) + names[match_id] for match_id, start, end in found if start != end}
        # Spans sort by (start_char, end_char, label, kb_id, id); token order is character order.
        return sorted(keyed)


def _spans(doc: Doc, rows: list[Row]) -> list[Span]:
    return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in rows]


def ruler_rows(doc: Doc, key: str) -> list[Row] | None:
    """The ``(start, end, label hash, id hash)`` rows behind ``doc.spans[key]``, in its order, when that
    group holds exactly what :class:`FastSpanRuler` wrote there; else None (read the spans instead)."""
    found = doc.user_data.get(f"{ROWS_KEY}:{key}")
    if found is None:
        return None
    if found[1] is None:  # a rows-only doc (see ROWS_ONLY_KEY): valid while nothing wrote the group since
        return found[0] if key not in doc.spans else None
    if key not in doc.spans or len(doc.spans[key]) != found[1]:
        return None
    return found[0]


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
    "FastSpanRuler", "LexemeBatch", "LexemeFlags", "ROWS_KEY", "Row", "WindowedMatcher",
    "lexeme_set_test", "lexeme_text_test", "make_span_ruler", "ruler_rows",
]
