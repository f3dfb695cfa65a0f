"""The public extraction API: text in, :class:`~plancli.records.Target` records out.

UNDER CONSTRUCTION: signatures are final, the body is being written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from plancli.records import Document, Target


class Extractor:
    """A built pipeline plus its configuration; build once, call many times."""

    def __init__(self, *, patterns: Sequence[str | Path] = (), model: str | None = None) -> None:
        self.patterns = tuple(Path(p) for p in patterns)
        self.model = model

    def extract(self, text: str, *, published: str | date | None = None, source: str | None = None) -> list[Target]:
        return next(self.extract_many([Document(text, source, _iso(published))]))

    def extract_many(
        self, docs: Iterable[Document | str], *, published: str | date | None = None, batch_size: int = 16
    ) -> Iterator[list[Target]]:
        """Yield one list of records per input, in input order (streams)."""
        for doc in docs:
            yield []


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


@lru_cache(maxsize=4)
def get_extractor(patterns: tuple[Path, ...] = (), model: str | None = None) -> Extractor:
    return Extractor(patterns=patterns, model=model)


def extract(
    text: str,
    *,
    published: str | date | None = None,
    source: str | None = None,
    patterns: Sequence[str | Path] = (),
    model: str | None = None,
) -> list[Target]:
    """Records for every quantitative statement in ``text``."""
    return get_extractor(tuple(Path(p) for p in patterns), model).extract(text, published=published, source=source)


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
