"""Dask: fsspec inputs, the worker-side chunk runner, extract_bag, and a real two-worker LocalCluster."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from plancli.batch import Settings  # noqa: E402
from plancli.cli import app  # noqa: E402
from plancli.dask import UrlSource, extract_bag, extract_chunk, is_url, iter_sources  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PLAN = "Xinhua, March 3, 2024\n\nBy 2027, the province will build 300 new schools. Exports rose 5% last year.\n"
OTHER = "Beijing, 2024-05-01\n\nThe city aims to plant 2 million trees by 2030.\n"


@pytest.fixture
def memory_files() -> Iterator[str]:
    """A folder on fsspec's in-memory filesystem (this process only)."""
    fs = fsspec.filesystem("memory")
    root = "/plancli-test"
    files = {
        "news/b.txt": OTHER,
        "news/a.txt": PLAN,
        "news/deep/c.TXT": PLAN,
        "news/.hidden/d.txt": PLAN,
        "news/.e.txt": PLAN,
        "news/notes.md": PLAN,
        "news/empty.txt": "",
    }
    for name, text in files.items():
        fs.pipe(f"{root}/{name}", text.encode("utf-8"))
    yield f"memory://{root}/news"
    fs.rm(root, recursive=True)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("s3://bucket/key.txt", True), ("memory://x", True), ("file:///tmp/a.txt", True), ("gs://b/", True),
     ("C://Users/a.txt", False), ("news/a.txt", False), ("-", False), ("http:/x", False)],
)
def test_is_url(path: str, expected: bool) -> None:
    assert is_url(path) is expected


def test_url_folders_are_walked_like_local_folders(memory_files: str) -> None:
    sources = list(iter_sources([memory_files], "*.txt"))
    assert [source.name for source in sources] == ["a.txt", "b.txt", "deep/c.TXT", "empty.txt"]
    assert all(isinstance(source, UrlSource) for source in sources)
    assert sources[0].display == f"{memory_files}/a.txt"
    assert sources[0].size == len(PLAN.encode("utf-8"))


def test_url_folder_without_matches_is_reported(memory_files: str) -> None:
    empty: list[str] = []
    assert list(iter_sources([memory_files], "*.html", on_empty=empty.append)) == []
    assert empty == [memory_files]


def test_local_paths_and_urls_mix(memory_files: str) -> None:
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    sources = list(iter_sources([str(sample), f"{memory_files}/a.txt"]))
    assert [source.name for source in sources] == [sample.name, "a.txt"]
    assert not isinstance(sources[0], UrlSource)


def test_chunks_of_urls_are_read_and_extracted_in_order(memory_files: str) -> None:
    sources = [*iter_sources([memory_files]), UrlSource("gone.txt", "memory://nowhere/gone.txt", Path("gone.txt"),
                                                        url="memory://nowhere/gone.txt")]
    results = extract_chunk(sources, Settings())
    assert [result.source.name for result in results] == ["a.txt", "b.txt", "deep/c.TXT", "empty.txt", "gone.txt"]
    assert [result.error for result in results] == [None, None, None, None, "skipped: no such file"]
    assert results[3].notes == ("empty file, no records",)  # an empty file is no failure
    assert [r["value"] for r in results[0].records] == [300, 5]
    assert {r["doc"] for r in results[0].records} == {"a.txt"}
    assert results[1].records[0]["value"] == 2_000_000
    assert all(result.source.data is None for result in results)


def test_chunk_size_limit(memory_files: str) -> None:
    (result,) = extract_chunk(list(iter_sources([f"{memory_files}/a.txt"])), Settings(max_size=10))
    assert result.error == "skipped: larger than --max-size (10 bytes)"


def test_extract_bag_of_texts_and_pairs() -> None:
    bag = db.from_sequence([("a.txt", PLAN), ("b.txt", OTHER), PLAN], npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        records = extract_bag(bag).compute()
        targets = extract_bag(bag, only="target").compute()
    assert [(r["doc"], r["value"]) for r in records] == [("a.txt", 300), ("a.txt", 5), ("b.txt", 2_000_000),
                                                         (None, 300), (None, 5)]
    assert [r["status"] for r in targets] == ["target"] * 3
    assert records[0]["published"] == "2024-03-03"


def test_only_plancli_own_workers_freeze_the_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    """gc.freeze() changes the whole process: extract_bag (a user's process or cluster) and a user's scheduler
    never call it; the workers of a LocalCluster plancli started (--dask local) do."""
    import plancli.dask as plancli_dask

    calls: list[str] = []
    monkeypatch.setattr(plancli_dask, "freeze_heap", lambda: calls.append("freeze"))
    for cached in ("_extractor", "_own_extractor"):
        getattr(plancli_dask, cached, plancli_dask._extractor).cache_clear()
    with dask.config.set(scheduler="synchronous"):
        extract_bag(db.from_sequence([PLAN], npartitions=1)).compute()
    extract_chunk([], Settings())
    assert calls == []

    submitted: list[bool] = []

    class Client:
        def nthreads(self) -> dict[str, int]:
            return {"worker": 1}

        def submit(self, function: object, chunk: object, settings: object, *, own_process: bool, pure: bool) -> object:
            submitted.append(own_process)
            return type("Done", (), {"result": lambda self: []})()

    @contextlib.contextmanager
    def connect(address: str, *, workers: int = 1) -> Iterator[Client]:
        yield Client()

    monkeypatch.setattr(plancli_dask, "connect", connect)
    sources = [UrlSource(name="a.txt", display="a.txt", path=Path("a.txt"), size=1, url="memory://a.txt")]
    list(plancli_dask.run_dask(sources, Settings(), "tcp://10.0.0.5:8786"))
    list(plancli_dask.run_dask(sources, Settings(), plancli_dask.LOCAL))
    assert submitted == [False, True]
    extract_chunk([], Settings(), own_process=True)
    assert calls == ["freeze"]
    plancli_dask._own_extractor.cache_clear()


def test_extract_bag_of_url_contents(memory_files: str) -> None:
    bag = db.read_text(f"{memory_files}/a.txt", files_per_partition=1).map_partitions(lambda lines: ["".join(lines)])
    with dask.config.set(scheduler="synchronous"):
        records = extract_bag(bag, published="2024-01-01").compute()
    assert [(r["value"], r["published"]) for r in records] == [(300, "2024-01-01"), (5, "2024-01-01")]


def test_extract_bag_rejects_bad_items_and_options() -> None:
    with pytest.raises(ValueError, match="only"):
        extract_bag(db.from_sequence([PLAN]), only="targets")
    with dask.config.set(scheduler="synchronous"), pytest.raises(TypeError, match="text or a"):
        extract_bag(db.from_sequence([42])).compute()


def test_cli_dask_local_two_workers_same_bytes_as_one_job(tmp_path: Path) -> None:
    """A real LocalCluster of two worker processes; the output must be byte-identical to --jobs 1."""
    runner = CliRunner()
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    missing = str(tmp_path / "missing.txt")
    first = runner.invoke(app, ["extract", str(SAMPLES), missing, "--format", "jsonl", "-o", str(one), "--jobs", "1"])
    second = runner.invoke(
        app, ["extract", str(SAMPLES), missing, "--format", "jsonl", "-o", str(two), "--dask", "local", "--jobs", "2"]
    )
    assert (first.exit_code, second.exit_code) == (1, 1)
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_bytes().splitlines()) > 20
    assert f"plancli: {missing}: skipped: no such file" in second.stderr
    assert "files" in second.stderr.splitlines()[-1]
    assert "Port" not in second.stderr and "dashboard" not in second.stderr.lower()
    assert {json.loads(line)["doc"] for line in two.read_text().splitlines()} == {p.name for p in SAMPLES.glob("*.txt")}


def test_cli_without_dask_installed_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = CliRunner().invoke(app, ["extract", str(SAMPLES), "--dask", "local", "--quiet"])
    assert result.exit_code == 2
    assert result.stderr.strip() == 'plancli: Dask support is not installed; pip install "plancli[dask]"'
