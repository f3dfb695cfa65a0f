"""The review's data: articles read and extracted as ``plancli extract`` does, counts, ordering, value text.

No spaCy and no HTML here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancli.inputs import DEFAULT_GLOB, DEFAULT_MAX_SIZE, InputError, iter_inputs, load_source

if TYPE_CHECKING:
    from plancli.extract import Extractor

NO_DEADLINE = "none"


@dataclass(frozen=True, slots=True)
class Article:
    """One input as the page shows it: its decoded text and its record dicts (or why it failed)."""

    name: str
    text: str = ""
    published: str | None = None
    records: tuple[dict[str, Any], ...] = ()
    error: str | None = None


def collect_articles(
    paths: Sequence[str],
    *,
    glob: str = DEFAULT_GLOB,
    patterns: Sequence[str | Path] = (),
    published: str | None = None,
    model: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    on_empty: Callable[[str], None] | None = None,
    extractor: Extractor | None = None,
) -> list[Article]:
    """Read and extract every input as ``plancli extract`` does; a failed input comes back with ``error``.

    ``extractor`` (built from ``patterns`` and ``model`` when omitted) lets callers reuse a built pipeline.
    Raises PatternError or ExtractorSetupError when the extractor cannot be built.
    """
    from plancli.batch import Settings, build_extractor

    if extractor is None:
        extractor = build_extractor(Settings(patterns=tuple(str(p) for p in patterns), model=model))
    articles = []
    for source in iter_inputs(paths, glob, on_empty=on_empty):
        try:
            doc = load_source(source, max_size=max_size)
        except InputError as error:
            articles.append(Article(source.name, error=f"skipped: {error.reason}"))
            continue
        try:
            targets = next(iter(extractor.extract_many([doc], published=published)))
        except Exception as error:  # noqa: BLE001 - one article the engine cannot handle must not sink the page
            articles.append(Article(source.name, doc.text, error=f"extraction failed: {type(error).__name__}: {error}"))
            continue
        day = published or doc.published
        records = []
        for target in targets:
            record = target.to_dict()
            record["doc"] = source.name
            record["published"] = day or record.get("published")
            records.append(record)
        articles.append(Article(source.name, doc.text, day or _first(records, "published"), tuple(records)))
    return articles


def _first(records: list[dict[str, Any]], key: str) -> Any:
    return next((record[key] for record in records if record.get(key)), None)


def has_offsets(record: dict[str, Any], text: str) -> bool:
    """True when the record's ``start``/``end`` are a valid range of ``text``."""
    start, end = record.get("start"), record.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def deadline_end(record: dict[str, Any]) -> str | None:
    deadline = record.get("deadline")
    return deadline.get("end") if isinstance(deadline, dict) else None


def deadline_year(record: dict[str, Any]) -> str:
    end = deadline_end(record)
    return end[:4] if end else NO_DEADLINE


def count_records(records: Iterable[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Counts by ``status``, ``kind`` and ``deadline year`` (``"none"`` when there is no deadline)."""
    counts: dict[str, Counter[str]] = {"status": Counter(), "kind": Counter(), "deadline year": Counter()}
    for record in records:
        counts["status"][str(record.get("status"))] += 1
        counts["kind"][str(record.get("kind"))] += 1
        counts["deadline year"][deadline_year(record)] += 1
    return counts


def targets_by_deadline(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets, soonest deadline end first, those without a deadline last; ties in document order."""
    targets = [record for record in records if record.get("status") == "target"]
    return sorted(
        targets,
        key=lambda r: (deadline_end(r) is None, deadline_end(r) or "", str(r.get("doc")), r.get("start") or 0),
    )


def format_value(record: dict[str, Any]) -> str:
    """``"> 2,000 enterprise"``, ``"48–50%"``, ``"~ 1.2 billion USD"``: comparator (none for "="), value(s), unit."""
    unit = str(record.get("unit") or "")
    value = _number(record.get("value"))
    if record.get("value_max") is not None:
        value = f"{value}–{_number(record.get('value_max'))}"
    unit = {"percent": "%", "percentage_point": "pp"}.get(unit, unit)
    comparator = str(record.get("comparator") or "=")
    comparator = {"=": "", ">=": "≥ ", "<=": "≤ ", "~": "~ ", ">": "> ", "<": "< "}.get(comparator, f"{comparator} ")
    return f"{comparator}{value}{'' if unit == '%' else ' '}{unit}".strip()


def _number(value: Any) -> str:
    if not isinstance(value, int | float):
        return str(value)
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
