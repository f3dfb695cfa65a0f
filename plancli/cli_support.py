"""Helpers behind the ``plancli`` commands: option checks, output choice and streams, signals, progress.

:mod:`plancli.cli` keeps the Typer commands thin; everything here is plain Python
that they call. Heavy modules (rich progress, the batch runner) are imported inside
the functions so that ``plancli --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from plancli.inputs import parse_glob, parse_size
from plancli.writers import (
    SUFFIX_FORMATS,
    NonFiniteError,
    atomic_output,
    format_for_path,
)

if TYPE_CHECKING:
    from plancli.batch import FileResult, Settings
    from plancli.inputs import Source

__all__ = [
    "Interrupted",
    "OutputError",
    "Stats",
    "WorkerFailure",
    "check_glob",
    "check_published",
    "check_size",
    "choose_format",
    "isatty",
    "open_output",
    "plural",
    "reason",
    "refuse_input_as_output",
    "run_sources",
    "show_progress",
    "silence_stdout",
    "start_workers_early",
    "terminate_as_interrupt",
    "warn_empty",
]


class Interrupted(KeyboardInterrupt):
    """SIGTERM arrived: unwinds like Ctrl-C, so the atomic output is cleaned up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Interrupted` (SIGINT already raises KeyboardInterrupt)."""

    def handler(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_published(value: str | None) -> str | None:
    if value is None:
        return None
    if not _PUBLISHED.match(value):
        raise typer.BadParameter(f"{value!r} is not a date written as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a valid date ({error})") from None
    return value


def check_size(value: str) -> str:
    try:
        parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


def check_glob(value: str) -> str:
    try:
        parse_glob(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


@dataclass(slots=True)
class Stats:
    records: int = 0
    targets: int = 0
    failures: int = 0


class OutputError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class WorkerFailure(Exception):
    """A worker process died (killed, out of memory): the batch cannot go on."""


_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def choose_format(ctx: typer.Context, fmt: str | None, output: Path | None) -> str:
    """The explicit format, else the output suffix's, else table on a terminal and JSON Lines when piped."""
    if output is not None and output.is_dir():
        raise typer.BadParameter(f"{output} is a folder", ctx=ctx, param_hint="'--output'")
    if fmt is not None:
        return fmt
    if output is None:
        return "table" if isatty(sys.stdout) else "jsonl"
    by_suffix = format_for_path(output)
    if by_suffix is not None:
        return by_suffix
    if output.exists() and not output.is_file():  # /dev/null, a named pipe: a stream, not a file type
        return "jsonl"
    suffixes = ", ".join(SUFFIX_FORMATS)
    raise typer.BadParameter(
        f"cannot tell the format of {str(output)!r} from its suffix (known: {suffixes}); give --format",
        ctx=ctx,
        param_hint="'--output'",
    )


def refuse_input_as_output(ctx: typer.Context, output: Path, sources: list[Source]) -> None:
    """A usage error when ``output`` is one of the input files (it would be overwritten)."""
    try:
        info = os.stat(output)
    except OSError:
        return  # not there yet, so not an input
    if not output.is_file():
        return
    for source in sources:
        if source.path is None:
            continue
        try:
            same = os.path.samestat(info, os.stat(source.path))
        except OSError:
            continue
        if same:
            raise typer.BadParameter(
                f"{source.display} is also an input; writing there would destroy it", ctx=ctx, param_hint="'--output'"
            )


@contextlib.contextmanager
def open_output(output: Path | None, fmt: str) -> Iterator[IO[str]]:
    """The output stream: an atomic file (kept only on success) or stdout (UTF-8 for machine formats)."""
    if output is None:
        if fmt != "table":
            with contextlib.suppress(AttributeError, ValueError, OSError):
                sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
        yield sys.stdout
        sys.stdout.flush()
        return
    with contextlib.ExitStack() as stack:
        try:
            stream = stack.enter_context(atomic_output(output))
        except OSError as error:
            raise OutputError(f"{output}: cannot write: {reason(error)}", 2) from None
        yield stream


def run_sources(
    sources: list[Source], settings: Settings, jobs: int, writer: Any, *, show_progress: bool, quiet: bool = False,
    dask: str | None = None, own_process: bool = False,
) -> Stats:
    """Write every record as it comes; report each failed input (and, unless quiet, each note) on stderr.
    ``own_process``: see :func:`plancli.batch.run_batch`."""
    from concurrent.futures.process import BrokenProcessPool

    from plancli.batch import run_batch

    stats = Stats()
    with _progress(sources, enabled=show_progress) as (advance, report):
        try:
            if dask is None:
                results = run_batch(sources, settings, jobs=jobs, own_process=own_process)
            else:
                if own_process:
                    gc.enable()  # the workers build the pipelines (see run_batch)
                from plancli.dask import run_dask

                results = run_dask(sources, settings, dask, jobs=jobs)
            for result in results:
                _take(result, writer, stats, report, quiet=quiet)
                advance(result)
        except BrokenProcessPool as error:
            raise WorkerFailure(f"a worker process stopped unexpectedly ({error}); try --jobs 1") from None
    return stats


def start_workers_early(paths: list[str], jobs: int, dask: str | None) -> None:
    """With ``--jobs`` above 1 and a folder or several inputs, get the workers' start going before listing them.

    The workers' imports then overlap with walking the folders. A single
    file runs in this process, so nothing is started for it.
    """
    if dask is not None:
        return
    from plancli.batch import prestart_workers, resolve_jobs

    if resolve_jobs(jobs) > 1 and (len(paths) > 1 or any(os.path.isdir(path) for path in paths)):
        prestart_workers()


def _take(result: FileResult, writer: Any, stats: Stats, report: Any, *, quiet: bool = False) -> None:
    if result.error is not None:
        stats.failures += 1
        report(f"plancli: {result.source.display}: {result.error}")
    if not quiet:
        for note in result.notes:
            report(f"plancli: {result.source.display}: {note}")
    for record in result.records:
        try:
            writer.write(record)
        except NonFiniteError as error:  # the batch drops these first; this is the last line of defence
            report(f"plancli: {result.source.display}: record dropped: {error}")
            continue
        stats.records += 1
        stats.targets += record.get("status") == "target"


@contextlib.contextmanager
def _progress(sources: list[Source], *, enabled: bool) -> Iterator[tuple[Any, Any]]:
    """``(advance, report)`` callables: a rich progress bar on stderr, or plain stderr lines."""
    if not enabled:
        yield (lambda result: None), (lambda line: typer.echo(line, err=True))
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    total_bytes = sum(source.size for source in sources)
    console = Console(stderr=True, highlight=False)
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[files]}/{task.fields[total_files]} files"),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, redirect_stdout=False, redirect_stderr=False, transient=True) as bar:
        task = bar.add_task("extracting", total=total_bytes or None, files=0, total_files=len(sources))

        def advance(result: FileResult) -> None:
            bar.update(task, advance=result.source.size, files=bar.tasks[task].fields["files"] + 1)

        yield advance, (lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True))


def warn_empty(folder: str, glob: str) -> None:
    typer.echo(f"plancli: {folder}: no files match {glob!r} (see --glob)", err=True)


def show_progress(quiet: bool, output: Path | None) -> bool:
    # With the output on the same terminal the streamed table is the progress display.
    return not quiet and isatty(sys.stderr) and (output is not None or not isatty(sys.stdout))


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush stays quiet."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
