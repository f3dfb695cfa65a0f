"""The public extraction API: text in, :class:`~plancli.records.Target` records out.

This is the only place that turns a spaCy ``Doc`` into records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from plancli.normalize.layout import OffsetMap, analysis_text
from plancli.records import Cue, DeadlineSource, Document, Target

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Extractor:
    """A built pipeline plus its configuration; build once, call many times.

    ``patterns`` are extra pattern folders added to the built-in ones;
    ``model`` names an installed spaCy pipeline to use instead of ``spacy.blank("en")``.
    """

    def __init__(self, *, patterns: Sequence[str | Path] = (), model: str | None = None) -> None:
        from plancli.pipeline import build_pipeline

        self.patterns = tuple(Path(p) for p in patterns)
        self.model = model
        self.nlp: Language = build_pipeline(patterns=self.patterns, model=model)

    def extract(self, text: str, *, published: str | date | None = None, source: str | None = None) -> list[Target]:
        """Records for every quantitative statement in ``text``."""
        return next(self.extract_many([Document(text, source, _iso(published))]))

    def extract_many(
        self, docs: Iterable[Document | str], *, published: str | date | None = None, batch_size: int = 16
    ) -> Iterator[list[Target]]:
        """Yield one list of records per input, in input order (streams through ``nlp.pipe``)."""
        default_published = _iso(published)

        def make_docs() -> Iterator[Doc]:
            for item in docs:
                document = item if isinstance(item, Document) else Document(item)
                cleaned, offsets = analysis_text(document.text)
                doc = self.nlp.make_doc(cleaned)
                doc.user_data[_LAYOUT_KEY] = (document.text, offsets)
                doc._.source = document.source
                doc._.published = document.published or default_published or _header_date(document.text)
                yield doc

        for doc in self.nlp.pipe(make_docs(), batch_size=batch_size):
            yield records_from_doc(doc)


def records_from_doc(doc: Doc) -> list[Target]:
    """The records a processed ``Doc`` carries, with its source name and publication date."""
    source = doc._.source
    published = doc._.published
    published_iso = published.isoformat() if isinstance(published, date) else published
    records = [dataclasses.replace(t, doc=source, published=published_iso) for t in doc._.targets or []]
    if _LAYOUT_KEY in doc.user_data:
        original, offsets = doc.user_data[_LAYOUT_KEY]
        records = _to_original(records, doc, original, offsets)
    return records


# -- layout: the pipeline reads a cleaned text; records index the original -----------------

_LAYOUT_KEY = "plancli.layout"


def _header_date(original: str) -> str | None:
    """The publication date from the original header lines (cleaning may join them)."""
    from plancli.normalize.dates import find_published

    found = find_published(original)
    return found.isoformat() if found else None


_Part = TypeVar("_Part", Cue, DeadlineSource)


def _to_original(records: list[Target], doc: Doc, original: str, offsets: OffsetMap) -> list[Target]:
    """Records whose offsets, ``text`` and ``sentence`` index ``original`` instead of the cleaned ``doc``."""
    mapped = []
    for record in records:
        start, end = offsets.span(record.start, record.end)
        sentence = record.sentence
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is not None and len(span):
            sent = span.sent
            sent_start, sent_end = offsets.span(sent.start_char, sent.end_char)
            sentence = " ".join(original[sent_start:sent_end].split())
        evidence = record.evidence
        if evidence is not None:
            deadline = evidence.deadline
            evidence = dataclasses.replace(
                evidence, status=_part_to_original(evidence.status, original, offsets),
                deadline=None if deadline is None else _part_to_original(deadline, original, offsets))
        mapped.append(dataclasses.replace(record, start=start, end=end, text=original[start:end], sentence=sentence,
                                          evidence=evidence))
    return mapped


def _part_to_original(part: _Part, original: str, offsets: OffsetMap) -> _Part:
    """An evidence part (a cue or a deadline's origin) with offsets and words from ``original``."""
    if part.start is None or part.end is None:
        return part
    start, end = offsets.span(part.start, part.end)
    return dataclasses.replace(part, start=start, end=end, text=original[start:end])


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
