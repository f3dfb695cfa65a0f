"""Article text as HTML: escaped, cut into non-overlapping segments, records underlined displaCy-style."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from plancli.review.data import NO_DEADLINE, deadline_end, deadline_year, format_value, has_offsets

#: Underline colours (displaCy-like bars) per status.
STATUS_COLOURS: dict[str, str] = {"target": "#1f6feb", "actual": "#d97706"}
_OTHER_COLOUR = "#6b7280"
_BAR_HEIGHT = 3
_BAR_GAP = 2
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch ``text[start:end]`` and the marks that cover all of it (no mark starts or ends inside)."""

    start: int
    end: int
    marks: tuple[str, ...] = ()


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


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def escape(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


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
        piece = escape(text[segment.start : segment.end])
        covering = [int(key[1:]) for key in segment.marks if key.startswith("r")]
        cues = [key for key in segment.marks if not key.startswith("r")]
        if not covering and not cues:
            # Blank lines between paragraphs: a short fixed gap instead of a full, tall line.
            parts.append(_PARAGRAPH_BREAK.sub(lambda match: f'<span class="gap">{match.group(0)}</span>', piece))
            continue
        attributes = [f'data-ev="{" ".join(cues)}"'] if cues else []
        if covering:
            covering.sort(key=lambda n: levels[n])
            statuses = {str(by_number[n].get("status")) for n in covering}
            ending = [n for n in covering if by_number[n]["end"] == segment.end]
            attributes = [
                f'class="q {" ".join(f"q-{escape(s)}" for s in sorted(statuses))}"',
                f'data-r="{" ".join(map(str, covering))}"',
                *attributes,
                f'style="{_underline_style(covering, levels, by_number)}"',
                f'title="{escape(" | ".join(_tooltip(by_number[n]) for n in covering))}"',
            ]
        else:
            ending = []
            attributes.insert(0, 'class="cue"')
        parts.append(f"<span {' '.join(attributes)}>{piece}</span>")
        for number in ending:
            record = by_number[number]
            parts.append(
                f'<span class="lbl lbl-{escape(record.get("status"))}" data-for="{number}" '
                f'data-label="{escape(_label(record))}" aria-hidden="true"></span>'
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
