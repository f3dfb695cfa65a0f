"""Throughput, memory and start-up time of plancli, against bare spaCy on the same corpus.

usage: python benchmarks/bench.py [--size-mb N] [--quick] [--seed N]

Builds (once, then reuses) a corpus of perturbed copies of ``samples/*.txt``
under ``benchmarks/corpus/``, runs every measurement as a fresh subprocess of
this interpreter, and prints a table and the project's targets. Run it with
the interpreter plancli is installed in (``.venv/bin/python``). See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS_ROOT = Path(__file__).resolve().parent / "corpus"
MB = 1_000_000
#: Bump when the corpus recipe changes, so old corpora are rebuilt.
CORPUS_VERSION = 1

# The project's targets.
JOBS1_VS_SPACY = 0.6
JOBS2_VS_JOBS1 = 1.6
PEAK_MEMORY_MB = 500
HELP_SECONDS = 0.5
ONE_FILE_SECONDS = 3.0

PLACES = (
    "Shenyang", "Liaoning", "Dalian", "Anshan", "Fushun", "Benxi", "Dandong", "Jinzhou", "Yingkou", "Fuxin",
    "Liaoyang", "Tieling", "Chaoyang", "Panjin", "Huludao", "Changchun", "Harbin", "Jilin", "Heilongjiang",
    "Qingdao", "Shandong", "Hebei", "Tianjin", "Taiyuan", "Zhengzhou", "Wuhan", "Chengdu", "Xi'an", "Kunming",
    "Nanning", "Guiyang", "Lanzhou", "Hohhot", "Urumqi", "Hefei", "Nanchang", "Fuzhou", "Changsha", "Jinan",
)
_PLACE = re.compile(r"\b(" + "|".join(re.escape(place) for place in PLACES) + r")\b")
_YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20[0-4]\d)(?!\d|[.,]\d)")
# Plain quantities: not parts of dates, times, ordinals ("14th") or codes.
_NUMBER = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:/-]|[.,]\d)")

BARE_SPACY = """
import sys, time
from pathlib import Path
import spacy
files = sorted(Path(sys.argv[1]).rglob("*.txt"))
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
texts = (path.read_text(encoding="utf-8") for path in files)
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
print(tokens)
"""


# --- the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Corpus:
    folder: Path
    files: int
    bytes: int


def build_corpus(size_mb: float, seed: int) -> Corpus:
    """Perturbed copies of the samples until ``size_mb`` MB of UTF-8; reused when the recipe matches."""
    folder = CORPUS_ROOT / f"{size_mb:g}mb-seed{seed}"
    manifest_path = folder / "manifest.json"
    wanted = {"version": CORPUS_VERSION, "size_mb": size_mb, "seed": seed}
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {key: manifest.get(key) for key in wanted} == wanted:
            return Corpus(folder, manifest["files"], manifest["bytes"])
    samples = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    if not samples:
        sys.exit(f"bench: no samples/*.txt in {SAMPLES}")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    total = files = 0
    while total < size_mb * MB:
        text = vary(samples[files % len(samples)], rng)
        (folder / f"doc_{files:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        files += 1
    manifest_path.write_text(json.dumps({**wanted, "files": files, "bytes": total}), encoding="utf-8")
    return Corpus(folder, files, total)


def vary(text: str, rng: random.Random) -> str:
    """One article, different: body paragraphs shuffled, places swapped, years shifted, numbers rescaled.

    The header paragraphs (headline, byline with the date) stay first, so the
    publication date is still found.
    """
    paragraphs = text.split("\n\n")
    header, body = paragraphs[:3], paragraphs[3:]
    rng.shuffle(body)
    text = "\n\n".join(header + body)
    places = {place: rng.choice(PLACES) for place in PLACES}
    text = _PLACE.sub(lambda found: places[found.group(1)], text)
    shift = rng.randint(-6, 6)
    text = _YEAR.sub(lambda found: str(int(found.group(1)) + shift), text)
    return _NUMBER.sub(lambda found: _rescale(found.group(1), rng), text)


def _rescale(number: str, rng: random.Random) -> str:
    if 1950 <= _as_float(number) <= 2049 and number.isdigit():
        return number  # a year, shifted already
    factor = rng.uniform(0.3, 3.0)
    if "," in number:
        return f"{round(int(number.replace(',', '')) * factor):,}"
    if "." in number:
        decimals = len(number.split(".")[1])
        return f"{float(number) * factor:.{decimals}f}"
    return str(max(1, round(int(number) * factor)))


def _as_float(number: str) -> float:
    return float(number.replace(",", ""))


# --- measuring ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    max_rss_mb: float  # the largest single process (ru_maxrss from wait4: the child or any reaped descendant)
    tree_rss_mb: float  # the largest sum over the process tree, sampled every 50 ms
    code: int
    stderr: str


def measure(command: Sequence[str]) -> Run:
    """Run ``command`` in a fresh process, stdout discarded: wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _TreeSampler(process.pid)
    sampler.start()
    stderr_chunks: list[bytes] = []
    assert process.stderr is not None
    reader = threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True)
    reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    reader.join()
    return Run(
        seconds=seconds,
        max_rss_mb=usage.ru_maxrss * 1024 / MB,  # Linux: kilobytes
        tree_rss_mb=sampler.peak_bytes / MB,
        code=process.returncode,
        stderr=b"".join(stderr_chunks).decode("utf-8", "replace"),
    )


class _TreeSampler(threading.Thread):
    """Sums the resident memory of a process and all its descendants, keeping the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_bytes = 0
        self._done = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak_bytes = max(self.peak_bytes, self._tree_bytes())

    def _tree_bytes(self) -> int:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        total, stack = 0, [self.pid]
        while stack:
            pid = stack.pop()
            stack.extend(children.get(pid, ()))
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self._page
            except (OSError, IndexError, ValueError):
                pass
        return total


def check(run: Run, label: str) -> Run:
    if run.code != 0:
        sys.exit(f"bench: {label} failed with exit code {run.code}:\n{run.stderr[-2000:]}")
    return run


def median_run(command: Sequence[str], label: str, times: int) -> Run:
    runs = [check(measure(command), label) for _ in range(times)]
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def plancli_command() -> list[str]:
    """The console script next to this interpreter, else ``python -m plancli``."""
    script = Path(sys.executable).with_name("plancli")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "plancli"]


# --- report ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="corpus size in MB (10^6 bytes); default 20")
    parser.add_argument("--quick", action="store_true", help="a 2 MB corpus, for a smoke run")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus variations; default 0")
    args = parser.parse_args(argv)
    size_mb = 2.0 if args.quick else args.size_mb

    _require_plancli()
    started = time.perf_counter()
    corpus = build_corpus(size_mb, args.seed)
    print(f"corpus: {corpus.folder.relative_to(ROOT)}: {corpus.files} files, {corpus.bytes / MB:.1f} MB "
          f"(ready in {time.perf_counter() - started:.1f} s)", flush=True)
    _warm_page_cache(corpus)

    extract = [sys.executable, "-m", "plancli", "extract", str(corpus.folder), "--format", "jsonl", "--quiet"]
    throughput: list[tuple[str, Run]] = []
    for label, command in (
        ("bare spaCy (blank + sentencizer)", [sys.executable, "-c", BARE_SPACY, str(corpus.folder)]),
        ("plancli extract --jobs 1", [*extract, "--jobs", "1"]),
        ("plancli extract --jobs 2", [*extract, "--jobs", "2"]),
    ):
        print(f"running: {label} ... (load average {_load()})", flush=True)
        throughput.append((label, check(measure(command), label)))

    one_file = sorted(SAMPLES.glob("*.txt"))[0]
    print(f"running: start-up times ... (load average {_load()})", flush=True)
    help_run = median_run([*plancli_command(), "--help"], "plancli --help", 5)
    cold_run = median_run([*plancli_command(), "extract", str(one_file), "--format", "jsonl"], "one file", 3)

    print()
    print(f"{'run':<42} {'wall s':>7} {'MB/s':>7} {'docs/s':>8} {'max RSS MB':>11} {'tree RSS MB':>12}")
    for label, run in throughput:
        print(f"{label:<42} {run.seconds:7.2f} {corpus.bytes / MB / run.seconds:7.2f} "
              f"{corpus.files / run.seconds:8.1f} {run.max_rss_mb:11.0f} {run.tree_rss_mb:12.0f}")
    for label, run in (("plancli --help (median of 5)", help_run),
                       ("plancli extract <one sample> (median of 3)", cold_run)):
        print(f"{label:<42} {run.seconds:7.2f} {'':>7} {'':>8} {run.max_rss_mb:11.0f} {run.tree_rss_mb:12.0f}")
    print("(max RSS: the largest single process, ru_maxrss; tree RSS: parent + workers together, sampled)")

    spacy_run, jobs1, jobs2 = (run for _, run in throughput)
    peak = max(jobs1.max_rss_mb, jobs2.max_rss_mb)
    targets: list[tuple[str, float, str, Callable[[float], bool]]] = [
        ("jobs1 / bare spaCy", spacy_run.seconds / jobs1.seconds, f">= {JOBS1_VS_SPACY}", lambda v: v >= JOBS1_VS_SPACY),
        ("jobs2 / jobs1", jobs1.seconds / jobs2.seconds, f">= {JOBS2_VS_JOBS1}", lambda v: v >= JOBS2_VS_JOBS1),
        ("peak memory, MB (largest process)", peak, f"< {PEAK_MEMORY_MB}", lambda v: v < PEAK_MEMORY_MB),
        ("plancli --help, s", help_run.seconds, f"< {HELP_SECONDS}", lambda v: v < HELP_SECONDS),
        ("one file cold, s", cold_run.seconds, f"< {ONE_FILE_SECONDS}", lambda v: v < ONE_FILE_SECONDS),
    ]
    print()
    print(f"{'target':<42} {'value':>7}  {'wanted':<8} result")
    for name, value, wanted, ok in targets:
        print(f"{name:<42} {value:7.2f}  {wanted:<8} {'PASS' if ok(value) else 'MISS'}")
    print(f"({os.cpu_count()} CPUs, load average now {_load()}; throughput is end to end, start-up included;"
          f" one sample = samples/{one_file.name})")
    return 0


def _require_plancli() -> None:
    done = subprocess.run([sys.executable, "-c", "import plancli, spacy"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: run this with the interpreter plancli is installed in (.venv/bin/python):\n{done.stderr}")


def _load() -> str:
    """The 1-minute load average: other work on the machine skews every number here."""
    return f"{os.getloadavg()[0]:.2f}"


def _warm_page_cache(corpus: Corpus) -> None:
    for path in corpus.folder.glob("*.txt"):
        path.read_bytes()


if __name__ == "__main__":
    sys.exit(main())
