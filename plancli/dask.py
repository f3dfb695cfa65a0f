"""Running plancli on a Dask cluster (``pip install "plancli[dask]"``).

Two entry points:

* :func:`extract_bag` for library users holding a ``dask.bag.Bag`` of texts
  or ``(name, text)`` pairs: a bag of record dicts comes back.
* :func:`run_dask` behind ``plancli extract PATH... --dask ADDRESS``: the
  inputs go to the workers in small chunks, each worker reads its files
  where they are (a shared path or an fsspec URL such as ``s3://``,
  ``gs://``, ``file://``) and extracts them with the same
  :func:`plancli.batch.process_chunk` as ``--jobs N``, and the results come
  back in input order, so the writers see exactly what ``--jobs 1`` gives.

``ADDRESS`` is a scheduler address (``tcp://10.0.0.5:8786``) or ``local``
for a :class:`distributed.LocalCluster` of worker processes on this
machine, bound to 127.0.0.1 and without a dashboard.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from plancli.batch import (ExtractorSetupError, FileResult, Settings, balanced_chunks, build_extractor, freeze_heap,
                           process_chunk)
from plancli.inputs import DEFAULT_GLOB, InputError, Source, format_size, iter_inputs, parse_glob
from plancli.records import Document

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

    from plancli.extract import Extractor

LOCAL = "local"
_INSTALL_HINT = 'Dask support is not installed; pip install "plancli[dask]"'


# --- inputs: local paths and fsspec URLs ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class UrlSource(Source):
    """An input named by an fsspec URL; read by the worker that extracts it."""

    url: str = ""


def is_url(path: str) -> bool:
    """``s3://bucket/key``, ``memory://x``, ``file:///tmp/a.txt``... (not a Windows drive letter)."""
    scheme, sep, _ = path.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").isalnum()


def iter_sources(
    paths: Sequence[str], glob: str = DEFAULT_GLOB, *, on_empty: Callable[[str], None] | None = None
) -> Iterator[Source]:
    """Like :func:`plancli.inputs.iter_inputs`, with fsspec URLs (files or folders) as well as paths."""
    patterns = parse_glob(glob)
    for given in paths:
        if is_url(given):
            yield from _url_sources(given, patterns, on_empty)
        else:
            yield from iter_inputs([given], glob, on_empty=on_empty)


def _url_sources(url: str, patterns: tuple[str, ...], on_empty: Callable[[str], None] | None) -> Iterator[Source]:
    fsspec = _require("fsspec")
    fs, root = fsspec.core.url_to_fs(url)
    try:
        is_folder = fs.isdir(root)
    except OSError:
        is_folder = False
    if not is_folder:
        size = _url_size(fs, root)
        name = PurePosixPath(root).name or url
        yield UrlSource(name=name, display=url, path=Path(name), size=size, url=url)
        return
    found: list[tuple[str, str, int]] = []
    prefix = root.rstrip("/") + "/"
    for path, info in sorted(fs.find(root, detail=True).items()):
        relative = path[len(prefix):] if path.startswith(prefix) else PurePosixPath(path).name
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        lowered = PurePosixPath(relative.lower())
        if any(lowered.match(pattern.lower()) for pattern in patterns):
            found.append((relative, fs.unstrip_protocol(path), int(info.get("size") or 0)))
    if not found and on_empty is not None:
        on_empty(url)
    for relative, full, size in sorted(found):
        yield UrlSource(name=relative, display=full, path=Path(relative), size=size, url=full)


def _url_size(fs: Any, path: str) -> int:
    try:
        return int(fs.size(path) or 0)
    except (OSError, ValueError):
        return 0


def read_url(source: UrlSource, max_size: int) -> Source:
    """The source with its bytes read through fsspec (``data`` set, ``path`` None); raises InputError."""
    fsspec = _require("fsspec")
    try:
        fs, path = fsspec.core.url_to_fs(source.url)
        if fs.isdir(path):
            raise InputError(source.name, "unreadable: is a directory")
        with fs.open(path, "rb") as handle:
            data = handle.read(max_size + 1)
    except FileNotFoundError:
        raise InputError(source.name, "no such file") from None
    except PermissionError:
        raise InputError(source.name, "unreadable: permission denied") from None
    except IsADirectoryError:
        raise InputError(source.name, "unreadable: is a directory") from None
    except OSError as error:
        raise InputError(source.name, f"unreadable: {(error.strerror or str(error)).lower()}") from None
    if len(data) > max_size:
        raise InputError(source.name, f"larger than --max-size ({format_size(max_size)})")
    # Like stdin, the bytes are then parsed with HTML recognized by its start tag, not by the suffix.
    return Source(name=source.name, display=source.display, path=None, size=len(data), data=data)


# --- work done on the workers --------------------------------------------------------------


@lru_cache(maxsize=4)
def _extractor(settings: Settings) -> Extractor:
    """One extractor per worker process and configuration (building the pipeline takes a second)."""
    return build_extractor(settings)


@lru_cache(maxsize=4)
def _own_extractor(settings: Settings) -> Extractor:
    """:func:`_extractor`, then frozen out of the garbage collector's scans
    (:func:`~plancli.batch.freeze_heap`); only in a worker of a LocalCluster plancli started itself."""
    extractor = _extractor(settings)
    freeze_heap()
    return extractor


def extract_chunk(sources: list[Source], settings: Settings, *, own_process: bool = False) -> list[FileResult]:
    """Read and extract a few inputs on a worker: one result per source, in order.

    ``own_process``: the worker belongs to a LocalCluster plancli started (``--dask local``), so its heap may be
    frozen; a user's cluster's workers are left as they are."""
    extractor = _own_extractor(settings) if own_process else _extractor(settings)
    results: list[FileResult | None] = [None] * len(sources)
    readable: list[tuple[int, Source]] = []
    for index, source in enumerate(sources):
        if isinstance(source, UrlSource):
            try:
                readable.append((index, read_url(source, settings.max_size)))
            except InputError as error:
                results[index] = FileResult(_plain(source), error=f"skipped: {error.reason}")
        else:
            readable.append((index, source))
    extracted = process_chunk(extractor, [source for _, source in readable], settings)
    for (index, _), result in zip(readable, extracted, strict=True):
        original = sources[index]
        results[index] = replace(result, source=_plain(original))
    return [result for result in results if result is not None]


def _plain(source: Source) -> Source:
    """What the client reports: name, display and size, never the bytes."""
    return Source(name=source.name, display=source.display, path=source.path, size=source.size)


# --- the command line's runner -------------------------------------------------------------


def run_dask(sources: Sequence[Source], settings: Settings, address: str, *, jobs: int = 1) -> Iterator[FileResult]:
    """Results for every source, in input order, computed on the cluster at ``address`` (or ``local``)."""
    from plancli.batch import resolve_jobs

    if not sources:
        return
    workers = resolve_jobs(jobs)
    with connect(address, workers=workers) as client:
        threads = sum(client.nthreads().values()) or workers
        chunks = balanced_chunks(sources, max(threads, 2))
        yield from _ordered(client, chunks, settings, window=4 * threads, own_process=address == LOCAL)


@contextlib.contextmanager
def connect(address: str, *, workers: int = 1) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a new LocalCluster when ``address`` is ``local``."""
    distributed = _require("distributed")
    try:
        if address == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # The scheduler's small HTTP server (health checks) on a free local port, not 8787.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            )
            stack = contextlib.ExitStack()
            stack.enter_context(cluster)
            client = stack.enter_context(distributed.Client(cluster))
        else:
            stack = contextlib.ExitStack()
            client = stack.enter_context(distributed.Client(address, timeout="20s"))
    except (OSError, TimeoutError, ValueError) as error:
        raise ExtractorSetupError(f"--dask {address}: cannot start or reach the cluster: {error}") from None
    with stack:
        yield client


def _ordered(
    client: Client, chunks: Iterable[list[Source]], settings: Settings, *, window: int, own_process: bool = False
) -> Iterator[FileResult]:
    """Submit chunks with at most ``window`` in flight; yield their results in input order."""
    pending: deque[Any] = deque()
    iterator = iter(chunks)
    try:
        for chunk in iterator:
            pending.append(client.submit(extract_chunk, chunk, settings, own_process=own_process, pure=False))
            if len(pending) >= window:
                break
        while pending:
            results = _result(pending.popleft())
            for chunk in iterator:
                pending.append(client.submit(extract_chunk, chunk, settings, own_process=own_process, pure=False))
                break
            yield from results
    finally:
        for future in pending:
            future.cancel()


def _result(future: Any) -> list[FileResult]:
    from concurrent.futures.process import BrokenProcessPool

    from distributed import KilledWorker

    try:
        return list(future.result())
    except KilledWorker as error:
        # The CLI reports this like a dead --jobs worker.
        raise BrokenProcessPool(f"dask worker lost: {error}") from None


# --- the library API -----------------------------------------------------------------------


def extract_bag(
    bag: dask.bag.Bag,
    *,
    patterns: Sequence[str | Path] = (),
    model: str | None = None,
    published: str | date | None = None,
    only: str = "all",
) -> dask.bag.Bag:
    """A bag of record dicts (one per target or actual) from a bag of texts or ``(name, text)`` pairs.

    Each partition is extracted on a worker with :class:`plancli.Extractor`
    (built once per worker process). A record's ``doc`` is the pair's name
    (None for a bare text), its ``published`` the option, else the date in
    the text's header lines.

    >>> import dask.bag as db
    >>> records = extract_bag(db.from_sequence([("a.txt", "By 2025, exports will exceed 10 billion yuan.")]))
    >>> [(r["doc"], r["value"]) for r in records.compute()]
    [('a.txt', 10000000000)]
    """
    if only not in ("target", "actual", "all"):
        raise ValueError(f"only: expected target, actual or all; got {only!r}")
    published_iso = published.isoformat() if isinstance(published, date) else published
    if published_iso is not None:
        date.fromisoformat(published_iso)
    settings = Settings(patterns=tuple(str(p) for p in patterns), model=model, published=published_iso, only=only)
    return bag.map_partitions(_extract_partition, settings)


def _extract_partition(items: Iterable[Any], settings: Settings) -> list[dict[str, Any]]:
    documents = [_document(item) for item in items]
    extractor = _extractor(settings)
    records: list[dict[str, Any]] = []
    for targets in extractor.extract_many(documents, published=settings.published):
        records.extend(
            target.to_dict() for target in targets if settings.only == "all" or target.status == settings.only
        )
    return records


def _document(item: Any) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(item)
    if isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[1], str):
        return Document(item[1], source=None if item[0] is None else str(item[0]))
    raise TypeError(f"extract_bag: expected a text or a (name, text) pair; got {type(item).__name__}")


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtractorSetupError(_INSTALL_HINT) from None


__all__ = ["LOCAL", "UrlSource", "connect", "extract_bag", "extract_chunk", "is_url", "iter_sources", "run_dask"]
