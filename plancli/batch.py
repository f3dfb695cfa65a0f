"""Running the extractor over many input files, in this process or in worker processes.

Files go in chunks; each chunk is read, decoded and extracted by whoever runs
it, and comes back as one :class:`FileResult` per file, in input order. The
same :func:`process_chunk` runs in both modes, so ``--jobs N`` output is
identical to ``--jobs 1``.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from plancli.inputs import DEFAULT_MAX_SIZE, InputError, Source, load_source
from plancli.records import Document
from plancli.writers import NonFiniteError, check_finite

if TYPE_CHECKING:
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
    return max(1, min(16, math.ceil(files / (jobs * 4)))) if jobs > 1 else 4


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
    sources: Sequence[Source], settings: Settings, *, jobs: int = 1, factory: ExtractorFactory | None = None
) -> Iterator[FileResult]:
    """Results for every source, in order, streamed; ``jobs > 1`` uses worker processes.

    ``factory`` builds the extractor (default :func:`build_extractor`); with
    workers it must be a module-level function, since each worker calls it once.
    """
    jobs = resolve_jobs(jobs)
    size = chunk_size(len(sources), jobs)
    chunks = chunked(sources, size)
    if jobs == 1 or len(sources) <= size:
        extractor = (factory or build_extractor)(settings)
        for chunk in chunks:
            yield from process_chunk(extractor, chunk, settings)
        return
    workers = min(jobs, math.ceil(len(sources) / size))
    initargs = (settings, factory or build_extractor)
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
    memory bounded whatever the number of items. Workers are started with
    "spawn": each imports plancli afresh, whatever the parent had loaded.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    window = window or 2 * jobs
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=initializer, initargs=initargs
    )
    pending: deque[Future[Any]] = deque()
    iterator = iter(items)
    try:
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
        pool.shutdown(wait=True, cancel_futures=True)


# Per-process state of a worker, set once by _init_worker (lives only in worker processes).
_worker: dict[str, Any] = {}


def _init_worker(settings: Settings, factory: ExtractorFactory) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _worker["settings"] = settings
    try:
        _worker["extractor"] = factory(settings)
    except Exception as error:  # re-raised with the first chunk, where the parent can see it
        _worker["error"] = error


def _run_chunk(sources: list[Source]) -> list[FileResult]:
    if "error" in _worker:
        raise _worker["error"]
    return process_chunk(_worker["extractor"], sources, _worker["settings"])
