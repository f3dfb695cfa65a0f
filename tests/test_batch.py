"""Worker processes for --jobs N: how inputs are cut into chunks, how workers start, and Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from plancli.batch import (
    MOST_FILES_PER_CHUNK,
    _signals_held,
    balanced_chunks,
    ordered_map,
    worker_context,
)
from plancli.inputs import Source


def sources(sizes: list[int]) -> list[Source]:
    return [Source(name=f"{index:04d}.txt", display=f"{index:04d}.txt", path=None, size=size)
            for index, size in enumerate(sizes)]


@pytest.mark.parametrize(
    ("sizes", "jobs"),
    [
        ([7_000] * 439, 2),  # a news archive: many articles of about the same size
        ([7_000] * 439, 8),
        ([0] * 30, 2),  # sizes unknown (stdin, a URL without a size)
        ([5_000_000] + [6_000] * 200, 2),  # one long report among short articles
        ([3_000], 2),
        ([], 2),
    ],
)
def test_balanced_chunks_cover_every_input_once_in_order(sizes: list[int], jobs: int) -> None:
    given = sources(sizes)
    chunks = list(balanced_chunks(given, jobs))
    assert [source for chunk in chunks for source in chunk] == given
    assert all(1 <= len(chunk) <= MOST_FILES_PER_CHUNK for chunk in chunks)


def test_balanced_chunks_shrink_toward_the_end() -> None:
    chunks = list(balanced_chunks(sources([7_000] * 439), 2))
    assert len(chunks[0]) == MOST_FILES_PER_CHUNK  # plenty left: full chunks for nlp.pipe
    assert [len(chunk) for chunk in chunks[-3:]] == [1, 1, 1]  # the tail goes one file at a time
    lengths = [len(chunk) for chunk in chunks]
    assert lengths == sorted(lengths, reverse=True)


def test_a_long_document_is_a_chunk_of_its_own() -> None:
    chunks = list(balanced_chunks(sources([6_000] * 20 + [5_000_000] + [6_000] * 20), 2))
    assert [len(chunk) for chunk in chunks if any(source.size == 5_000_000 for source in chunk)] == [1]


def test_signals_held_act_after_the_block() -> None:
    inside = []
    with pytest.raises(KeyboardInterrupt), _signals_held():
        signal.raise_signal(signal.SIGINT)
        inside.append("still running")
    assert inside == ["still running"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def sigint_disposition(_: object) -> str:
    """Module level, so worker processes can import it."""
    handler = signal.getsignal(signal.SIGINT)
    return "ignored" if handler == signal.SIG_IGN else "handled"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers come from a fork server on Linux only")
def test_workers_come_from_a_fork_server_and_ignore_ctrl_c() -> None:
    assert worker_context().get_start_method() == "forkserver"
    # No initializer: the worker ignores SIGINT from birth, so a Ctrl-C during its start-up cannot kill it.
    assert list(ordered_map(sigint_disposition, range(3), jobs=2)) == ["ignored"] * 3


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups")
def test_ctrl_c_during_worker_start_up_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for copy in range(4):
        for sample in sorted(SAMPLES.glob("*.txt")):
            shutil.copy(sample, folder / f"{copy}_{sample.name}")
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "plancli", "extract", str(folder), "--jobs", "2", "-o", str(out), "-q"],
        stderr=subprocess.PIPE, env=env, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        while not any(path.name.endswith(".tmp") for path in tmp_path.iterdir()) and process.poll() is None:
            time.sleep(0.01)  # the temp output exists once the run has started its workers
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        _, stderr = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130
    assert stderr.decode().strip() == "plancli: interrupted"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news"]
