"""Streaming record writers (JSON, JSON Lines, CSV, a terminal table) and atomic files.

Every writer takes plain record dicts (``Target.to_dict()``), one at a time:
``write(record)`` for each, then ``close()`` once. Nothing here imports spaCy;
rich is imported only by the table writer.

Output is strict: a record holding NaN or an infinite number is refused with
:class:`NonFiniteError` (a ValueError) before anything of it is written, so
JSON output never carries ``NaN``/``Infinity`` and CSV never ``inf``.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Protocol

from plancli.records import FIELDS

FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv")
SUFFIX_FORMATS: dict[str, str] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

#: CSV columns: :data:`~plancli.records.FIELDS` with ``deadline`` and ``equivalent`` flattened.
CSV_COLUMNS: tuple[str, ...] = tuple(
    column
    for field in FIELDS
    for column in (
        ("deadline_text", "deadline_start", "deadline_end")
        if field == "deadline"
        else ("equivalent_value", "equivalent_unit", "equivalent_text")
        if field == "equivalent"
        else ("baseline_text", "baseline_year", "baseline_value")
        if field == "baseline"
        else ("evidence_status", "evidence_deadline")
        if field == "evidence"
        else (field,)
    )
)

# Spreadsheet programs run cells starting with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Writer(Protocol):
    """What every writer does."""

    def write(self, record: Mapping[str, Any]) -> None: ...

    def close(self) -> None: ...


class NonFiniteError(ValueError):
    """A record holds NaN or an infinite number, which strict JSON cannot carry."""


def check_finite(record: Mapping[str, Any]) -> None:
    """Raise :class:`NonFiniteError` naming the field when a number in ``record`` is not finite."""
    for key, value in record.items():
        values = value.values() if isinstance(value, Mapping) else (value,)
        for item in values:
            if isinstance(item, float) and not math.isfinite(item):
                raise NonFiniteError(f"field {key!r} is {item!r}; records carry finite numbers only")


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format implied by an output file's suffix (``.json``, ``.jsonl``, ``.ndjson``, ``.csv``); None if unknown."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def make_writer(fmt: str, stream: IO[str], *, width: int | None = None, explain: bool = False) -> Writer:
    """A writer for ``fmt`` (one of :data:`FORMATS`) writing to a text stream."""
    if fmt == "json":
        return JsonWriter(stream)
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(stream, width=width, explain=explain)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


class JsonWriter:
    """One JSON array, streamed; ``[]`` when there are no records."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        check_finite(record)
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        # The opening bracket waits for the first record, so a run that fails
        # before any output leaves stdout empty rather than half an array.
        self._stream.write("[\n  " if self._count == 0 else ",\n  ")
        self._stream.write(line)
        self._count += 1

    def close(self) -> None:
        self._stream.write("[]\n" if self._count == 0 else "\n]\n")
        self._stream.flush()


class JsonLinesWriter:
    """One JSON object per line."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, record: Mapping[str, Any]) -> None:
        check_finite(record)
        self._stream.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")

    def close(self) -> None:
        self._stream.flush()


class CsvWriter:
    """A header and one row per record; nested fields flattened, formulas neutralized.

    Open files for it with ``newline=""`` (rows end in CRLF, as RFC 4180 asks).
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._writer = csv.writer(stream)
        self._writer.writerow(CSV_COLUMNS)

    def write(self, record: Mapping[str, Any]) -> None:
        check_finite(record)
        row = flatten_record(record)
        self._writer.writerow([csv_cell(row.get(column)) for column in CSV_COLUMNS])

    def close(self) -> None:
        self._stream.flush()


_NESTED_PARTS: dict[str, tuple[str, ...]] = {
    "deadline": ("text", "start", "end"),
    "equivalent": ("value", "unit", "text"),
    "baseline": ("text", "year", "value"),
}


def flatten_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """``deadline`` -> ``deadline_text/start/end``; ``equivalent`` -> ``equivalent_value/unit/text``;
    ``baseline`` -> ``baseline_text/year/value``."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key in _NESTED_PARTS:
            parts = _NESTED_PARTS[key]
            for part in parts:
                flat[f"{key}_{part}"] = None if value is None else value.get(part)
        else:
            flat[key] = value
    if "evidence" in flat:
        flat.update(flatten_evidence(flat.pop("evidence")))
    return flat


def flatten_evidence(evidence: Mapping[str, Any] | None) -> dict[str, str | None]:
    """``evidence`` -> ``evidence_status`` ("target-cue: will") and ``evidence_deadline`` ("clause: by 2025")."""
    status = (evidence or {}).get("status")
    deadline = (evidence or {}).get("deadline")

    def cell(rule: Any, text: Any) -> str:
        return f"{rule}: {text}" if text else str(rule)

    return {"evidence_status": cell(status["rule"], status.get("text")) if status else None,
            "evidence_deadline": cell(deadline["from"], deadline.get("text")) if deadline else None}


def csv_cell(value: Any) -> Any:
    """A CSV cell: numbers stay numbers, None is empty, risky text gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # "148000000000", not "148000000000.0"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and text not in _SAFE_CELLS:
        return "'" + text
    return text


#: Exact cell values that cannot carry a formula: the comparator ``=`` alone stays readable.
_SAFE_CELLS = frozenset({"=", "-"})


class TableWriter:
    """A table for people at a terminal, printed as records arrive.

    Column widths are fixed from the console width, so the blocks printed for
    successive documents line up as one table; only the first has a header.
    """

    _BLOCK = 20

    def __init__(self, stream: IO[str], *, width: int | None = None, explain: bool = False) -> None:
        from rich.console import Console

        self._explain = explain  # an extra "why" column: the status cue and the deadline's origin
        self._console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
        self._rows: list[tuple[str, ...]] = []
        self._last_doc: object = object()
        self._header_done = False
        self._count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        check_finite(record)
        doc = record.get("doc")
        if doc != self._last_doc:
            self._flush()
            self._last_doc = doc
            shown_doc = str(doc or "")
        else:
            shown_doc = ""
        self._rows.append(
            (
                shown_doc,
                str(record.get("status") or ""),
                str(record.get("metric") or ""),
                human_amount(record),
                human_deadline(record.get("deadline")),
                str(record.get("actor") or ""),
                *((_why(record.get("evidence")),) if self._explain else ()),
            )
        )
        self._count += 1
        if len(self._rows) >= self._BLOCK:
            self._flush()

    def close(self) -> None:
        self._flush()
        if self._count == 0:
            self._console.print("No records found.", style="dim")
        self._console.file.flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        from rich import box
        from rich.table import Table

        columns = _COLUMNS + ((("why", "dim"),) if self._explain else ())
        widths = _column_widths(self._console.width - (33 if self._explain else 0)) + ((30,) if self._explain else ())
        table = Table(
            box=box.SIMPLE_HEAD,
            show_header=not self._header_done,
            show_edge=False,
            pad_edge=False,
            header_style="bold",
        )
        for (title, style), width in zip(columns, widths, strict=True):
            table.add_column(title, style=style, width=width, no_wrap=True, overflow="ellipsis")
        for row in self._rows:
            table.add_row(*row)
        self._console.print(table)
        self._header_done = True
        self._rows.clear()


_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("doc", "cyan"),
    ("status", None),
    ("metric", None),
    ("value", "bold"),
    ("deadline", None),
    ("actor", "dim"),
)


def _why(evidence: Mapping[str, Any] | None) -> str:
    """The ``--explain`` cell: "target-cue 'will'; deadline from clause"."""
    flat = flatten_evidence(evidence)
    status = evidence.get("status") if evidence else None
    why = f"{status['rule']} {status['text']!r}" if status and status.get("text") else str(flat["evidence_status"] or "")
    deadline = evidence.get("deadline") if evidence else None
    return f"{why}; deadline from {deadline['from']}" if deadline else why


def _column_widths(total: int) -> tuple[int, ...]:
    """Content widths of the columns; ``metric`` takes what is left (100 columns reads well).

    Long cells end in an ellipsis so that every record stays on one line.
    """
    gaps = 3 * (len(_COLUMNS) - 1)  # padding, divider, padding
    doc, status, value, deadline, actor = 16, 6, 20, 9, 12
    if total < 100:  # narrow terminals: shrink the side columns first
        doc, value, actor = 12, 18, 10
    metric = max(10, total - gaps - doc - status - value - deadline - actor)
    return (doc, status, metric, value, deadline, actor)


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_COMPARATOR_SIGNS = {"=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "~": "~ "}


def human_number(value: float | int | None) -> str:
    """``1e12`` -> ``"1 trillion"``, ``12500`` -> ``"12,500"``, ``4.75`` -> ``"4.75"``."""
    if value is None:
        return ""
    for factor, word in _SCALES:
        if abs(value) >= factor:
            return f"{_trim(value / factor)} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return _trim(value)


def _trim(number: float) -> str:
    text = f"{number:,.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def human_amount(record: Mapping[str, Any]) -> str:
    """Comparator, value (or range) and unit: ``"≥ 1 trillion CNY"``, ``"48 %"``, ``"40–50 %"``."""
    low, high = record.get("value"), record.get("value_max")
    value = human_number(low)
    if high is not None:
        scale = next(((f, w) for f, w in _SCALES if low is not None and abs(low) >= f), None)
        if scale is not None and low is not None and abs(high) >= scale[0]:  # "1.5–2 billion", not "1.5 billion–2 billion"
            value = f"{_trim(low / scale[0])}–{_trim(high / scale[0])} {scale[1]}"
        else:
            value = f"{value}–{human_number(high)}"
    sign = _COMPARATOR_SIGNS.get(str(record.get("comparator") or "="), f"{record.get('comparator')} ")
    unit = record.get("unit") or ""
    return f"{sign}{value} {unit}".strip()


def human_deadline(deadline: Mapping[str, Any] | None) -> str:
    """``2025-12-31`` -> ``"2025"``; a whole-year period -> ``"2021–2025"``; else the end date."""
    if not deadline:
        return ""
    end = str(deadline.get("end") or "")
    start = deadline.get("start")
    if not end.endswith("-12-31"):
        return end or str(deadline.get("text") or "")
    if start and str(start).endswith("-01-01") and str(start)[:4] != end[:4]:
        return f"{str(start)[:4]}–{end[:4]}"
    return end[:4]


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[IO[str]]:
    """Write a text file all at once: a temp file in the same folder, ``os.replace``-d at the end.

    If the block raises (or is interrupted), the temp file is removed and
    whatever was at ``path`` before is left untouched.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # replace the file the link points to; the link stays a link
    if target.exists() and not target.is_file():
        # /dev/null, a FIFO, /dev/stdout: nothing to replace atomically; write straight through.
        with open(target, "w", encoding=encoding, newline=newline) as stream:
            yield stream
        return
    temp: Path | None = None
    try:
        # The temp name is known before the file exists, so an interrupt at any point (even inside the
        # open) leaves nothing behind: a name that was never created just fails to unlink.
        handle = None
        while handle is None:
            temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                temp = None  # another writer's file: never ours to remove
                continue
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _final_mode(target))
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise


def _final_mode(target: Path) -> int:
    """Keep an existing file's permissions; else the usual ``0o666`` minus umask (temp files are 0o600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
