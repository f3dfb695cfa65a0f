"""Throughput, memory and start-up time of plancli, against bare spaCy on the same corpus.

usage: python benchmarks/bench.py [--size-mb N] [--quick] [--seed N] [--timeout S]

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
import resource
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
LINEARITY = 1.5  # seconds per MB at 10 MB over that at 0.1 MB

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
    cpu_seconds: float  # user + system time of the child and the descendants it reaped
    max_rss_mb: float  # the largest single process (ru_maxrss from wait4: the child or any reaped descendant)
    tree_rss_mb: float  # the largest sum over the process tree, sampled every 50 ms
    code: int
    stderr: str


def measure(command: Sequence[str]) -> Run:
    """Run ``command`` in a fresh process, stdout discarded: wall time, CPU time and peak memory.

    CPU time and the largest process cover the whole process tree, also the
    descendants the command does not reap itself (a fork server and the
    workers it forks): :func:`adopt_orphans` makes this process reap them.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _TreeSampler(process.pid)
    sampler.start()
    stderr_chunks: list[bytes] = []
    stderr = process.stderr
    assert stderr is not None
    reader = threading.Thread(target=lambda: stderr_chunks.append(stderr.read()), daemon=True)
    reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    reader.join()
    usages = [usage, *_reap_orphans()]
    return Run(
        seconds=seconds,
        cpu_seconds=sum(one.ru_utime + one.ru_stime for one in usages),
        max_rss_mb=max(one.ru_maxrss for one in usages) * 1024 / MB,  # Linux: kilobytes
        tree_rss_mb=sampler.peak_bytes / MB,
        code=process.returncode,
        stderr=b"".join(stderr_chunks).decode("utf-8", "replace"),
    )


def adopt_orphans() -> None:
    """Become the "subreaper" of the commands run here (Linux), so their orphaned descendants are ours to reap.

    Without it a fork server, which outlives the command by a moment, and the
    workers it reaped would be missing from the CPU time.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans(wait_seconds: float = 10.0) -> list[resource.struct_rusage]:
    """Resource usage of every adopted descendant, once each has exited (they do when the command has)."""
    usages: list[resource.struct_rusage] = []
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:  # no children left
            break
        if pid == 0:
            time.sleep(0.01)
            continue
        usages.append(usage)
    return usages


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


# --- one long document ----------------------------------------------------------------------

PER_MB_SIZES = (0.1, 1.0, 10.0)

#: Median seconds to process one document (argv[2]) argv[3] times after a warm-up; argv[1]: "plancli" or "spacy".
ONE_DOC = """
import statistics, sys, time
from pathlib import Path
text = Path(sys.argv[2]).read_text(encoding="utf-8")
if sys.argv[1] == "spacy":
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = len(text) + 1
    run = nlp
else:
    from plancli.extract import Extractor
    extractor = Extractor()
    extractor.nlp.max_length = len(text) + 1
    run = extractor.extract
run(text[:5000])
times = []
for _ in range(int(sys.argv[3])):
    started = time.perf_counter()
    run(text)
    times.append(time.perf_counter() - started)
print(statistics.median(times))
"""


def long_documents(corpus: Corpus) -> dict[float, Path]:
    """Single documents of 0.1, 1 and 10 MB: corpus articles joined by blank lines (the same text, cut)."""
    folder = corpus.folder.with_name(corpus.folder.name + "-long")  # not inside the corpus folder
    folder.mkdir(exist_ok=True)
    paths = {size: folder / f"one_{size:g}mb.txt" for size in PER_MB_SIZES}
    if all(path.is_file() for path in paths.values()):
        return paths
    articles = [path.read_text(encoding="utf-8") for path in sorted(corpus.folder.glob("*.txt"))]
    parts: list[str] = []
    total = 0
    while total < max(PER_MB_SIZES) * MB:
        article = articles[len(parts) % len(articles)]
        parts.append(article.strip())
        total += len(article.encode("utf-8")) + 2
    for size, path in paths.items():
        text, length = [], 0
        for part in parts:
            if length >= size * MB:
                break
            text.append(part)
            length += len(part.encode("utf-8")) + 2
        path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
    return paths


def seconds_for_one_doc(engine: str, path: Path, timeout: float) -> float | None:
    """In-process extraction time of one document (start-up excluded), or None after ``timeout`` s."""
    try:
        repeats = str(max(1, min(5, round(0.5 * MB / path.stat().st_size))))  # small documents: median of 5
        done = subprocess.run([sys.executable, "-c", ONE_DOC, engine, str(path), repeats], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"bench: {engine} on {path.name} failed:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


# --- report ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=3.0, help="corpus size in MB (10^6 bytes); default 3")
    parser.add_argument("--quick", action="store_true", help="a 1 MB corpus and no 10 MB document, for a smoke run")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus variations; default 0")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="give up on one long document after this many seconds; default 120")
    args = parser.parse_args(argv)
    size_mb = 1.0 if args.quick else args.size_mb

    _require_plancli()
    adopt_orphans()
    started = time.perf_counter()
    corpus = build_corpus(size_mb, args.seed)
    print(f"corpus: {corpus.folder.relative_to(ROOT)}: {corpus.files} files, {corpus.bytes / MB:.1f} MB "
          f"(ready in {time.perf_counter() - started:.1f} s)", flush=True)
    _warm_page_cache(corpus)

    extract = [sys.executable, "-m", "plancli", "extract", str(corpus.folder), "--format", "jsonl", "--quiet"]
    bare = [sys.executable, "-c", BARE_SPACY, str(corpus.folder)]
    # Bare spaCy, --jobs 1 and --jobs 2 take turns, three times each: the medians see the same machine load.
    spacy_runs: list[Run] = []
    jobs1_runs: list[Run] = []
    jobs2_runs: list[Run] = []
    loads: list[float] = []
    for round_number in range(1, 4):
        loads.append(os.getloadavg()[0])
        print(f"running: bare spaCy, --jobs 1 and --jobs 2, round {round_number} of 3 ... "
              f"(load average {_load()})", flush=True)
        spacy_runs.append(check(measure(bare), "bare spaCy"))
        jobs1_runs.append(check(measure([*extract, "--jobs", "1"]), "--jobs 1"))
        jobs2_runs.append(check(measure([*extract, "--jobs", "2"]), "--jobs 2"))
    spacy_run, jobs1, jobs2 = _median(spacy_runs), _median(jobs1_runs), _median(jobs2_runs)
    throughput: list[tuple[str, Run]] = [
        ("bare spaCy (blank + sentencizer), median of 3", spacy_run),
        ("plancli extract --jobs 1, median of 3", jobs1),
        ("plancli extract --jobs 2, median of 3", jobs2),
    ]
    if _has_dask():
        print(f"running: --dask local --jobs 2 ... (load average {_load()})", flush=True)
        dask_run = check(measure([*extract, "--dask", "local", "--jobs", "2"]), "--dask local")
        throughput.append(("plancli extract --dask local --jobs 2", dask_run))

    sizes = PER_MB_SIZES[:2] if args.quick else PER_MB_SIZES
    documents = long_documents(corpus)
    per_mb: list[tuple[float, float, float | None, float | None]] = []
    for size in sizes:
        path = documents[size]
        megabytes = path.stat().st_size / MB
        print(f"running: one {megabytes:.2f} MB document ... (load average {_load()})", flush=True)
        spacy_seconds = seconds_for_one_doc("spacy", path, args.timeout)
        plancli_seconds = seconds_for_one_doc("plancli", path, args.timeout)
        per_mb.append((size, megabytes, spacy_seconds, plancli_seconds))

    one_file = sorted(SAMPLES.glob("*.txt"))[0]
    print(f"running: start-up times ... (load average {_load()})", flush=True)
    help_run = median_run([*plancli_command(), "--help"], "plancli --help", 5)
    cold_run = median_run([*plancli_command(), "extract", str(one_file), "--format", "jsonl"], "one file", 3)

    print()
    print(f"{'run':<46} {'wall s':>7} {'MB/s':>7} {'docs/s':>8} {'x spaCy':>8} {'cpu s':>7} "
          f"{'max RSS MB':>11} {'tree RSS MB':>12}")
    for label, run in throughput:
        print(f"{label:<46} {run.seconds:7.2f} {corpus.bytes / MB / run.seconds:7.2f} "
              f"{corpus.files / run.seconds:8.1f} {spacy_run.seconds / run.seconds:8.2f} {run.cpu_seconds:7.2f} "
              f"{run.max_rss_mb:11.0f} {run.tree_rss_mb:12.0f}")
    for label, run in (("plancli --help (median of 5)", help_run),
                       ("plancli extract <one sample> (median of 3)", cold_run)):
        print(f"{label:<46} {run.seconds:7.2f} {'':>7} {'':>8} {'':>8} {run.cpu_seconds:7.2f} "
              f"{run.max_rss_mb:11.0f} {run.tree_rss_mb:12.0f}")
    print("(x spaCy: bare spaCy's wall time over this row's; cpu s: user + system time, all processes;")
    print(" max RSS: the largest single process, ru_maxrss; tree RSS: parent + workers together, sampled)")
    print(f"(--jobs 1 / bare spaCy in CPU time, less sensitive to other load: "
          f"{_median_cpu(spacy_runs) / _median_cpu(jobs1_runs):.2f}; --jobs 2 spends "
          f"{_median_cpu(jobs2_runs) / _median_cpu(jobs1_runs):.2f}x the CPU time of --jobs 1)")
    startup = cold_run.seconds
    best = jobs1.seconds / (startup + max(jobs1.seconds - startup, 0) / 2)
    print(f"(start-up, one file cold: {startup:.2f} s; with it, a perfect split of the rest would make --jobs 2 "
          f"{best:.2f}x --jobs 1)")

    print()
    print(f"{'one document':<16} {'spaCy s/MB':>11} {'plancli s/MB':>13} {'x spaCy':>8}")
    for size, megabytes, spacy_seconds, plancli_seconds in per_mb:
        print(f"{f'{size:g} MB':<16} {_per_mb(spacy_seconds, megabytes):>11} {_per_mb(plancli_seconds, megabytes):>13} "
              f"{_ratio(spacy_seconds, plancli_seconds):>8}")
    print(f"(in-process time of one call after a warm-up, start-up excluded; nlp.max_length raised; "
          f"over {args.timeout:g} s counts as a timeout)")

    peak = max(jobs1.max_rss_mb, jobs2.max_rss_mb)
    targets: list[tuple[str, float | None, str, Callable[[float], bool]]] = [
        ("jobs1 / bare spaCy", spacy_run.seconds / jobs1.seconds, f">= {JOBS1_VS_SPACY}",
         lambda v: v >= JOBS1_VS_SPACY),
        ("jobs2 / jobs1", jobs1.seconds / jobs2.seconds, f">= {JOBS2_VS_JOBS1}", lambda v: v >= JOBS2_VS_JOBS1),
        (f"s/MB at {per_mb[-1][0]:g} MB / s/MB at {per_mb[0][0]:g} MB", _linearity(per_mb), f"<= {LINEARITY}",
         lambda v: v <= LINEARITY),
        ("peak memory, MB (largest process)", peak, f"< {PEAK_MEMORY_MB}", lambda v: v < PEAK_MEMORY_MB),
        ("plancli --help, s", help_run.seconds, f"< {HELP_SECONDS}", lambda v: v < HELP_SECONDS),
        ("one file cold, s", cold_run.seconds, f"< {ONE_FILE_SECONDS}", lambda v: v < ONE_FILE_SECONDS),
    ]
    print()
    print(f"{'target':<42} {'value':>7}  {'wanted':<8} result")
    for name, value, wanted, ok in targets:
        shown = "n/a" if value is None else f"{value:7.2f}"
        verdict = "n/a" if value is None else "PASS" if ok(value) else "MISS"
        print(f"{name:<42} {shown:>7}  {wanted:<8} {verdict}")
    if max(loads) > 0.5:
        print(f"(the load average was up to {max(loads):.2f} before a round: other work takes CPU time that "
              f"--jobs 2 needs, so jobs2 / jobs1 reads low{_autogroup_note()}; see benchmarks/README.md)")
    print(f"({os.cpu_count()} CPUs, load average now {_load()}; throughput is end to end, start-up included;"
          f" one sample = samples/{one_file.name}; total {time.perf_counter() - started:.0f} s)")
    return 0


def _median_cpu(runs: list[Run]) -> float:
    return sorted(run.cpu_seconds for run in runs)[len(runs) // 2]


def _median(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def _per_mb(seconds: float | None, megabytes: float) -> str:
    return "timeout" if seconds is None else f"{seconds / megabytes:.2f}"


def _ratio(spacy_seconds: float | None, plancli_seconds: float | None) -> str:
    if spacy_seconds is None or plancli_seconds is None:
        return "n/a"
    return f"{spacy_seconds / plancli_seconds:.2f}"


def _linearity(per_mb: list[tuple[float, float, float | None, float | None]]) -> float | None:
    """Seconds per MB at the largest size over that at the smallest (None when one timed out or is missing)."""
    if len(per_mb) < 2:
        return None
    (_, first_mb, _, first_seconds), (_, last_mb, _, last_seconds) = per_mb[0], per_mb[-1]
    if first_seconds is None:
        return None
    if last_seconds is None:
        return float("inf")
    return (last_seconds / last_mb) / (first_seconds / first_mb)


def _has_dask() -> bool:
    done = subprocess.run([sys.executable, "-c", "import distributed, fsspec"], capture_output=True)
    if done.returncode != 0:
        print('note: dask not installed (pip install "plancli[dask]"); skipping the --dask row', flush=True)
    return done.returncode == 0


def _require_plancli() -> None:
    done = subprocess.run([sys.executable, "-c", "import plancli, spacy"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: run this with the interpreter plancli is installed in (.venv/bin/python):\n{done.stderr}")


def _load() -> str:
    """The 1-minute load average: other work on the machine skews every number here."""
    return f"{os.getloadavg()[0]:.2f}"


def _autogroup_note() -> str:
    """Why a busy machine can hide --jobs 2 entirely: Linux shares CPU time between sessions first."""
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
        group = Path("/proc/self/autogroup").read_text().split()
    except OSError:
        return ""
    if not enabled:
        return ""
    return f"; autogroup scheduling is on ({' '.join(group[-2:])}): busy sessions each get an equal share"


def _warm_page_cache(corpus: Corpus) -> None:
    for path in corpus.folder.glob("*.txt"):
        path.read_bytes()


if __name__ == "__main__":
    sys.exit(main())
