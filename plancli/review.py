"""``plancli review``: one self-contained HTML page for checking records against their articles.

Inputs are read exactly as ``plancli extract`` reads them (:mod:`plancli.inputs`)
and run through the same :class:`~plancli.extract.Extractor`. The page shows
every article with its quantities highlighted (targets and actuals in two
colours, underlined in the style of spaCy's displaCy span view), each record's
fields and evidence in a side panel, a table of targets sorted by deadline and
counts by status, kind and deadline year.

The page is safe to open on any input: every piece of article text and every
record string is HTML-escaped, the embedded JSON escapes ``<``, ``>`` and
``&``, and a Content-Security-Policy lets only the page's own script run and
forbids every network fetch. The CSS and JS live in ``review_template.html``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancli.inputs import DEFAULT_GLOB, DEFAULT_MAX_SIZE, InputError, iter_inputs, load_source, parse_glob

if TYPE_CHECKING:
    from plancli.extract import Extractor

TEMPLATE = "review_template.html"
NO_DEADLINE = "none"
#: Underline colours (displaCy-like bars) and label text per status.
STATUS_COLOURS: dict[str, str] = {"target": "#1f6feb", "actual": "#d97706"}
_OTHER_COLOUR = "#6b7280"
_BAR_HEIGHT = 3
_BAR_GAP = 2
_SCRIPT_BLOCK = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Article:
    """One input as the page shows it: its decoded text and its record dicts (or why it failed)."""

    name: str
    text: str = ""
    published: str | None = None
    records: tuple[dict[str, Any], ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch ``text[start:end]`` and the marks that cover all of it (no mark starts or ends inside)."""

    start: int
    end: int
    marks: tuple[str, ...] = field(default_factory=tuple)


# --- reading ------------------------------------------------------------------------------


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


# --- pure helpers -------------------------------------------------------------------------


def split_segments(length: int, marks: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``[0, length)`` at every mark boundary: non-overlapping segments, each with the marks covering it.

    Marks out of range or empty are dropped; overlapping and nested marks are fine. Covering marks
    keep their input order.
    """
    valid = [(start, end, key) for start, end, key in marks if 0 <= start < end <= length]
    cuts = sorted({0, length, *(s for s, _, _ in valid), *(e for _, e, _ in valid)})
    starting: dict[int, list[int]] = {}
    for position, (start, _, _) in enumerate(valid):
        starting.setdefault(start, []).append(position)
    active: set[int] = set()
    segments = []
    for left, right in pairwise(cuts):
        active = {position for position in active if valid[position][1] > left}
        active.update(starting.get(left, ()))
        segments.append(Segment(left, right, tuple(valid[position][2] for position in sorted(active))))
    return segments


def assign_levels(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Underline level per span: overlapping spans get different levels, outer (longer) spans lower ones."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -(spans[i][1] - spans[i][0])))
    levels = [0] * len(spans)
    open_spans: list[int] = []  # placed spans that may still overlap the next ones (sorted by start)
    for index in order:
        start, _ = spans[index]
        open_spans = [other for other in open_spans if spans[other][1] > start]
        taken = {levels[other] for other in open_spans}
        levels[index] = next(level for level in range(len(open_spans) + 1) if level not in taken)
        open_spans.append(index)
    return levels


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


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# --- rendering ----------------------------------------------------------------------------


def render_review(articles: Sequence[Article], *, title: str = "plancli review") -> str:
    """The whole page as one HTML string (inline CSS and JS, nothing fetched)."""
    numbered = [(index, record) for index, article in enumerate(articles) for record in article.records]
    ids = {id(record): number for number, (_, record) in enumerate(numbered)}
    all_records = [record for _, record in numbered]
    data = {
        "records": [
            {
                **record,
                "id": number,
                "display": format_value(record),
                "article": _anchor(index),
                "at_in_sentence": _offset_in_sentence(articles[index].text, record),
            }
            for number, (index, record) in enumerate(numbered)
        ]
    }
    body = "\n".join(
        [
            _render_header(title, articles, all_records),
            _render_counts(all_records),
            _render_targets(all_records, ids),
            '<h2 id="articles">Articles</h2>',
            *(_render_article(index, article, ids) for index, article in enumerate(articles)),
        ]
    )
    template = files("plancli").joinpath(TEMPLATE).read_text(encoding="utf-8")
    script = _SCRIPT_BLOCK.search(template)
    if script is None:
        raise RuntimeError(f"{TEMPLATE}: no <script> block")
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode("utf-8")).digest()).decode("ascii")
    return (
        template.replace("{{script_hash}}", f"sha256-{digest}")
        .replace("{{title}}", _e(title))
        .replace("{{data}}", json_for_script(data))
        .replace("<!--{{body}}-->", body)
    )


def _offset_in_sentence(text: str, record: dict[str, Any]) -> int | None:
    """Where the record's text starts inside its ``sentence`` (None when the sentence is not found around it)."""
    sentence = record.get("sentence")
    if not isinstance(sentence, str) or not sentence or not has_offsets(record, text):
        return None
    start, end = record["start"], record["end"]
    found = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    return start - found if 0 <= found <= start and found + len(sentence) >= end else None


def _anchor(index: int) -> str:
    return f"article-{index}"


def _render_header(title: str, articles: Sequence[Article], records: list[dict[str, Any]]) -> str:
    counts = count_records(records)["status"]
    failed = sum(article.error is not None for article in articles)
    nav = "".join(
        f'<li><a href="#{_anchor(index)}">{_e(article.name)}</a> <span class="muted">{len(article.records)}</span></li>'
        for index, article in enumerate(articles)
    )
    facts = [
        _plural(len(articles), "article"),
        _plural(len(records), "record"),
        f'<span class="swatch swatch-target"></span>{counts["target"]} targets',
        f'<span class="swatch swatch-actual"></span>{counts["actual"]} actuals',
    ]
    if failed:
        facts.append(f'<span class="error-text">{failed} unreadable</span>')
    return (
        f'<header><h1>{_e(title)}</h1><p class="facts">{" · ".join(facts)}</p>'
        f'<p class="muted">Click a highlighted quantity (or a table row) to see its record and evidence; '
        f"<kbd>Esc</kbd> clears. Underline: "
        f'<span class="swatch swatch-target"></span>target, <span class="swatch swatch-actual"></span>actual; '
        f'<span class="ev-key ev-key-status">status cue</span> and '
        f'<span class="ev-key ev-key-deadline">deadline</span> evidence show for the selected record.</p>'
        f'<details class="nav"><summary>Articles ({len(articles)})</summary><ol>{nav}</ol></details></header>'
    )


def _render_counts(records: list[dict[str, Any]]) -> str:
    """Three small tables; each row splits its count into targets and actuals (a stacked bar)."""
    overall = count_records(records)
    split = {status: count_records(r for r in records if r.get("status") == status) for status in STATUS_COLOURS}
    blocks = []
    for name, counter in overall.items():
        if name == "deadline year":
            keys = sorted(counter, key=lambda key: (key == NO_DEADLINE, key))
        else:
            keys = [key for key, _ in counter.most_common()]
        peak = max(counter.values(), default=1)
        lines = []
        for key in keys:
            bars = "".join(
                f'<span class="bar bar-{status}" style="width:{100 * split[status][name][key] / peak:.1f}%" '
                f'title="{split[status][name][key]} {status}s"></span>'
                for status in STATUS_COLOURS
                if split[status][name][key]
            )
            label = "no deadline" if name == "deadline year" and key == NO_DEADLINE else key
            lines.append(
                f'<tr><th scope="row">{_e(label)}</th><td class="num">{counter[key]}</td>'
                f'<td class="bar-cell">{bars}</td></tr>'
            )
        blocks.append(f'<table class="counts"><caption>By {_e(name)}</caption><tbody>{"".join(lines)}</tbody></table>')
    return f'<section class="count-grid" aria-label="Counts">{"".join(blocks)}</section>'


def _render_targets(records: list[dict[str, Any]], ids: dict[int, int]) -> str:
    targets = targets_by_deadline(records)
    rows = "".join(
        f'<tr data-r="{ids[id(record)]}" tabindex="0">'
        f'<td class="nowrap">{_e(deadline_end(record) or "—")}</td>'
        f'<td class="nowrap num">{_e(format_value(record))}</td>'
        f"<td>{_e(record.get('metric') or '—')}</td>"
        f"<td>{_e(record.get('actor') or '—')}</td>"
        f'<td class="doc">{_e(record.get("doc"))}</td>'
        f'<td class="quote">{_e(record.get("text"))}</td></tr>'
        for record in targets
    )
    head = "<tr><th>Deadline end</th><th>Value</th><th>Metric</th><th>Actor</th><th>Document</th><th>Text</th></tr>"
    return (
        f'<h2 id="targets">Targets by deadline <span class="muted">({len(targets)})</span></h2>'
        f'<div class="table-wrap"><table id="targets-table" class="targets"><thead>{head}</thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _render_article(index: int, article: Article, ids: dict[int, int]) -> str:
    heading = (
        f'<h3><span class="doc-name">{_e(article.name)}</span>'
        f' <span class="muted">{_e(article.published or "no date")} · {len(article.records)} records</span></h3>'
    )
    if article.error is not None:
        text = f'<div class="text">{_e(article.text)}</div>' if article.text else ""
        return (
            f'<section class="article" id="{_anchor(index)}">{heading}'
            f'<p class="error-text">{_e(article.error)}</p>{text}</section>'
        )
    return (
        f'<section class="article" id="{_anchor(index)}">{heading}'
        f'<div class="text">{highlight(article.text, article.records, ids)}</div></section>'
    )


def highlight(text: str, records: Sequence[dict[str, Any]], ids: dict[int, int] | None = None) -> str:
    """``text`` as escaped HTML with each record's ``text[start:end]`` wrapped in ``<span class="q">`` segments.

    Overlapping records are split into non-overlapping segments, each listing
    its records in ``data-r``; evidence ranges (status cue, deadline phrase)
    become segments listing ``s<id>``/``d<id>`` in ``data-ev``.
    """
    numbers = [ids[id(record)] if ids is not None else position for position, record in enumerate(records)]
    shown = [(number, record) for number, record in zip(numbers, records, strict=True) if has_offsets(record, text)]
    levels = dict(zip((n for n, _ in shown), assign_levels([(r["start"], r["end"]) for _, r in shown]), strict=True))
    by_number = dict(shown)
    marks: list[tuple[int, int, str]] = [(r["start"], r["end"], f"r{n}") for n, r in shown]
    for number, record in shown:
        marks.extend(_evidence_marks(number, record))
    parts = []
    for segment in split_segments(len(text), marks):
        piece = _e(text[segment.start : segment.end])
        covering = [int(key[1:]) for key in segment.marks if key.startswith("r")]
        cues = [key for key in segment.marks if not key.startswith("r")]
        if not covering and not cues:
            parts.append(piece)
            continue
        attributes = [f'data-ev="{" ".join(cues)}"'] if cues else []
        if covering:
            covering.sort(key=lambda n: levels[n])
            statuses = {str(by_number[n].get("status")) for n in covering}
            ending = [n for n in covering if by_number[n]["end"] == segment.end]
            attributes = [
                f'class="q {" ".join(f"q-{_e(s)}" for s in sorted(statuses))}"',
                f'data-r="{" ".join(map(str, covering))}"',
                *attributes,
                f'style="{_underline_style(covering, levels, by_number)}"',
                f'title="{_e(" | ".join(_tooltip(by_number[n]) for n in covering))}"',
            ]
        else:
            ending = []
            attributes.insert(0, 'class="cue"')
        parts.append(f"<span {' '.join(attributes)}>{piece}</span>")
        for number in ending:
            record = by_number[number]
            parts.append(
                f'<span class="lbl lbl-{_e(record.get("status"))}" data-for="{number}" '
                f'data-label="{_e(_label(record))}" aria-hidden="true"></span>'
            )
    return "".join(parts)


def _evidence_marks(number: int, record: dict[str, Any]) -> list[tuple[int, int, str]]:
    evidence = record.get("evidence")
    if not isinstance(evidence, dict):
        return []
    marks = []
    for key, prefix in (("status", "s"), ("deadline", "d")):
        item = evidence.get(key)
        if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            marks.append((item["start"], item["end"], f"{prefix}{number}"))
    return marks


def _underline_style(covering: list[int], levels: dict[int, int], records: dict[int, dict[str, Any]]) -> str:
    """displaCy-style bars: one coloured bar per covering record, stacked by level under the text."""
    images, positions = [], []
    for number in covering:
        colour = STATUS_COLOURS.get(str(records[number].get("status")), _OTHER_COLOUR)
        images.append(f"linear-gradient({colour},{colour})")
        positions.append(f"0 calc(100% - {levels[number] * (_BAR_HEIGHT + _BAR_GAP)}px)")
    depth = max(levels[n] for n in covering) + 1
    return (
        f"background-image:{','.join(images)};background-position:{','.join(positions)};"
        f"background-size:{','.join([f'100% {_BAR_HEIGHT}px'] * len(images))};"
        f"padding-bottom:{depth * (_BAR_HEIGHT + _BAR_GAP)}px"
    )


def _label(record: dict[str, Any]) -> str:
    year = deadline_year(record)
    label = str(record.get("status") or "").upper()
    return label if year == NO_DEADLINE else f"{label} {year}"


def _tooltip(record: dict[str, Any]) -> str:
    parts = [str(record.get("status")), str(record.get("kind")), format_value(record)]
    if deadline_end(record):
        parts.append(f"by {deadline_end(record)}")
    if record.get("metric"):
        parts.append(str(record["metric"]))
    return " · ".join(parts)


# --- command ------------------------------------------------------------------------------


def review_cli(
    paths: Sequence[str],
    output: Path,
    *,
    published: str | None = None,
    patterns: Sequence[Path] = (),
    glob: str = DEFAULT_GLOB,
    model: str | None = None,
    title: str | None = None,
) -> int:
    """What ``plancli review`` does; returns the exit code (0 ok, 1 some input unreadable, 2 usage error)."""
    from plancli.batch import ExtractorSetupError
    from plancli.patterns import PatternError
    from plancli.writers import atomic_output

    problem = _check_options(output, published, patterns, glob)
    if problem is not None:
        return _error(problem, 2)
    try:
        articles = collect_articles(
            paths,
            glob=glob,
            patterns=patterns,
            published=published,
            model=model,
            on_empty=lambda folder: _echo(f"plancli: {folder}: no files match {glob!r} (see --glob)"),
        )
    except (PatternError, ExtractorSetupError) as error:
        return _error(str(error), 2)
    for article in articles:
        if article.error is not None:
            _echo(f"plancli: {article.name}: {article.error}")
    page = render_review(articles, title=title or "plancli review")
    try:
        with atomic_output(output) as stream:
            stream.write(page)
    except OSError as error:
        return _error(f"{output}: cannot write: {(error.strerror or str(error)).lower()}", 1)
    records = sum(len(article.records) for article in articles)
    _echo(f"plancli: {_plural(len(articles), 'article')}, {_plural(records, 'record')} -> {output}")
    return 1 if any(article.error for article in articles) else 0


def _check_options(output: Path, published: str | None, patterns: Sequence[Path], glob: str) -> str | None:
    if output.is_dir():
        return f"--output: {output}: is a folder"
    if published is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                raise ValueError
            date.fromisoformat(published)
        except ValueError:
            return f"--published: expected a date as YYYY-MM-DD; got {published!r}"
    for folder in patterns:
        if not folder.exists():
            return f"--patterns: {folder}: no such file or folder"
    try:
        parse_glob(glob)
    except ValueError as error:
        return f"--glob: {error}"
    return None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _echo(line: str) -> None:
    print(line, file=sys.stderr)


def _error(message: str, code: int) -> int:
    _echo(f"plancli: {message}")
    return code


__all__ = [
    "Article",
    "Segment",
    "collect_articles",
    "count_records",
    "format_value",
    "highlight",
    "json_for_script",
    "render_review",
    "review_cli",
    "split_segments",
    "targets_by_deadline",
]
