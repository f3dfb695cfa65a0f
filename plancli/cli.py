"""The ``plancli`` command line: parse options, call the library, map errors to exit codes.

Exit codes: 0 every input was read, 1 some input failed (or output could not
be written), 2 usage error (bad option value, pattern-file error), 130 Ctrl-C,
143 SIGTERM. Errors about inputs are one line on stderr:
``plancli: <file>: <reason>``; option values are checked by Typer (choices,
types and callbacks), so every usage error has Typer's one style.

Heavy modules (spaCy, trafilatura, charset-normalizer, rich progress) are
imported inside the commands so that ``plancli --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from plancli import __version__
from plancli.inputs import DEFAULT_GLOB, iter_inputs, parse_glob, parse_size, read_stdin
from plancli.writers import NonFiniteError, SUFFIX_FORMATS, atomic_output, format_for_path, make_writer

if TYPE_CHECKING:
    from plancli.batch import FileResult, Settings
    from plancli.inputs import Source


class OutputFormat(str, Enum):
    """Values of ``--format``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Only(str, Enum):
    """Values of ``--only``."""

    target = "target"
    actual = "actual"
    all = "all"


ONLY_CHOICES = tuple(choice.value for choice in Only)

app = typer.Typer(
    name="plancli",
    help="Extract dated quantitative targets from development-plan news articles.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Interrupted(KeyboardInterrupt):
    """SIGTERM arrived: unwinds like Ctrl-C, so the atomic output is cleaned up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
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


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    if not _PUBLISHED.match(value):
        raise typer.BadParameter(f"{value!r} is not a date written as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a valid date ({error})") from None
    return value


def _check_size(value: str) -> str:
    try:
        parse_size(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


def _check_glob(value: str) -> str:
    try:
        parse_glob(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"plancli: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Extract dated quantitative targets from development-plan news articles."""


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files or folders to read; '-' reads stdin.")
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="Default: from the --output suffix; table on a terminal; jsonl when piped.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout; '-' is stdout."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            callback=_check_published,
            help="Publication date for every input (overrides page and header dates).",
        ),
    ] = None,
    only: Annotated[
        Only, typer.Option(case_sensitive=False, help="Keep only targets or only actuals.")
    ] = Only.all,
    patterns: Annotated[
        list[Path] | None,
        typer.Option("--patterns", metavar="DIR", exists=True, help="Extra pattern folder (repeatable)."),
    ] = None,
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to build on.")] = None,
    glob: Annotated[
        str,
        typer.Option(
            metavar="GLOB", callback=_check_glob, help="File names to take from folders; a comma list like '*.txt,*.pdf'."
        ),
    ] = DEFAULT_GLOB,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", min=0, help="Worker processes; 0 = one per core.")
    ] = 1,
    max_size: Annotated[
        str, typer.Option(metavar="SIZE", callback=_check_size, help="Skip larger files; bytes or e.g. 500kB, 20MB.")
    ] = "20MB",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no notes and no summary line.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Table: add a column saying why (status cue, deadline origin).")] = False,
    dask: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Run on a Dask cluster: a scheduler address, or 'local' for --jobs "
                     "worker processes here. PATHs may then be fsspec URLs (s3://...). Needs plancli[dask]."),
    ] = None,
) -> None:
    """Extract records from text, HTML, PDF and Word files; write a table, JSON, JSON Lines or CSV."""
    from plancli.batch import ExtractorSetupError, Settings
    from plancli.patterns import PatternError

    if output is not None and str(output) == "-":
        output = None
    chosen = _choose_format(ctx, fmt.value if fmt is not None else None, output)
    settings = Settings(
        patterns=tuple(str(p) for p in patterns or ()),
        model=model,
        published=published,
        only=only.value,
        max_size=parse_size(max_size),
    )
    list_inputs = iter_inputs
    if dask is not None:
        from plancli.dask import iter_sources as list_inputs  # paths or fsspec URLs
    sources = list(list_inputs(paths, glob, on_empty=lambda folder: _warn_empty(folder, glob)))
    if output is not None:
        _refuse_input_as_output(ctx, output, sources)
    if any(source.path is None for source in sources):
        stdin = read_stdin(settings.max_size)
        sources = [stdin if source.path is None else source for source in sources]

    started = time.monotonic()
    try:
        with _terminate_as_interrupt(), _open_output(output, chosen) as stream:
            # Table width: the terminal's, else 100 columns.
            width = None if output is None and _isatty(sys.stdout) else 140 if explain else 100
            writer = make_writer(chosen, stream, width=width, explain=explain)
            stats = _run(sources, settings, jobs, writer, show_progress=_show_progress(quiet, output), quiet=quiet, dask=dask)
            writer.close()
    except (PatternError, ExtractorSetupError) as error:
        _fail(str(error), 2)
    except Interrupted as error:
        _fail("terminated", 128 + error.signum)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(1) from None
    except _OutputError as error:
        _fail(str(error), error.code)
    except OSError as error:
        _fail(f"{output or 'stdout'}: cannot write: {_reason(error)}", 1)
    except _WorkerFailure as error:
        _fail(str(error), 1)

    if not quiet:
        seconds = time.monotonic() - started
        typer.echo(
            f"plancli: {_plural(len(sources), 'file')}, {_plural(stats.records, 'record')} "
            f"({_plural(stats.targets, 'target')}), {stats.failures} failed, {seconds:.1f} s",
            err=True,
        )
    raise typer.Exit(1 if stats.failures else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output record."""
    import json

    from plancli.schema import record_schema

    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Expected records, JSON Lines.")],
    docs_dir: Annotated[Path, typer.Argument(metavar="DOCS_DIR", help="Folder with the documents they come from.")],
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List missed, spurious and wrong-attribute targets.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    patterns: Annotated[
        list[Path] | None,
        typer.Option("--patterns", metavar="DIR", help="Extra pattern folder (repeatable)."),
    ] = None,
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to build on.")] = None,
) -> None:
    """Compare extracted records against a gold file (precision, recall)."""
    try:
        from plancli.evaluate import evaluate_cli
    except ModuleNotFoundError as error:
        if error.name != "plancli.evaluate":
            raise
        _fail("evaluate: not available in this version of plancli", 2)
    code = evaluate_cli(
        gold, docs_dir, show_errors=show_errors, as_json=as_json, patterns=patterns or [], model=model
    )
    raise typer.Exit(code if isinstance(code, int) else 0)


@app.command()
def review(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files or folders to read; '-' reads stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML page to write.")],
    published: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Publication date for every input (overrides page and header dates)."),
    ] = None,
    patterns: Annotated[
        list[Path] | None,
        typer.Option("--patterns", metavar="DIR", help="Extra pattern folder (repeatable)."),
    ] = None,
    glob: Annotated[
        str, typer.Option(metavar="GLOB", help="File names to take from folders; a comma list like '*.txt,*.html'.")
    ] = DEFAULT_GLOB,
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to build on.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="Page title.")] = None,
) -> None:
    """Write one self-contained HTML page to review the records: highlighted articles, evidence, targets by deadline."""
    from plancli.review import review_cli

    code = review_cli(
        paths, output, published=published, patterns=patterns or [], glob=glob, model=model, title=title
    )
    raise typer.Exit(code)


def main() -> None:
    """Entry point of the ``plancli`` console script and ``python -m plancli``."""
    app(prog_name="plancli")


# --- helpers -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Stats:
    records: int = 0
    targets: int = 0
    failures: int = 0


class _OutputError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class _WorkerFailure(Exception):
    """A worker process died (killed, out of memory): the batch cannot go on."""


_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _choose_format(ctx: typer.Context, fmt: str | None, output: Path | None) -> str:
    """The explicit format, else the output suffix's, else table on a terminal and JSON Lines when piped."""
    if output is not None and output.is_dir():
        raise typer.BadParameter(f"{output} is a folder", ctx=ctx, param_hint="'--output'")
    if fmt is not None:
        return fmt
    if output is None:
        return "table" if _isatty(sys.stdout) else "jsonl"
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


def _refuse_input_as_output(ctx: typer.Context, output: Path, sources: list[Source]) -> None:
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
def _open_output(output: Path | None, fmt: str) -> Iterator[IO[str]]:
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
            raise _OutputError(f"{output}: cannot write: {_reason(error)}", 2) from None
        yield stream


def _run(
    sources: list[Source], settings: Settings, jobs: int, writer: Any, *, show_progress: bool, quiet: bool = False,
    dask: str | None = None,
) -> _Stats:
    """Write every record as it comes; report each failed input (and, unless quiet, each note) on stderr."""
    from concurrent.futures.process import BrokenProcessPool

    from plancli.batch import run_batch

    stats = _Stats()
    with _progress(sources, enabled=show_progress) as (advance, report):
        try:
            if dask is None:
                results = run_batch(sources, settings, jobs=jobs)
            else:
                from plancli.dask import run_dask

                results = run_dask(sources, settings, dask, jobs=jobs)
            for result in results:
                _take(result, writer, stats, report, quiet=quiet)
                advance(result)
        except BrokenProcessPool as error:
            raise _WorkerFailure(f"a worker process stopped unexpectedly ({error}); try --jobs 1") from None
    return stats


def _take(result: FileResult, writer: Any, stats: _Stats, report: Any, *, quiet: bool = False) -> None:
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


def _warn_empty(folder: str, glob: str) -> None:
    typer.echo(f"plancli: {folder}: no files match {glob!r} (see --glob)", err=True)


def _show_progress(quiet: bool, output: Path | None) -> bool:
    # With the output on the same terminal the streamed table is the progress display.
    return not quiet and _isatty(sys.stderr) and (output is not None or not _isatty(sys.stdout))


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush stays quiet."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


__all__ = ["app", "main"]
