"""The public extraction API: text in, :class:`~plancli.records.Target` records out.

This is the only place that turns a spaCy ``Doc`` into records.

Long texts are processed in pieces: a text longer than :data:`PIECE_CHARS`
is cut at paragraph boundaries (a blank line, else a line break, else a
sentence end, else a space) into pieces that each go through the pipeline;
record offsets are shifted back so they index the whole text. The
publication date is read once from the whole text's header lines and given
to every piece. A deadline carried from one paragraph to the next is lost
only where a piece ends, and pieces end at blank lines whenever they can.
A run-on stretch with no sentence break over :data:`RUN_ON_CHARS` (a table
flattened into one line) is read in parts cut at commas, so that time stays
linear in the length of any input.

Records leave with a bounded ``sentence``: a sentence longer than
:data:`SENTENCE_CHARS` is shown as a window around the quantity with "…"
on each cut side, so output size stays linear in the input.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from plancli.doctext import TEXT_KEY
from plancli.normalize.layout import LayoutVocabulary, OffsetMap, analysis_text
from plancli.records import Cue, DeadlineSource, Document, Evidence, Target

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest text sent through the pipeline at once (spaCy refuses more than ``nlp.max_length``,
#: 1,000,000 by default, and its memory grows with the piece).
PIECE_CHARS = 200_000
#: Longest run-on stretch read as one: a longer one (a table flattened into one line, a list
#: without full stops) is cut into parts of this size at commas or spaces, each read on its own,
#: so that time stays linear whatever the sentence length (real sentences stay under 2,000).
RUN_ON_CHARS = 3_000
#: Longest ``sentence`` a record carries whole; longer ones become a window around the quantity.
SENTENCE_CHARS = 400
ELLIPSIS = "…"
# The publication date of a piece after the first: a value the date parser rejects, so no piece
# reads a date from its own first lines (the whole text's header was read once already).
_NO_DATE = "unknown"
# Where a Doc keeps the text it was cleaned from and the map back to it (see normalize/layout.py).
_LAYOUT_KEY = "plancli.layout"
_Part = TypeVar("_Part", Cue, DeadlineSource)


class Extractor:
    """A built pipeline plus its configuration; build once, call many times.

    ``patterns`` are extra pattern folders added to the built-in ones;
    ``model`` names an installed spaCy pipeline to use instead of ``spacy.blank("en")``.

    The library leaves Python's garbage collector as it finds it. A long-running program that
    keeps one extractor may call ``gc.freeze()`` once it is built: the pipeline's ~100,000
    objects then stay out of the collector's full scans (a few percent of extraction time).
    The ``plancli`` command, its ``--jobs`` workers and those of a ``--dask local`` cluster do so
    (:func:`plancli.batch.freeze_heap`), and build the pipeline with the collector off.
    """

    def __init__(self, *, patterns: Sequence[str | Path] = (), model: str | None = None) -> None:
        from plancli.patterns import load_pattern_set
        from plancli.pipeline import build_pipeline

        self.patterns = tuple(Path(p) for p in patterns)
        self.model = model
        self.nlp: Language = build_pipeline(patterns=self.patterns, model=model)
        self.layout = LayoutVocabulary.from_patterns(load_pattern_set(self.patterns))

    def extract(self, text: str, *, published: str | date | None = None, source: str | None = None) -> list[Target]:
        """Records for every quantitative statement in ``text``."""
        return next(self.extract_many([Document(text, source, _iso(published))]))

    def extract_many(
        self, docs: Iterable[Document | str], *, published: str | date | None = None, batch_size: int = 16
    ) -> Iterator[list[Target]]:
        """Yield one list of records per input, in input order (streams through ``nlp.pipe``)."""
        from plancli.matcher import ROWS_ONLY_KEY

        default_published = _iso(published)
        limit = min(PIECE_CHARS, self.nlp.max_length)

        def make_docs() -> Iterator[tuple[Doc, _Piece]]:
            for item in docs:
                document = item if isinstance(item, Document) else Document(item)
                given = document.published or default_published or _published_from_header(document.text)
                pieces = split_text(document.text, limit)
                for index, (offset, piece) in enumerate(pieces):
                    cleaned, offsets = analysis_text(piece, self.layout)
                    doc = self.nlp.make_doc(cleaned)
                    doc.user_data[_LAYOUT_KEY] = (piece, offsets)
                    doc.user_data[TEXT_KEY] = cleaned  # spares the components rebuilding doc.text
                    doc.user_data[ROWS_ONLY_KEY] = True  # the ruler's matches as rows, no doc.spans: never read here
                    doc._.source = document.source
                    doc._.published = given or (_NO_DATE if len(pieces) > 1 else None)
                    yield doc, _Piece(offset, index == len(pieces) - 1, len(pieces) > 1, given)

        current: list[Target] = []
        for doc, piece in self.nlp.pipe(make_docs(), batch_size=batch_size, as_tuples=True):
            if piece.several:  # offsets into the whole text, and its publication date
                records = records_from_doc(doc, offset=piece.offset, published=piece.published)
            else:
                records = records_from_doc(doc)
            current.extend(records)
            if piece.last:
                yield current
                current = []


@dataclasses.dataclass(frozen=True, slots=True)
class _Piece:
    """Where a piece of a text sits: its offset, whether it ends the text, whether the text has several."""

    offset: int
    last: bool
    several: bool
    published: str | None


def split_text(text: str, limit: int = PIECE_CHARS, run_on: int = RUN_ON_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order, each piece at most ``limit`` characters.

    Cuts after the last blank line in the window (past its first quarter),
    else after a line break, a sentence end or a space, else at the limit. A
    run-on stretch longer than ``run_on`` characters without a sentence break
    becomes pieces of its own, cut at semicolons, commas or spaces. A text
    within the limits is one piece (even an empty one).
    """
    cuts = _run_on_cuts(text, run_on) if len(text) > run_on else []
    if len(text) <= limit and not cuts:
        return [(0, text)]
    bounds = [0]
    for cut in [*cuts, len(text)]:
        while cut - bounds[-1] > limit:
            bounds.append(_cut_point(text, bounds[-1], bounds[-1] + limit, _PARAGRAPH_BREAKS))
        if cut > bounds[-1]:
            bounds.append(cut)
    return [(start, text[start:end]) for start, end in zip(bounds, bounds[1:], strict=False)]


_PARAGRAPH_BREAKS = ("\n\n", "\n", ". ", "。", " ")
_CLAUSE_BREAKS = ("; ", "；", ", ", "，", " ")
# Where a sentence may end: generous (a semicolon, "U.S" too), so only true run-ons are cut.
_SENTENCE_BREAK = re.compile(r"[.!?。！？…;；][\"”’)\]»]*(?:\s*(?=[A-Z“\"‘(•])|\s+(?=[0-9]))|\n")


def _run_on_cuts(text: str, run_on: int) -> list[int]:
    """Cut points that break every stretch without a sentence break longer than ``run_on``."""
    cuts: list[int] = []
    last = 0
    for match in chain(_SENTENCE_BREAK.finditer(text), [None]):
        end = match.end() if match is not None else len(text)
        if end - last > run_on:
            if last > 0:
                cuts.append(last)
            start = last
            while end - start > run_on:
                start = _cut_point(text, start, start + run_on, _CLAUSE_BREAKS)
                cuts.append(start)
            cuts.append(end)
        last = end
    return sorted(set(cut for cut in cuts if 0 < cut < len(text)))


def _cut_point(text: str, start: int, end: int, separators: tuple[str, ...]) -> int:
    floor = start + (end - start) // 4  # pieces of at least a quarter of the limit: few pieces, linear time
    for separator in separators:
        found = text.rfind(separator, floor, end)
        if found >= 0:
            return found + len(separator)
    return end


def _shift(record: Target, offset: int, published: str | None) -> Target:
    """A record of a piece, with offsets into the whole text and the whole text's publication date."""
    def move(part: _Part) -> _Part:
        return dataclasses.replace(part, start=part.start + offset, end=part.end + offset)  # type: ignore[operator]

    return dataclasses.replace(record, start=record.start + offset, end=record.end + offset, published=published,
                               evidence=_move_evidence(record.evidence, move))


def _move_evidence(evidence: Evidence | None, move: Callable[[_Part], _Part]) -> Evidence | None:
    """``evidence`` with ``move`` applied to each of its parts that has offsets (a cue, a deadline's origin)."""
    if evidence is None:
        return None

    def moved(part: _Part) -> _Part:
        return part if part.start is None or part.end is None else move(part)

    deadline = evidence.deadline
    return dataclasses.replace(evidence, status=moved(evidence.status),
                               deadline=None if deadline is None else moved(deadline))


def _published_from_header(text: str) -> str | None:
    from plancli.normalize.dates import find_published

    found = find_published(text)
    return found.isoformat() if found else None


class _DocDate(enum.Enum):
    """records_from_doc's default ``published``: the doc's own publication date."""

    DOC_DATE = enum.auto()


_DOC_DATE = _DocDate.DOC_DATE


def records_from_doc(doc: Doc, *, offset: int = 0, published: str | date | None | _DocDate = _DOC_DATE
                     ) -> list[Target]:
    """The records a processed ``Doc`` carries, with its source name, publication date and a bounded sentence.

    ``offset`` is added to every record's offsets and ``published`` (an ISO date or None) replaces the doc's
    date: a piece of a longer text (see :func:`split_text`) gives the whole text's."""
    source = doc._.source
    own_date = isinstance(published, _DocDate)
    given: str | date | None = doc._.published if isinstance(published, _DocDate) else published
    published_iso = given.isoformat() if isinstance(given, date) else given
    targets: list[Target] = doc._.targets or []
    if _LAYOUT_KEY in doc.user_data:
        original, offsets = doc.user_data[_LAYOUT_KEY]
        return _to_original(targets, doc, original, offsets, source, published_iso, offset)
    records = [dataclasses.replace(t, doc=source, published=published_iso) for t in targets]
    if any(len(t.sentence) > SENTENCE_CHARS for t in records):
        text = doc.text
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        starts = [start for start, _ in sentences]
        bounded = []
        for t in records:
            if len(t.sentence) > SENTENCE_CHARS:
                sent_start, sent_end = sentences[max(0, bisect_right(starts, t.start) - 1)]
                t = dataclasses.replace(t, sentence=sentence_window(text, sent_start, sent_end, t.start, t.end))
            bounded.append(t)
        records = bounded
    if offset or not own_date:
        records = [_shift(record, offset, published_iso) for record in records]
    return records


def sentence_window(
    text: str, sent_start: int, sent_end: int, start: int, end: int, limit: int = SENTENCE_CHARS
) -> str:
    """The sentence ``text[sent_start:sent_end]`` cut to about ``limit`` characters around ``text[start:end]``.

    White space is folded; words are not cut; a cut side gets "…". A sentence
    within the limit is returned whole (folded).
    """
    start, end = max(start, sent_start), min(end, sent_end)
    room = max(0, limit - (end - start)) // 2
    left, right = max(sent_start, start - room), min(sent_end, end + room)
    # Give the room one side does not use to the other.
    if left == sent_start:
        right = min(sent_end, end + 2 * room - (start - left))
    elif right == sent_end:
        left = max(sent_start, start - (2 * room - (right - end)))
    if left > sent_start:  # start at a word
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < sent_end:  # end at a word
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    window = " ".join(text[left:right].split())
    return (ELLIPSIS if left > sent_start else "") + window + (ELLIPSIS if right < sent_end else "")


# -- layout: the pipeline reads a cleaned text; records index the original -----------------


def _to_original(records: list[Target], doc: Doc, original: str, offsets: OffsetMap, source: str | None,
                 published: str | None, offset: int = 0) -> list[Target]:
    """Records whose offsets, ``text`` and ``sentence`` index ``original`` instead of the cleaned ``doc``
    (offsets then moved by ``offset``), with their source name and publication date."""
    def to_original(part: _Part) -> _Part:
        start, end = offsets.span(part.start, part.end)  # type: ignore[arg-type]
        return dataclasses.replace(part, start=start + offset, end=end + offset, text=original[start:end])

    mapped = []
    # The sentence holding a record's first token by bisection (Span.sent walks the tokens, slow in a long one).
    sentences = [(sent.start, sent.start_char, sent.end_char) for sent in doc.sents] if records else []
    firsts = [first for first, _, _ in sentences]
    for record in records:
        start, end = offsets.span(record.start, record.end)
        sentence = record.sentence
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is not None and len(span):
            _, sent_start_char, sent_end_char = sentences[bisect_right(firsts, span.start) - 1]
            sent_start, sent_end = offsets.span(sent_start_char, sent_end_char)
            sentence = sentence_window(original, sent_start, sent_end, start, end)
        mapped.append(dataclasses.replace(record, start=start + offset, end=end + offset, text=original[start:end],
                                          sentence=sentence,
                                          evidence=_move_evidence(record.evidence, to_original), doc=source,
                                          published=published))
    return mapped


def _iso(value: str | date | None) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    if value is not None:
        date.fromisoformat(value)  # raises ValueError for a malformed date
    return value


@lru_cache(maxsize=4)
def get_extractor(patterns: tuple[Path, ...] = (), model: str | None = None) -> Extractor:
    """A shared :class:`Extractor` per configuration (the pipeline is expensive to build)."""
    return Extractor(patterns=patterns, model=model)


def extract(
    text: str,
    *,
    published: str | date | None = None,
    source: str | None = None,
    patterns: Sequence[str | Path] = (),
    model: str | None = None,
) -> list[Target]:
    """Records for every quantitative statement in ``text``.

    ``published`` (ISO date) resolves relative deadlines ("this year"); when
    omitted it is read from the text's header lines. ``source`` becomes each
    record's ``doc``.
    """
    extractor = get_extractor(tuple(Path(p) for p in patterns), model)
    return extractor.extract(text, published=published, source=source)


def extract_many(
    docs: Iterable[Document | str],
    *,
    published: str | date | None = None,
    patterns: Sequence[str | Path] = (),
    model: str | None = None,
    batch_size: int = 16,
) -> Iterator[list[Target]]:
    """Stream records for many texts (``nlp.pipe`` underneath): one list per input, in order."""
    extractor = get_extractor(tuple(Path(p) for p in patterns), model)
    return extractor.extract_many(docs, published=published, batch_size=batch_size)
