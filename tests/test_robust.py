"""Hostile inputs end in records or one line; long texts; bounded records; strict JSON; clean interruption."""

from __future__ import annotations

import importlib
import json
import math
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLES
from docmaker import make_docx, make_pdf

from plancli.batch import Settings, process_chunk
from plancli.extract import SENTENCE_CHARS, sentence_window, split_text
from plancli.inputs import InputError, Source, iter_inputs, printable_name, read_bytes
from plancli.patterns import MAX_PATTERN_FILE_BYTES, PatternError, catastrophic_regex, read_pattern_file
from plancli.records import Target
from plancli.writers import CsvWriter, JsonLinesWriter, JsonWriter, NonFiniteError

SAMPLE_TEXT = (SAMPLES / "000_bfec334126a26d00.txt").read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def _strict(line: str) -> dict[str, Any]:
    def refuse(name: str) -> None:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(line, parse_constant=refuse)


# --- the done-when folder ---------------------------------------------------------------


def test_hostile_folder_ends_with_records_for_every_good_input(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    os.mkfifo(news / "pipe.txt")
    (news / os.fsdecode(b"caf\xe9\nplan.txt")).write_text("The county will build 12 bridges by 2026.\n")
    (news / "good.txt").write_text("By 2025, the city will plant 300 parks.\n")
    (news / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Plan</title></head><body><article><p>The province will raise the share"
        " of renewable energy to 48 percent by 2025, officials said on Friday in the capital.</p></article></body></html>"
    )
    long_text = "\n\n".join([SAMPLE_TEXT] * (1_500_000 // len(SAMPLE_TEXT) + 1))
    assert len(long_text.encode()) > 1_500_000
    (news / "long.txt").write_text(long_text)
    (news / "chain.txt").write_text("5-6-" * 247)
    (news / "digits.txt").write_text("The fund will reach " + "9" * 400 + " yuan by 2030.")
    (news / "plan.pdf").write_bytes(make_pdf([[["By 2025, the province will invest $9.8"], ["billion in rail."]]]))
    (news / "plan.docx").write_bytes(make_docx(["By 2026, the city will build 40 schools."]))
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "plancli", "extract", str(news), "-o", str(out)],
        capture_output=True, env=_env(), timeout=600,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode <= 1, stderr
    assert "Traceback" not in stderr
    assert "pipe.txt: skipped: not a regular file (named pipe)" in stderr
    assert all(line.startswith("plancli: ") for line in stderr.splitlines()), stderr
    records = [_strict(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = {record["doc"] for record in records}
    assert {"caf\\xe9\\nplan.txt", "good.txt", "page.html", "long.txt", "plan.pdf", "plan.docx"} <= docs
    long_records = [r for r in records if r["doc"] == "long.txt"]
    assert all(long_text[r["start"]:r["end"]] == r["text"] for r in long_records)
    assert {r["published"] for r in long_records} == {"2022-05-30"}
    assert max(len(json.dumps(r, ensure_ascii=False).encode()) for r in records) <= 2000


# --- special files and names ------------------------------------------------------------


def test_special_files_in_a_folder_are_skipped_without_opening(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.txt"))
        sources = list(iter_inputs([str(tmp_path)]))
        results = process_chunk(_NoEngine(), sources, Settings())  # would hang if the pipe were opened
    finally:
        server.close()
    assert [(r.source.name, r.error) for r in results] == [
        ("pipe.txt", "skipped: not a regular file (named pipe)"),
        ("sock.txt", "skipped: not a regular file (socket)"),
    ]


def test_a_pipe_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as handle:
            handle.write(b"Reach 20.")

    writer = threading.Thread(target=feed)
    writer.start()
    (source,) = iter_inputs([str(pipe)])
    assert read_bytes(pipe, name=source.name, special_files=source.explicit) == b"Reach 20."
    writer.join()
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes(pipe, name="pipe")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"plan.txt", "plan.txt"),
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"tab\there\r.txt", "tab\\there\\r.txt"),
        ("规划.txt".encode(), "规划.txt"),
    ],
)
def test_printable_name(raw: bytes, shown: str) -> None:
    assert printable_name(os.fsdecode(raw)) == shown


class _NoEngine:
    def extract_many(self, docs: Any, **kwargs: Any) -> Any:
        for _ in docs:
            yield []


class _RaisingReader:
    """An engine whose every call fails in a way no reader anticipates."""

    def extract_many(self, docs: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")
        yield []  # pragma: no cover


def test_any_exception_is_one_files_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Reach 20.")
    (tmp_path / "b.txt").write_text("Reach 30.")
    sources = list(iter_inputs([str(tmp_path)]))
    results = process_chunk(_RaisingReader(), sources, Settings())
    assert [r.error for r in results] == ["extraction failed: RecursionError: maximum recursion depth exceeded"] * 2

    def broken_reader(source: Source, **kwargs: Any) -> Any:
        if source.name == "a.txt":
            raise MemoryError("a decoder gave up\nwith two lines")
        from plancli.inputs import load_source

        return load_source(source, **kwargs)

    monkeypatch.setattr("plancli.batch.load_source", broken_reader)
    results = process_chunk(_NoEngine(), sources, Settings())
    assert [(r.source.name, r.error) for r in results] == [
        ("a.txt", "skipped: cannot read: MemoryError: a decoder gave up with two lines"),
        ("b.txt", None),
    ]


# --- long texts and bounded records -----------------------------------------------------


def test_split_text_prefers_blank_lines_and_covers_the_text() -> None:
    text = "First paragraph.\n\nSecond one is here.\nStill the second.\n\nThird."
    pieces = split_text(text, limit=40)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece and len(piece) <= 40 for offset, piece in pieces)
    assert pieces[0][1] == "First paragraph.\n\n"
    assert split_text("x" * 100, limit=30) == [(0, "x" * 30), (30, "x" * 30), (60, "x" * 30), (90, "x" * 10)]
    assert split_text("") == [(0, "")]


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pieces of 2,000 characters: the same code path as a 20 MB text, in a fraction of the time."""
    monkeypatch.setattr(importlib.import_module("plancli.extract"), "PIECE_CHARS", 2_000)
    return 2_000


def test_a_run_on_sentence_is_cut_at_commas_into_pieces_of_its_own() -> None:
    text = "The plan opens here. The city will " + "cut coal use by 5 percent, " * 300 + "and more.\n\nA last paragraph."
    pieces = split_text(text, limit=200_000, run_on=1_000)
    assert "".join(piece for _, piece in pieces) == text
    assert pieces[0] == (0, "The plan opens here. ")
    assert all(len(piece) <= 1_000 for _, piece in pieces)
    assert all(piece.endswith(", ") for _, piece in pieces[1:-2])
    assert pieces[-1][1].endswith("A last paragraph.")
    assert split_text("A normal sentence. " * 500, limit=200_000, run_on=1_000) == [(0, "A normal sentence. " * 500)]


def test_long_text_is_processed_in_pieces_with_whole_text_offsets(extractor, small_pieces: int) -> None:
    paragraph = "By 2025, the city will plant 300 parks and build 45 stations.\n\n"
    header = "Updated : 2023-06-01\n\n"
    text = header + paragraph * (5 * small_pieces // len(paragraph) + 10)
    assert len(split_text(text, small_pieces)) > 5
    records = extractor.extract(text)
    assert len(records) == 2 * text.count("300 parks")
    assert all(text[r.start:r.end] == r.text for r in records)
    assert {r.published for r in records} == {"2023-06-01"}
    assert {r.deadline.end for r in records if r.deadline} == {"2025-12-31"}
    (many,) = list(extractor.extract_many([text[:5000], text], published="2020-01-01"))[1:]
    assert len(many) == len(records) and {r.published for r in many} == {"2020-01-01"}


def test_a_later_piece_does_not_read_a_date_from_its_own_first_lines(extractor, small_pieces: int) -> None:
    filler = ("Officials met on Monday to discuss the plan in detail. " * 5 + "\n\n") * 20  # past the header lines
    text = filler + "Updated : 2023-06-01\n\nThe city will plant 300 parks this year.\n"
    records = extractor.extract(text)
    assert [(r.published, r.deadline) for r in records] == [(None, None)]  # "this year" of no known year


@pytest.mark.parametrize(
    ("text", "cut_left", "cut_right"),
    [
        ("Short sentence with 5 percent.", False, False),
        ("a " * 300 + "raise it by 5 percent " + "b " * 300, True, True),
        ("reach 5 percent " + "bb " * 400, False, True),
        ("aa " * 400 + "reach 5 percent", True, False),
        ("x" * 1000 + " 5 percent " + "y" * 1000, True, True),
    ],
)
def test_sentence_window(text: str, cut_left: bool, cut_right: bool) -> None:
    start = text.index("5 percent")
    window = sentence_window(text, 0, len(text), start, start + len("5 percent"))
    assert "5 percent" in window and len(window) <= SENTENCE_CHARS + 2
    assert window.startswith("…") == cut_left and window.endswith("…") == cut_right
    inner = window.strip("…")
    assert inner in " ".join(text.split())
    if "x" not in text:  # words are not cut where there are spaces
        assert set(inner.split()) <= set(text.split())
    if not (cut_left or cut_right):
        assert window == " ".join(text.split())


def test_records_in_a_huge_sentence_stay_small(extractor) -> None:
    text = "The plan will raise " + ", ".join(f"output {i} by {i % 90 + 1} percent" for i in range(400)) + "."
    records = extractor.extract(text)
    assert len(records) >= 400
    assert all(text[r.start:r.end] == r.text for r in records)
    assert max(len(json.dumps(r.to_dict(), ensure_ascii=False).encode()) for r in records) <= 2000
    middle = records[200]
    assert middle.sentence.startswith("…") and middle.sentence.endswith("…") and middle.text in middle.sentence


# --- strict JSON ------------------------------------------------------------------------


def _target(value: float) -> Target:
    return Target(status="target", kind="count", value=value, unit="park", comparator="=", text="x", start=0, end=1,
                  sentence="x")


@pytest.mark.parametrize("writer", [JsonWriter, JsonLinesWriter, CsvWriter])
@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_writers_refuse_non_finite_numbers(writer: Any, value: float) -> None:
    import io

    stream = io.StringIO()
    instance = writer(stream)
    before = stream.getvalue()
    with pytest.raises(NonFiniteError, match="'value'"):
        instance.write(_target(value).to_dict())
    assert stream.getvalue() == before


def test_batch_drops_a_non_finite_record_with_a_note(tmp_path: Path) -> None:
    class Infinite:
        def extract_many(self, docs: Any, **kwargs: Any) -> Any:
            for _ in docs:
                yield [_target(math.inf), _target(3.0)]

    (tmp_path / "a.txt").write_text("Reach 20.")
    (result,) = process_chunk(Infinite(), list(iter_inputs([str(tmp_path)])), Settings())
    assert result.error is None
    assert [r["value"] for r in result.records] == [3]
    assert result.notes == ("record dropped: a number out of range in 'x'",)


# --- interruption -----------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "code", "message"), [(signal.SIGTERM, 143, "terminated"),
                                                          (signal.SIGINT, 130, "interrupted")])
def test_signal_keeps_the_old_output_and_leaves_no_temp_file(tmp_path: Path, signum: int, code: int,
                                                             message: str) -> None:
    (tmp_path / "a.txt").write_text("The city will plant 300 parks by 2025.")
    pipe = tmp_path / "blocks"
    os.mkfifo(pipe)  # named on the command line, so it is read: the run waits there for a writer
    out = tmp_path / "out.jsonl"
    out.write_text("old records\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "plancli", "extract", str(tmp_path / "a.txt"), str(pipe), "-o", str(out), "-q"],
        stderr=subprocess.PIPE, env=_env(), preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        with open(pipe, "wb"):  # opens once the run has reached the pipe, i.e. mid-run with the temp file open
            assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            process.send_signal(signum)
            _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == code
    assert stderr.decode().strip().endswith(f"plancli: {message}")
    assert out.read_text() == "old records\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "blocks", "out.jsonl"]


# --- user patterns cannot hang a run ----------------------------------------------------


@pytest.mark.parametrize(
    ("regex", "refused"),
    [
        ("^(a+)+$", True),
        ("(a*)*", True),
        ("(\\w+\\s?)*$", True),
        ("(a|a)*", True),
        ("^(?:[0-9]+,)*[0-9]+$", True),
        ("^\\d+(\\.\\d+)?$", False),
        ("^[0-9]{1,3}(,[0-9]{3})+$", False),
        ("^(?:bn|mn|crore)$", False),
        ("(?:ab|cd)+", False),
    ],
)
def test_catastrophic_regex(regex: str, refused: bool) -> None:
    assert (catastrophic_regex(regex) is not None) == refused


def test_user_pattern_with_nested_quantifier_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(
        '{"label": "X_CODE", "id": "ok", "pattern": [{"TEXT": {"REGEX": "^[A-Z]{2}$"}}]}\n'
        '{"label": "X_CODE", "id": "slow", "pattern": [{"TEXT": {"REGEX": "^(a+)+$"}}]}\n'
    )
    with pytest.raises(PatternError, match=r"mine\.jsonl:2: REGEX '\^\(a\+\)\+\$' can take exponential time"):
        read_pattern_file(path)


def test_pattern_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as handle:
        handle.truncate(MAX_PATTERN_FILE_BYTES + 1)
    with pytest.raises(PatternError, match=r"huge\.jsonl:0: pattern file of 5,000,001 bytes is over the 5,000,000"):
        read_pattern_file(path)
