"""Writers: JSON, JSON Lines, CSV, the terminal table, and atomic output files."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from plancli.records import FIELDS, Deadline, Equivalent, Target
from plancli.writers import (
    CSV_COLUMNS,
    atomic_output,
    csv_cell,
    flatten_record,
    format_for_path,
    human_amount,
    human_deadline,
    human_number,
    make_writer,
)


def record(**changes: Any) -> dict[str, Any]:
    target = Target(
        status="target",
        kind="amount",
        value=1e12,
        unit="CNY",
        comparator=">",
        text="exceed 1 trillion yuan",
        start=40,
        end=62,
        sentence="Investment will exceed 1 trillion yuan by 2025.",
        deadline=Deadline("by 2025", None, "2025-12-31"),
        metric="investment",
        actor="the province",
        equivalent=Equivalent(1.48e11, "USD", "($148 billion)"),
        doc="news/a.txt",
        published="2021-03-12",
    )
    data = target.to_dict()
    data.update(changes)
    return data


def write_all(fmt: str, records: list[dict[str, Any]], **kwargs: Any) -> str:
    stream = io.StringIO(newline="")
    writer = make_writer(fmt, stream, **kwargs)
    for item in records:
        writer.write(item)
    writer.close()
    return stream.getvalue()


# --- JSON and JSON Lines ----------------------------------------------------------------


def test_json_empty_is_an_empty_array() -> None:
    assert json.loads(write_all("json", [])) == []


def test_json_streams_a_valid_array_keeping_unicode() -> None:
    records = [record(), record(doc="新闻/b.txt", value=48, unit="%", kind="share")]
    text = write_all("json", records)
    assert json.loads(text) == records
    assert "新闻" in text  # ensure_ascii=False
    assert list(json.loads(text)[0]) == list(FIELDS)


def test_json_writes_as_it_goes() -> None:
    stream = io.StringIO()
    writer = make_writer("json", stream)
    writer.write(record())
    assert stream.getvalue().startswith("[")
    assert "exceed 1 trillion yuan" in stream.getvalue()


def test_jsonl_one_object_per_line() -> None:
    records = [record(), record(doc="b.txt")]
    lines = write_all("jsonl", records).splitlines()
    assert [json.loads(line) for line in lines] == records
    assert write_all("jsonl", []) == ""


# --- CSV --------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_and_flattened_nested_fields() -> None:
    rows = read_csv(write_all("csv", [record(), record(deadline=None, equivalent=None)]))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert "deadline" not in CSV_COLUMNS and "equivalent" not in CSV_COLUMNS
    assert rows[0]["deadline_text"] == "by 2025"
    assert rows[0]["deadline_start"] == ""
    assert rows[0]["deadline_end"] == "2025-12-31"
    assert rows[0]["equivalent_value"] == "148000000000"
    assert rows[0]["equivalent_unit"] == "USD"
    assert rows[0]["equivalent_text"] == "($148 billion)"
    assert rows[0]["value"] == "1000000000000"
    assert rows[1]["deadline_end"] == "" and rows[1]["equivalent_value"] == ""


def test_csv_empty_has_only_the_header() -> None:
    assert write_all("csv", []).splitlines() == [",".join(CSV_COLUMNS)]


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_neutralizes_formulas(payload: str) -> None:
    rows = read_csv(write_all("csv", [record(metric=payload, actor=payload)]))
    assert rows[0]["metric"] == "'" + payload
    assert rows[0]["actor"] == "'" + payload


def test_csv_numbers_stay_numbers() -> None:
    text = write_all("csv", [record(value=-2.5, value_max=3, kind="growth", unit="%")])
    row = read_csv(text)[0]
    assert row["value"] == "-2.5"  # a number, not "'-2.5"
    assert row["value_max"] == "3"
    assert row["start"] == "40"


def test_csv_cell() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(-5) == -5
    assert csv_cell("-5") == "'-5"
    assert csv_cell("plain") == "plain"


def test_flatten_record_keeps_order() -> None:
    assert tuple(flatten_record(record())) == CSV_COLUMNS


# --- table ------------------------------------------------------------------------------


def test_table_is_readable_at_100_columns() -> None:
    records = [
        record(),
        record(value=48, unit="%", comparator="=", kind="share", metric="renewable energy share",
               deadline={"text": "2021-2025", "start": "2021-01-01", "end": "2025-12-31"}),
        record(doc="news/b.txt", status="actual", value=12500, unit="jobs", comparator="~", deadline=None, actor=None),
    ]
    text = write_all("table", records, width=100)
    lines = text.splitlines()
    assert all(len(line) <= 100 for line in lines)
    for expected in ("doc", "status", "metric", "deadline", "actor", "> 1 trillion CNY", "48 %", "2021–2025",
                     "2025", "~ 12,500 jobs", "news/b.txt", "actual"):
        assert expected in text, expected
    assert sum("news/a.txt" in line for line in lines) == 1  # the doc is shown once per group


def test_table_many_rows_stay_aligned() -> None:
    text = write_all("table", [record(doc=f"d{i // 30}.txt") for i in range(75)], width=100)
    value_columns = {line.index("> 1 trillion CNY") for line in text.splitlines() if "> 1 trillion CNY" in line}
    assert len(value_columns) == 1
    assert text.count("status") == 1  # one header


def test_table_empty() -> None:
    assert "No records found." in write_all("table", [], width=100)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1e12, "1 trillion"), (1.48e9, "1.48 billion"), (2_500_000, "2.5 million"), (12500, "12,500"), (48, "48"),
     (4.75, "4.75"), (-3, "-3"), (None, "")],
)
def test_human_number(value: float | None, text: str) -> None:
    assert human_number(value) == text


def test_human_amount_and_deadline() -> None:
    assert human_amount({"value": 1e12, "unit": "CNY", "comparator": ">="}) == "≥ 1 trillion CNY"
    assert human_amount({"value": 48, "unit": "%", "comparator": "="}) == "48 %"
    assert human_amount({"value": 1.5e9, "value_max": 2e9, "unit": "USD", "comparator": "~"}) == "~ 1.5–2 billion USD"
    assert human_amount({"value": 40, "value_max": 50, "unit": "%", "comparator": "="}) == "40–50 %"
    assert human_deadline(None) == ""
    assert human_deadline({"text": "by 2025", "start": None, "end": "2025-12-31"}) == "2025"
    assert human_deadline({"text": "in June 2025", "start": "2025-06-01", "end": "2025-06-30"}) == "2025-06-30"


def test_format_for_path() -> None:
    assert format_for_path("out.json") == "json"
    assert format_for_path("out.JSONL") == "jsonl"
    assert format_for_path("out.csv") == "csv"
    assert format_for_path("out.ndjson") == "jsonl"
    assert format_for_path("out.txt") is None


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        make_writer("xml", io.StringIO())


# --- atomic output ----------------------------------------------------------------------


def test_atomic_output_replaces_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    with atomic_output(target) as handle:
        handle.write("new")
        assert target.read_text() == "old"  # untouched until the end
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_atomic_output_failure_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write("partial")
        raise RuntimeError("disk on fire")
    assert list(tmp_path.iterdir()) == []


def test_atomic_output_failure_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as handle:
        handle.write("partial")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_output_interrupted_while_opening_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C right after the temp file exists and before its handle does (a race a signal can hit).
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", interrupted)
    with pytest.raises(KeyboardInterrupt), atomic_output(tmp_path / "out.jsonl"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_atomic_output_never_takes_an_existing_temp_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / ".out.jsonl.aaaaaaaa.tmp"
    other.write_text("another writer's")
    names = iter(["aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr("plancli.writers.secrets.token_hex", lambda _n: next(names))
    with atomic_output(tmp_path / "out.jsonl") as handle:
        handle.write("{}\n")
    assert other.read_text() == "another writer's"
    assert (tmp_path / "out.jsonl").read_text() == "{}\n"


def test_atomic_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "records.jsonl"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    with atomic_output(link) as handle:
        handle.write("new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["records.jsonl"]


def test_atomic_output_file_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.jsonl"
    with atomic_output(fresh) as handle:
        handle.write("{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    existing = tmp_path / "kept.jsonl"
    existing.write_text("")
    existing.chmod(0o640)
    with atomic_output(existing) as handle:
        handle.write("{}\n")
    assert existing.stat().st_mode & 0o777 == 0o640


def test_atomic_output_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_output(tmp_path / "no" / "out.json"):
        pass


def test_atomic_output_writes_through_to_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    with atomic_output(fifo) as stream:
        stream.write("hello\n")
    reader.join(timeout=5)
    assert received == ["hello\n"]
    assert not fifo.is_file() and list(tmp_path.iterdir()) == [fifo]  # the FIFO is still a FIFO
