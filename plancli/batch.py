"""Running the extractor over many input files, in this process or in worker processes.

Files go in chunks; each chunk is read, decoded and extracted by whoever runs
it, and comes back as one :class:`FileResult` per file, in input order. The
same :func:`process_chunk` runs in both modes, so ``--jobs N`` output is
identical to ``--jobs 1``.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from plancli.inputs import DEFAULT_MAX_SIZE, InputError, Source, load_source
from plancli.records import Document
from plancli.writers import NonFiniteError, check_finite

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from plancli.extract import Extractor
    from plancli.records import Target


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a worker needs to rebuild the extractor and filter records (picklable)."""

    patterns: tuple[str, ...] = ()
    model: str | None = None
    published: str | None = None
    only: str = "all"
    max_size: int = DEFAULT_MAX_SIZE


@dataclass(frozen=True, slots=True)
class FileResult:
    """What came of one input: its records, or why it failed (``"skipped: binary file"``).

    ``notes`` are remarks that are no failure ("empty file", a record dropped for a non-finite number).
    """

    source: Source
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    notes: tuple[str, ...] = ()


class ExtractorSetupError(Exception):
    """The extractor could not be built (bad ``--model``, broken engine...); not a pattern-file error."""


def build_extractor(settings: Settings) -> Extractor:
    """An extractor for ``settings``; PatternError passes through, anything else becomes ExtractorSetupError."""
    from plancli.extract import Extractor
    from plancli.patterns import PatternError

    try:
        return Extractor(patterns=settings.patterns, model=settings.model)
    except PatternError:
        raise
    except Exception as error:  # the engine's own failure, reported in one line by the CLI
        raise ExtractorSetupError(f"cannot build the extractor: {type(error).__name__}: {error}") from None


def freeze_heap() -> None:
    """Leave the objects alive now (the built pipeline: about 100,000 of them) out of the cyclic garbage
    collector's later scans (``gc.freeze()``). A full collection would otherwise walk them all again, while
    they live as long as the process; about 3% of the extraction time of a 1 MB corpus.

    Only for processes plancli runs itself (the command line's, its ``--jobs`` workers and
    those of the LocalCluster ``--dask local`` starts; never a user's cluster or ``extract_bag``): it changes
    the whole process's collector, which a library leaves alone (see :class:`plancli.extract.Extractor`).
    The pipeline holds no cyclic garbage to keep (a collection right after building finds about a dozen
    objects), so there is no ``gc.collect()`` first.
    """
    gc.freeze()


def process_chunk(extractor: Extractor, sources: Sequence[Source], settings: Settings) -> list[FileResult]:
    """Read, decode and extract a few files; one result per source, same order.

    This is the per-file boundary: whatever goes wrong with one file (a
    decoder's or the engine's exception of any type) becomes that file's
    one-line error, and the other files keep their records.
    """
    results: list[FileResult | None] = [None] * len(sources)
    loaded: list[tuple[int, Document]] = []
    for index, source in enumerate(sources):
        try:
            loaded.append((index, load_source(source, max_size=settings.max_size)))
        except InputError as error:
            results[index] = FileResult(source, error=f"skipped: {one_line(error.reason)}")
        except Exception as error:  # a reader library's own failure: this file only
            results[index] = FileResult(source, error=f"skipped: cannot read: {describe(error)}")
    outputs = _extract_isolated(extractor, [doc for _, doc in loaded], settings.published)
    for (index, doc), output in zip(loaded, outputs, strict=True):
        source = sources[index]
        if isinstance(output, Exception):
            results[index] = FileResult(source, error=f"extraction failed: {describe(output)}")
            continue
        try:
            results[index] = _file_result(source, doc, output, settings)
        except Exception as error:
            results[index] = FileResult(source, error=f"extraction failed: {describe(error)}")
    return [result for result in results if result is not None]


def _file_result(source: Source, doc: Document, output: list[Target], settings: Settings) -> FileResult:
    records: list[dict[str, Any]] = []
    notes: list[str] = []
    if not doc.text.strip():
        notes.append("empty file, no records")
    for target in output:
        if not _keep(target, settings):
            continue
        record = _record(target, source, doc, settings)
        try:
            check_finite(record)
        except NonFiniteError:
            notes.append(f"record dropped: a number out of range in {one_line(record.get('text') or '', 60)!r}")
            continue
        records.append(record)
    return FileResult(source, records=records, notes=tuple(notes))


def describe(error: BaseException) -> str:
    """``"RecursionError: maximum recursion depth exceeded"`` on one line."""
    message = one_line(str(error))
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def one_line(text: str, limit: int = 300) -> str:
    """White space folded and cut to ``limit`` characters, so an error stays one line."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


def _extract_isolated(
    extractor: Extractor, docs: list[Document], published: str | None
) -> list[list[Target] | Exception]:
    """Extract a batch; if the engine fails, redo it one document at a time so only the culprit fails."""
    if not docs:
        return []
    from plancli.patterns import PatternError

    try:
        return list(extractor.extract_many(docs, published=published))
    except PatternError:
        raise
    except Exception:
        pass
    outputs: list[list[Target] | Exception] = []
    for doc in docs:
        try:
            outputs.append(next(iter(extractor.extract_many([doc], published=published))))
        except PatternError:
            raise
        except Exception as error:
            outputs.append(error)
    return outputs


def _keep(target: Target, settings: Settings) -> bool:
    return settings.only == "all" or target.status == settings.only


def _record(target: Target, source: Source, doc: Document, settings: Settings) -> dict[str, Any]:
    """The record dict with ``doc`` = input name and ``published`` = option, else page metadata, else engine."""
    record = target.to_dict()
    record["doc"] = source.name
    record["published"] = settings.published or doc.published or record.get("published")
    return record


def chunked(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    """Lists of up to ``size`` sources, in order."""
    iterator = iter(sources)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunk_size(files: int, jobs: int) -> int:
    """Small enough to keep every worker busy (and the progress bar moving), big enough for ``nlp.pipe``."""
    return max(1, min(MOST_FILES_PER_CHUNK, math.ceil(files / (jobs * 4)))) if jobs > 1 else 4


#: The most files in one chunk: ``nlp.pipe``'s batch, and a bound on the results a worker holds at once.
MOST_FILES_PER_CHUNK = 16


def balanced_chunks(sources: Sequence[Source], jobs: int) -> Iterator[list[Source]]:
    """Chunks that shrink toward the end, so that the workers finish together.

    Each chunk takes about ``1 / (4 * jobs)`` of the bytes still to go (one
    to :data:`MOST_FILES_PER_CHUNK` files): big chunks while there is plenty
    left, single files at the tail, where one late chunk would keep every
    other worker idle.
    """
    remaining = sum(_weight(source) for source in sources)
    start = 0
    while start < len(sources):
        goal = remaining / (jobs * 4)
        end, taken = start + 1, _weight(sources[start])
        while end < len(sources) and end - start < MOST_FILES_PER_CHUNK and taken + _weight(sources[end]) <= goal:
            taken += _weight(sources[end])
            end += 1
        yield list(sources[start:end])
        remaining -= taken
        start = end


def _weight(source: Source) -> int:
    """Bytes to extract, at least 1 (an unknown size counts as a small file)."""
    return max(source.size, 1)


def resolve_jobs(jobs: int) -> int:
    """``0`` means one worker per available core."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


ExtractorFactory = Callable[[Settings], "Extractor"]


def run_batch(
    sources: Sequence[Source], settings: Settings, *, jobs: int = 1, factory: ExtractorFactory | None = None,
    own_process: bool = False,
) -> Iterator[FileResult]:
    """Results for every source, in order, streamed; ``jobs > 1`` uses worker processes.

    ``factory`` builds the extractor (default :func:`build_extractor`); with
    workers it must be a module-level function, since each worker calls it once.
    ``own_process``: this process is plancli's own (the command line's): the
    pipeline is built with the cyclic garbage collector off and then frozen out
    of its scans (:func:`freeze_heap`), and the collector is on again (the
    command line turns it off before its imports); workers do the same.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1 or len(sources) <= chunk_size(len(sources), jobs):
        if own_process:
            gc.disable()  # building makes ~100,000 objects that live as long as the process: nothing to collect
        try:
            extractor = (factory or build_extractor)(settings)
        finally:
            if own_process:
                freeze_heap()
                gc.enable()
        for chunk in chunked(sources, chunk_size(len(sources), 1)):
            yield from process_chunk(extractor, chunk, settings)
        return
    if own_process:
        gc.enable()  # the workers build the pipelines
    workers = min(jobs, len(sources))
    initargs = (settings, factory or build_extractor)
    chunks = balanced_chunks(sources, workers)
    for results in ordered_map(_run_chunk, chunks, jobs=workers, initializer=_init_worker, initargs=initargs):
        yield from results


def ordered_map(
    function: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
) -> Iterator[Any]:
    """``map`` over worker processes, results in input order, at most ``window`` items in flight.

    Unlike ``Executor.map`` (which submits everything at once) this keeps
    memory bounded whatever the number of items. The window (default four
    items a worker) lets the other workers run ahead while one works on a
    long item. Workers come from :func:`worker_context`.
    """
    from concurrent.futures import Future, ProcessPoolExecutor

    window = window or 4 * jobs
    pool: ProcessPoolExecutor | None = None
    pending: deque[Future[Any]] = deque()
    iterator = iter(items)
    try:
        # Building the pool (its queues' named semaphores) and the first submissions (which start the
        # workers) wait out a signal: one that lands half way leaks a semaphore or leaves a half-started
        # worker failing noisily once this process has cleaned up.
        with _signals_held():
            pool = ProcessPoolExecutor(
                max_workers=jobs, mp_context=worker_context(), initializer=initializer, initargs=initargs
            )
            for item in islice(iterator, window):
                pending.append(pool.submit(function, item))
        while pending:
            result = pending.popleft().result()
            for item in islice(iterator, 1):
                pending.append(pool.submit(function, item))
            yield result
    except BaseException:  # Ctrl-C, a failed write, or the consumer stopped early: abandon the work
        # There is no public API to stop running workers; without this Ctrl-C waits for every running chunk.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is over, then act as usual (main thread only)."""
    held: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        held.append(signum)

    try:
        previous = {signum: signal.signal(signum, hold) for signum in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread, where signals cannot be handled anyway
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if held:
            signal.raise_signal(held[0])


#: Imported once by the fork server, before it forks the workers (best effort: one that fails is skipped).
WORKER_PRELOAD = ("spacy", "spacy.lang.en", "plancli.batch", "plancli.pipeline", "plancli.extract")


def worker_context() -> BaseContext:
    """How worker processes start: from a fork server on Linux, else "spawn".

    The fork server is a fresh process (never a fork of this one, whose
    threads, such as the progress bar's, make forking unsafe). It imports
    spaCy and plancli once, then forks each worker from itself, so a worker
    only builds its pipeline; and a forked worker ends without the slow
    clean-up of a full interpreter exit. With "spawn" each worker starts a
    fresh interpreter and imports everything itself: the choice on macOS,
    where system libraries that numpy may use are not safe to fork, and on
    Windows, which cannot fork.
    """
    import multiprocessing

    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    _start_fork_server(context)
    return context


def _start_fork_server(context: BaseContext) -> None:
    """Start this process's fork server if it is not running, deaf to Ctrl-C like the workers it forks.

    Ctrl-C at a terminal reaches the whole process group; this process
    handles it and stops the workers, which must not die on their own with a
    traceback each. An ignored SIGINT is inherited by the server and, from
    it, by every worker from its first instruction.
    """
    from multiprocessing import forkserver

    context.set_forkserver_preload(list(WORKER_PRELOAD))  # read when the server starts
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: start it as it is
        forkserver.ensure_running()
        return
    try:
        forkserver.ensure_running()  # returns at once when the server is up
    finally:
        signal.signal(signal.SIGINT, previous)


def prestart_workers() -> None:
    """Start the fork server now (it then imports spaCy), so that its start overlaps with listing the inputs.

    The CLI calls this before it walks the input folders when ``--jobs`` asks
    for more than one process. Without a fork server it does nothing.
    """
    worker_context()


# Per-process state of a worker, set once by _init_worker (lives only in worker processes).
_worker: dict[str, Any] = {}


def _init_worker(settings: Settings, factory: ExtractorFactory) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _worker["settings"] = settings
    gc.disable()  # a worker process is plancli's own: see run_batch's own_process
    try:
        _worker["extractor"] = factory(settings)
    except Exception as error:  # re-raised with the first chunk, where the parent can see it
        _worker["error"] = error
    finally:
        freeze_heap()
        gc.enable()


def _run_chunk(sources: list[Source]) -> list[FileResult]:
    if "error" in _worker:
        raise _worker["error"]
    return process_chunk(_worker["extractor"], sources, _worker["settings"])
