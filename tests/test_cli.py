"""The command line: formats, errors and exit codes, parallel runs, atomic output.

Most tests swap the engine for :class:`FakeExtractor` (one record per number
in the text), so they test the CLI, not the extraction rules.
"""

from __future__ import annotations

import builtins
import codecs
import csv
import gc
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

from typer.testing import CliRunner

import plancli.batch
import plancli.cli
from plancli.batch import Settings, run_batch
from plancli.cli import _OWN_PROCESS, app
from plancli.inputs import iter_inputs
from plancli.patterns import PatternError
from plancli.records import Document, Target
from plancli.writers import CSV_COLUMNS

SAMPLES = ROOT / "samples"
# The module, not the function `plancli.extract` that the package exports under the same name.
EXTRACT_MODULE = importlib.import_module("plancli.extract")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


class FakeExtractor:
    """One record per number: even ones are targets, odd ones actuals. Fails on 'BOOM'."""

    def __init__(self, *, patterns: Iterable[Any] = (), model: str | None = None) -> None:
        self.patterns = tuple(patterns)

    def extract_many(
        self, docs: Iterable[Document | str], *, published: Any = None, batch_size: int = 16
    ) -> Iterator[list[Target]]:
        for doc in docs:
            assert isinstance(doc, Document)
            if "BOOM" in doc.text:
                raise RuntimeError("boom")
            yield [
                Target(
                    status="target" if i % 2 == 0 else "actual",
                    kind="count",
                    value=float(m.group()),
                    unit="",
                    comparator="=",
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                    sentence=doc.text,
                    published="2000-01-01",  # as if the engine read it from a header line
                )
                for i, m in enumerate(NUMBER.finditer(doc.text))
            ]


def fake_factory(settings: Settings) -> FakeExtractor:
    """Module level, so spawned worker processes can import it."""
    return FakeExtractor(patterns=settings.patterns, model=settings.model)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EXTRACT_MODULE, "Extractor", FakeExtractor)


def run(*args: str, input: bytes | str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=input)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- basics -----------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip().startswith("plancli ")


def test_help_lists_options() -> None:
    result = run("extract", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--output", "--published", "--only", "--patterns", "--model", "--glob", "--jobs",
                   "--max-size", "--quiet"):
        assert option in result.stdout


def test_jsonl_when_piped_with_doc_and_published(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "b.txt", "Reach 20 by 2025.")
    write(tmp_path, "sub/a.txt", "Raise 7 to 8.")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [(r["doc"], r["text"]) for r in records] == [("b.txt", "20"), ("b.txt", "2025"), ("sub/a.txt", "7"),
                                                        ("sub/a.txt", "8")]
    assert {r["published"] for r in records} == {"2000-01-01"}  # the engine's date when nothing overrides it
    assert re.fullmatch(r"plancli: 2 files, 4 records \(2 targets\), 0 failed, \d+\.\d s\n", result.stderr)


def test_published_option_overrides(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    records = jsonl(run("extract", str(tmp_path), "--published", "2022-05-30", "-q").stdout)
    assert records[0]["published"] == "2022-05-30"


def test_only_filter(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "1 2 3 4 5")
    assert [r["value"] for r in jsonl(run("extract", str(tmp_path), "--only", "target", "-q").stdout)] == [1, 3, 5]
    assert [r["value"] for r in jsonl(run("extract", str(tmp_path), "--only", "actual", "-q").stdout)] == [2, 4]
    assert len(jsonl(run("extract", str(tmp_path), "--only", "all", "-q").stdout)) == 5


def test_quiet_prints_nothing_on_stderr(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    assert run("extract", str(tmp_path), "-q").stderr == ""


def test_file_given_directly_is_named_by_its_file_name(tmp_path: Path, fake: None) -> None:
    path = write(tmp_path, "deep/down/a.md", "Reach 20.")
    assert jsonl(run("extract", str(path), "-q").stdout)[0]["doc"] == "a.md"


def test_stdin(fake: None) -> None:
    result = run("extract", "-", "-q", input="Reach 20 by 2025.\r\n")
    assert result.exit_code == 0, result.stderr
    assert [(r["doc"], r["value"]) for r in jsonl(result.stdout)] == [("-", 20), ("-", 2025)]


def test_stdin_html_is_detected(fake: None) -> None:
    page = "<!DOCTYPE html><html><head><title>t</title></head><body><article><p>" + \
        "The city will plant 300 parks and build 45 stations in the coming years, officials said.</p></article></body></html>"
    records = jsonl(run("extract", "-", "-q", input=page).stdout)
    assert [r["value"] for r in records] == [300, 45]


# --- formats ----------------------------------------------------------------------------


def test_format_from_output_suffix(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "Reach =20 and 30.")
    out = tmp_path / "out.csv"
    result = run("extract", str(tmp_path / "in"), "--output", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["value"] for row in rows] == ["20", "30"]
    assert rows[0]["sentence"] == "'Reach =20 and 30." or rows[0]["sentence"] == "Reach =20 and 30."


def test_csv_injection_from_text(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "=cmd|' /C calc'!A costs 5")
    out = tmp_path / "out.csv"
    assert run("extract", str(tmp_path / "in"), "-o", str(out), "-q").exit_code == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert row["sentence"].startswith("'=")
    assert row["value"] == "5"


def test_json_output_is_valid(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "Reach 20 and 30.")
    out = tmp_path / "out.json"
    assert run("extract", str(tmp_path / "in"), "-o", str(out), "-q").exit_code == 0
    assert [r["value"] for r in json.loads(out.read_text(encoding="utf-8"))] == [20, 30]


def test_json_is_valid_when_there_are_no_records(tmp_path: Path) -> None:
    write(tmp_path / "news", "a.html", "<html></html>")
    result = run("extract", str(tmp_path / "news"), "--format", "json", "--glob", "*.txt")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert f"plancli: {tmp_path / 'news'}: no files match '*.txt' (see --glob)" in result.stderr


def test_json_is_valid_when_every_input_fails(tmp_path: Path) -> None:
    write(tmp_path, "x.bin", b"\x00\x01")
    result = run("extract", str(tmp_path / "x.bin"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_explicit_format_beats_suffix(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "Reach 20.")
    out = tmp_path / "out.csv"
    assert run("extract", str(tmp_path / "in"), "-o", str(out), "-f", "jsonl", "-q").exit_code == 0
    assert jsonl(out.read_text(encoding="utf-8"))[0]["value"] == 20


def test_table_format(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 1000000000000 soon.")
    result = run("extract", str(tmp_path), "-f", "table", "-q")
    assert result.exit_code == 0
    assert "1 trillion" in result.stdout
    assert "a.txt" in result.stdout


def test_unicode_output_is_utf8(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "新闻.txt", "到2025年，城镇化率提高到65%。")
    result = run("extract", str(tmp_path), "-q")
    assert result.stdout_bytes.decode("utf-8").count("城镇化率") == 2


# --- bad inputs and exit codes ----------------------------------------------------------


def test_batch_goes_on_past_bad_files(tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch) -> None:
    news = tmp_path / "news"
    write(news, "a_good.txt", "Reach 20.")
    write(news, "b_binary.txt", b"\x89PNG\x00\x00")
    write(news, "c_empty.txt", b"")
    write(news, "d_secret.txt", "Reach 30.")
    (news / "e_dangling.txt").symlink_to(news / "gone.txt")
    write(news, "f_big.txt", "Reach 40. " * 20)
    write(news, "g_bom.txt", codecs.BOM_UTF8 + "Reach 50.".encode())
    write(news, "h_utf16.txt", codecs.BOM_UTF16_LE + "Reach 60.".encode("utf-16-le"))
    write(news, "i_gb.txt", "到2025年，全省地区生产总值将达到1万亿元，城镇化率提高到65%。".encode("gb18030"))
    write(news, "j_cp1252.txt", "The plan’s “targets” include €70 billion in investment – officials said.".encode("cp1252"))
    write(news, "k_crlf.txt", "Line 80.\r\nLine 90.\r\n")
    missing = str(tmp_path / "missing.txt")

    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("d_secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("plancli.inputs.open", guarded_open, raising=False)
    result = run("extract", str(news), missing, "--max-size", "100")
    assert result.exit_code == 1
    base = news.as_posix()
    errors = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert f"plancli: {base}/c_empty.txt: empty file, no records" in result.stderr
    assert errors == [
        f"plancli: {base}/b_binary.txt: skipped: binary file",
        f"plancli: {base}/d_secret.txt: skipped: unreadable: permission denied",
        f"plancli: {base}/e_dangling.txt: skipped: no such file",
        f"plancli: {base}/f_big.txt: skipped: larger than --max-size (100 bytes)",
        f"plancli: {missing}: skipped: no such file",
    ]
    assert "Traceback" not in result.stderr
    records = jsonl(result.stdout)
    by_doc: dict[str, list[str]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r["text"])
    assert by_doc == {
        "a_good.txt": ["20"],
        "g_bom.txt": ["50"],
        "h_utf16.txt": ["60"],
        "i_gb.txt": ["2025", "1", "65"],
        "j_cp1252.txt": ["70"],
        "k_crlf.txt": ["80", "90"],
    }
    crlf = [r for r in records if r["doc"] == "k_crlf.txt"]
    assert crlf[1]["start"] == len("Line 80.\nLine ")  # offsets count "\r\n" as one "\n"
    assert "12 files, 9 records" in result.stderr and "5 failed" in result.stderr


def test_extraction_failure_is_isolated(tmp_path: Path, fake: None) -> None:
    for name in ("a.txt", "c.txt"):
        write(tmp_path, name, "Reach 20.")
    write(tmp_path, "b.txt", "BOOM 1")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert [r["doc"] for r in jsonl(result.stdout)] == ["a.txt", "c.txt"]
    assert f"plancli: {(tmp_path / 'b.txt').as_posix()}: extraction failed: RuntimeError: boom" in result.stderr


def plain(text: str) -> str:
    """Typer's error panel as one line of words (box lines and wrapping taken out)."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "2021-02-30"], "Invalid value for '--published': '2021-02-30' is not a valid date"),
        (["--published", "2024-13-01"], "'2024-13-01' is not a valid date (month must be in 1..12)"),
        (["--published", "March 2021"], "Invalid value for '--published': 'March 2021' is not a date written as"),
        (["--format", "xml"], "Invalid value for '--format' / '-f'"),
        (["--only", "goals"], "Invalid value for '--only'"),
        (["--max-size", "lots"], "Invalid value for '--max-size'"),
        (["--jobs", "-1"], "Invalid value for '--jobs' / '-j'"),
        (["--glob", " , "], "Invalid value for '--glob'"),
        (["--patterns", "/no/such/folder"], "Invalid value for '--patterns'"),
        (["-o", "out.txt"], "Invalid value for '--output': cannot tell the format of 'out.txt'"),
    ],
)
def test_usage_errors_exit_2_in_typers_style(tmp_path: Path, args: list[str], message: str) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    result = run("extract", str(tmp_path), *args)
    assert result.exit_code == 2
    assert message in plain(result.stderr)
    assert result.stderr.startswith("Usage: plancli extract")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "out.txt").exists()


def test_output_suffix_unknown_is_fine_with_format(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "Reach 20.")
    out = tmp_path / "out.txt"
    result = run("extract", str(tmp_path / "in"), "-o", str(out), "-f", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert [r["value"] for r in jsonl(out.read_text())] == [20]


def test_output_dash_is_stdout(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    result = run("extract", str(tmp_path), "-o", "-", "-q")
    assert result.exit_code == 0
    assert [r["value"] for r in jsonl(result.stdout)] == [20]
    assert not (tmp_path / "-").exists()
    as_csv = run("extract", str(tmp_path), "-o", "-", "-f", "csv", "-q")
    assert as_csv.stdout.splitlines()[0].startswith("doc,published,status")


def test_output_naming_an_input_is_refused_before_reading(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write(tmp_path, "news/a.jsonl", "Reach 20.")
    monkeypatch.setattr(plancli.batch, "load_source", lambda *a, **k: pytest.fail("an input was read"))
    for args in (["-o", str(article)], ["--glob", "*.jsonl", "-o", str(article)]):
        target = str(article) if args[0] == "-o" else str(tmp_path / "news")
        result = run("extract", target, *args)
        assert result.exit_code == 2
        assert "is also an input" in plain(result.stderr)
        assert article.read_text() == "Reach 20."


def test_shell_completion_is_offered() -> None:
    result = run("--help")
    assert "--install-completion" in result.stdout


@pytest.mark.parametrize("args", [["extract"], ["extract", ".", "--no-such-option"], ["extract", ".", "--jobs", "x"]])
def test_parser_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_pattern_error_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: Any) -> None:
        raise PatternError("patterns/money.jsonl:12: unknown key 'lable'; expected one of id, label, pattern")

    monkeypatch.setattr(EXTRACT_MODULE, "Extractor", broken)
    write(tmp_path, "a.txt", "Reach 20.")
    out = tmp_path / "out.json"
    result = run("extract", str(tmp_path), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip() == "plancli: patterns/money.jsonl:12: unknown key 'lable'; expected one of id, label, pattern"
    assert not out.exists()


def test_missing_output_folder_exits_2(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    result = run("extract", str(tmp_path), "-o", str(tmp_path / "no" / "out.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


# --- atomic output ----------------------------------------------------------------------


class FailingWriter:
    """Writes one record, then the disk is full."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        if self.count == 1:
            raise OSError(28, "No space left on device")
        self.stream.write(json.dumps(record) + "\n")
        self.count += 1

    def close(self) -> None:
        pass


def test_output_failure_leaves_old_file(tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "in", "a.txt", "1 2 3")
    out = write(tmp_path, "out.jsonl", "old content\n")
    monkeypatch.setattr(plancli.cli, "make_writer", lambda fmt, stream, **kw: FailingWriter(stream))
    result = run("extract", str(tmp_path / "in"), "-o", str(out), "-q")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"plancli: {out}: cannot write: no space left on device"
    assert out.read_text() == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


def test_interrupt_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted(FakeExtractor):
        def extract_many(self, docs: Iterable[Document | str], **kwargs: Any) -> Iterator[list[Target]]:
            for i, batch in enumerate(super().extract_many(docs, **kwargs)):
                if i == 1:
                    raise KeyboardInterrupt
                yield batch

    monkeypatch.setattr(EXTRACT_MODULE, "Extractor", Interrupted)
    for i in range(3):
        write(tmp_path / "in", f"{i}.txt", "Reach 20.")
    out = tmp_path / "out.json"
    result = run("extract", str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 130
    assert "plancli: interrupted" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_failed_inputs_still_write_the_output(tmp_path: Path, fake: None) -> None:
    write(tmp_path / "in", "a.txt", "Reach 20.")
    write(tmp_path / "in", "b.txt", b"\x89PNG\x00\x00")
    out = tmp_path / "out.json"
    assert run("extract", str(tmp_path / "in"), "-o", str(out), "-q").exit_code == 1
    assert [r["doc"] for r in json.loads(out.read_text())] == ["a.txt"]


# --- streaming and parallel runs --------------------------------------------------------


def test_records_are_written_before_the_last_file_is_read(
    tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(30):
        write(tmp_path, f"{i:02}.txt", f"Reach {i}.")
    events: list[str] = []
    real_load = plancli.batch.load_source

    def load(source: Any, **kwargs: Any) -> Document:
        events.append("read")
        return real_load(source, **kwargs)

    class Recorder:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def write(self, record: dict[str, Any]) -> None:
            events.append("write")

        def close(self) -> None:
            pass

    monkeypatch.setattr(plancli.batch, "load_source", load)
    monkeypatch.setattr(plancli.cli, "make_writer", lambda fmt, stream, **kw: Recorder(stream))
    assert run("extract", str(tmp_path), "-q").exit_code == 0
    assert events.count("read") == 30 and events.count("write") == 30
    assert events.index("write") < len(events) - 1 - events[::-1].index("read")


def copy_samples(folder: Path) -> Path:
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    write(folder, "extra/005_extra.txt", "By 2025, exports will exceed 10 billion yuan, up 8 percent a year.\n")
    return folder


def test_jobs_2_output_matches_jobs_1(tmp_path: Path) -> None:
    # The real engine, in spawned workers.
    folder = copy_samples(tmp_path / "news")
    one = run("extract", str(folder), "-f", "jsonl", "-q", "--jobs", "1")
    two = run("extract", str(folder), "-f", "jsonl", "-q", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert one.stdout == two.stdout


def test_run_batch_parallel_matches_sequential(tmp_path: Path) -> None:
    folder = copy_samples(tmp_path / "news")
    write(folder, "zz_empty.txt", b"")
    write(folder, "zz_boom.txt", "BOOM 1")
    sources = list(iter_inputs([str(folder)], "*.txt"))
    assert len(sources) == 8
    settings = Settings(only="all")
    one = [(r.source.name, r.error, r.records) for r in run_batch(sources, settings, jobs=1, factory=fake_factory)]
    two = [(r.source.name, r.error, r.records) for r in run_batch(sources, settings, jobs=2, factory=fake_factory)]
    assert one == two
    assert [name for name, _, _ in one] == [s.name for s in sources]
    assert sum(len(records) for _, _, records in one) > 50
    assert [error for _, error, _ in one if error] == ["extraction failed: RuntimeError: boom"]


def test_the_plancli_process_freezes_its_pipeline_out_of_the_garbage_collector(tmp_path: Path, fake: None) -> None:
    """Run as plancli's own process (``main()`` says so), extract builds the pipeline with the cyclic collector off,
    freezes what is alive then out of its scans and turns it on again."""
    write(tmp_path, "a.txt", "Reach 20.")
    before = gc.get_freeze_count()
    try:
        result = CliRunner().invoke(app, ["extract", str(tmp_path), "-q"], obj={_OWN_PROCESS: True})
        assert result.exit_code == 0
        assert gc.get_freeze_count() > before
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_the_command_run_inside_a_caller_and_the_library_leave_the_collector_alone(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")
    before = gc.get_freeze_count()
    assert run("extract", str(tmp_path), "-q").exit_code == 0
    assert list(run_batch(list(iter_inputs([str(tmp_path)], "*.txt")), Settings(), factory=fake_factory))
    assert (gc.get_freeze_count(), gc.isenabled()) == (before, True)


def test_jobs_0_means_all_cores(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a.txt", "Reach 20.")  # one file: runs in this process whatever --jobs says
    result = run("extract", str(tmp_path), "--jobs", "0", "-q")
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["value"] == 20


def test_ordered_map_keeps_order_and_bounds_look_ahead() -> None:
    pulled: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(-20, 0):
            pulled.append(n)
            yield n

    results = plancli.batch.ordered_map(abs, numbers(), jobs=2, window=3)
    assert next(results) == 20
    assert len(pulled) <= 4  # the window plus the one refilled after the first result
    assert list(results) == list(range(19, 0, -1))


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Province sets green goals</title>
<meta property="article:published_time" content="2021-03-12T08:00:00+08:00"></head>
<body><nav>Home | News | 24 hours</nav>
<article><h1>Province sets green goals</h1>
<p>The province will raise the share of renewable energy to 48 percent by 2025, officials said on Friday.</p>
</article></body></html>
"""


def test_html_pages(tmp_path: Path, fake: None) -> None:
    write(tmp_path, "a/page.html", PAGE)
    write(tmp_path, "b.txt", "Reach 20.")
    result = run("extract", str(tmp_path), "--glob", "*.html,*.txt", "-q")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [(r["doc"], r["text"], r["published"]) for r in records] == [
        ("a/page.html", "48", "2021-03-12"),
        ("a/page.html", "2025", "2021-03-12"),
        ("b.txt", "20", "2000-01-01"),
    ]
    override = jsonl(run("extract", str(tmp_path / "a"), "--glob", "*.html", "--published", "2020-01-02").stdout)
    assert {r["published"] for r in override} == {"2020-01-02"}


# --- other commands and start-up --------------------------------------------------------


def test_evaluate_calls_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, Path]] = []

    def evaluate_cli(gold: Path, docs: Path, **options: Any) -> int:
        calls.append((gold, docs))
        return 0

    module = types.ModuleType("plancli.evaluate")
    module.evaluate_cli = evaluate_cli  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "plancli.evaluate", module)
    result = run("evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert calls == [(tmp_path / "gold.jsonl", tmp_path)]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def test_importing_the_cli_is_light() -> None:
    code = (
        "import sys, plancli.cli; "
        "heavy = [m for m in ('spacy', 'trafilatura', 'charset_normalizer', 'rich.progress') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True)
    assert result.stdout.strip() == "[]"


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "plancli", "--help"], capture_output=True, text=True, env=_env(), cwd=tmp_path
    )
    assert result.returncode == 0
    assert "extract" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "plancli", "extract", str(tmp_path / "missing.txt"), "-q"],
        capture_output=True, text=True, env=_env(), cwd=tmp_path,
    )
    assert bad.returncode == 1
    assert bad.stderr == f"plancli: {tmp_path / 'missing.txt'}: skipped: no such file\n"
