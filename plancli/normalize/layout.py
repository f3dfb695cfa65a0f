"""Layout clean-up before analysis: the text the pipeline reads, and a map back to the original.

Real articles come from PDFs, markdown and fixed-width reposts. Their layout
breaks token patterns: hard-wrapped lines split "15\\nGW" and sentences, runs of
spaces split "aims  to  add", bills carry line numbers and "[deleted]" text,
odd and zero-width spaces sit inside numbers, and chart axes leave columns of
bare numbers. :func:`analysis_text` undoes exactly these and nothing else; the
returned :class:`OffsetMap` takes every offset in the cleaned text back to the
original, so records still index the text the user gave.

Pure functions, string in, string and map out; no spaCy.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.patterns import PatternSet

__all__ = ["LayoutVocabulary", "OffsetMap", "analysis_text", "default_layout_vocabulary"]

# -- the word lists the rules read (patterns/lexicon/, see each file's description) --------


@dataclass(frozen=True)
class LayoutVocabulary:
    """The layout rules' word lists, from ``patterns/lexicon/``."""

    chart_label_verbs: frozenset[str]
    line_end_function_words: frozenset[str]
    abbreviations: frozenset[str]
    hyphen_number_words: frozenset[str]
    suffix_fragments: frozenset[str]
    bracket_number_re: re.Pattern[str]  # a digit or a number word: "[five]" in a "shall" line

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> LayoutVocabulary:
        """The word lists of a loaded pattern set (a user's lexicon of the same name extends the built-in one)."""
        number_words = sorted(patterns.words("bracket_number_words"), key=lambda w: (-len(w), w))
        return cls(
            chart_label_verbs=patterns.words("chart_label_verbs"),
            line_end_function_words=patterns.words("line_end_function_words"),
            abbreviations=patterns.words("abbreviations"),
            hyphen_number_words=patterns.words("hyphen_number_words"),
            suffix_fragments=patterns.words("suffix_fragments"),
            bracket_number_re=re.compile(rf"\d|\b(?:{'|'.join(map(re.escape, number_words))})\b", re.IGNORECASE),
        )


@lru_cache(maxsize=1)
def default_layout_vocabulary() -> LayoutVocabulary:
    """The built-in word lists, loaded once."""
    from plancli.patterns import load_pattern_set

    return LayoutVocabulary.from_patterns(load_pattern_set())


# -- the offset map ------------------------------------------------------------------------


class OffsetMap:
    """Cleaned-text offsets to original-text offsets, as runs of copied characters.

    Run ``k`` starts at cleaned offset ``clean_starts[k]`` and original offset
    ``original_starts[k]``; inside a run both advance together. Both arrays
    strictly increase, so the map is monotonic; a lookup is one bisection.
    """

    __slots__ = ("_clean_starts", "_original_starts", "clean_length", "original_length")

    def __init__(self, clean_starts: array[int], original_starts: array[int], clean_length: int,
                 original_length: int) -> None:
        self._clean_starts = clean_starts
        self._original_starts = original_starts
        self.clean_length = clean_length
        self.original_length = original_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text left as it was."""
        return cls(array("q", [0] if length else []), array("q", [0] if length else []), length, length)

    @property
    def is_identity(self) -> bool:
        """True when every offset maps to itself (characters may still be replaced one for one)."""
        return self.clean_length == self.original_length and len(self._clean_starts) <= 1

    def __len__(self) -> int:
        """The number of runs."""
        return len(self._clean_starts)

    def runs(self) -> Iterator[tuple[int, int, int]]:
        """``(clean_start, original_start, length)`` of every run, in order."""
        n = len(self._clean_starts)
        for k in range(n):
            end = self._clean_starts[k + 1] if k + 1 < n else self.clean_length
            yield self._clean_starts[k], self._original_starts[k], end - self._clean_starts[k]

    def char(self, offset: int) -> int:
        """The original offset of the cleaned character at ``offset`` (``0 <= offset < clean_length``)."""
        if not 0 <= offset < self.clean_length:
            raise IndexError(f"offset {offset} outside the cleaned text (length {self.clean_length})")
        k = bisect_right(self._clean_starts, offset) - 1
        return self._original_starts[k] + offset - self._clean_starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the cleaned ``[start, end)``: first char to last char + 1."""
        if start >= end:
            point = self.char(start) if start < self.clean_length else self.original_length
            return point, point
        return self.char(start), self.char(end - 1) + 1

    def then(self, inner: OffsetMap) -> OffsetMap:
        """This map followed by ``inner`` (which maps this map's original offsets further back)."""
        builder = _MapBuilder()
        runs = list(inner.runs())
        j = 0
        for clean_start, middle_start, length in self.runs():
            middle_end = middle_start + length
            while j < len(runs) and runs[j][0] + runs[j][2] <= middle_start:
                j += 1
            k = j
            while k < len(runs) and runs[k][0] < middle_end:
                run_clean, run_original, run_length = runs[k]
                lo = max(middle_start, run_clean)
                hi = min(middle_end, run_clean + run_length)
                builder.add(clean_start + lo - middle_start, run_original + lo - run_clean, hi - lo)
                k += 1
        return builder.build(self.clean_length, inner.original_length)


class _MapBuilder:
    """Collects runs, merging a run into the previous one when both sides continue it."""

    def __init__(self) -> None:
        self.clean_starts: array[int] = array("q")
        self.original_starts: array[int] = array("q")
        self._clean_end = 0
        self._original_end = -1

    def add(self, clean_start: int, original_start: int, length: int) -> None:
        if length <= 0:
            return
        if clean_start != self._clean_end or original_start != self._original_end:
            self.clean_starts.append(clean_start)
            self.original_starts.append(original_start)
        self._clean_end = clean_start + length
        self._original_end = original_start + length

    def build(self, clean_length: int, original_length: int) -> OffsetMap:
        return OffsetMap(self.clean_starts, self.original_starts, clean_length, original_length)


def _apply_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Replace each sorted, disjoint ``(start, end, replacement)``; a replacement maps to ``start``.

    Replacements are at most one character long, so every cleaned character
    has one original character.
    """
    parts: list[str] = []
    builder = _MapBuilder()
    clean = 0
    position = 0
    for start, end, replacement in edits:
        if start < position:  # overlapping edit: the earlier one wins
            continue
        parts.append(text[position:start])
        builder.add(clean, position, start - position)
        clean += start - position
        if replacement:
            parts.append(replacement)
            builder.add(clean, start, len(replacement))
            clean += len(replacement)
        position = end
    parts.append(text[position:])
    builder.add(clean, position, len(text) - position)
    clean += len(text) - position
    return "".join(parts), builder.build(clean, len(text))


from plancli.normalize.layout_rules import (
    _HTML_TAG_RE,
    _INVISIBLE_CHARS,
    _INVISIBLE_RE,
    _ODD_SPACE_RE,
    _bracket_deletions,
    _chart_blocks,
    _join_edits,
    _line_number_deletions,
    _looks_legal,
    line_bounds,
)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end, "")
        elif start < end:
            merged.append((start, end, ""))
    return merged


def analysis_text(text: str, vocab: LayoutVocabulary | None = None) -> tuple[str, OffsetMap]:
    """The text the pipeline should read, and the map from its offsets back to ``text``.

    Removes chart-axis residue, rising line numbers and (in legislation)
    "[deleted]" text; deletes zero-width characters; turns odd spaces and HTML tags
    left in the text into spaces; joins hard-wrapped lines; collapses runs of spaces and tabs.
    Everything else stays as it was. ``vocab`` holds the word lists the rules
    read: by default the built-in ones (an extractor passes its own, user lexicons included).
    """
    vocab = vocab or default_layout_vocabulary()
    lines = line_bounds(text)
    deletions = list(_chart_blocks(text, lines, vocab))
    numbered_lines, numbered = _line_number_deletions(text, lines)
    deletions += numbered_lines
    deletions += _bracket_deletions(text, numbered or _looks_legal(text), vocab)
    if any(char in text for char in _INVISIBLE_CHARS):  # six plain searches: far faster than the class's scan
        deletions += [match.span() for match in _INVISIBLE_RE.finditer(text)]
    if deletions:
        stage_one, first_map = _apply_edits(text, _merge(deletions))
    else:
        stage_one, first_map = text, OffsetMap.identity(len(text))
    stage_one = _ODD_SPACE_RE.sub(" ", stage_one)  # one for one: the map stays valid
    if "<" in stage_one:  # tags a scraper left ("</p>.<p>"): spaces, one for one
        stage_one = _HTML_TAG_RE.sub(lambda match: " " * len(match.group()), stage_one)
    edits = _join_edits(stage_one, vocab)
    if not edits:
        return stage_one, first_map
    cleaned, second_map = _apply_edits(stage_one, edits)
    return cleaned, second_map.then(first_map)
