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

import gc
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from plancli import __version__
from plancli.cli_support import (
    Interrupted,
    OutputError,
    WorkerFailure,
    check_glob,
    check_published,
    check_size,
    choose_format,
    isatty,
    open_output,
    plural,
    reason,
    refuse_input_as_output,
    run_sources,
    show_progress,
    silence_stdout,
    start_workers_early,
    terminate_as_interrupt,
    warn_empty,
)
from plancli.inputs import DEFAULT_GLOB, iter_inputs, parse_size, read_stdin
from plancli.writers import make_writer


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
            callback=check_published,
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
            metavar="GLOB", callback=check_glob, help="File names to take from folders; a comma list like '*.txt,*.pdf'."
        ),
    ] = DEFAULT_GLOB,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", min=0, help="Worker processes; 0 = one per core.")
    ] = 1,
    max_size: Annotated[
        str, typer.Option(metavar="SIZE", callback=check_size, help="Skip larger files; bytes or e.g. 500kB, 20MB.")
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
    if _own_process(ctx):
        gc.disable()  # on again once the pipeline is built (see plancli.batch.run_batch's own_process)
    from plancli.batch import ExtractorSetupError, Settings
    from plancli.patterns import PatternError

    if output is not None and str(output) == "-":
        output = None
    chosen = choose_format(ctx, fmt.value if fmt is not None else None, output)
    settings = Settings(
        patterns=tuple(str(p) for p in patterns or ()),
        model=model,
        published=published,
        only=only.value,
        max_size=parse_size(max_size),
    )
    start_workers_early(paths, jobs, dask)
    list_inputs = iter_inputs
    if dask is not None:
        from plancli.dask import iter_sources as list_inputs  # paths or fsspec URLs
    sources = list(list_inputs(paths, glob, on_empty=lambda folder: warn_empty(folder, glob)))
    if output is not None:
        refuse_input_as_output(ctx, output, sources)
    if any(source.path is None for source in sources):
        stdin = read_stdin(settings.max_size)
        sources = [stdin if source.path is None else source for source in sources]

    started = time.monotonic()
    try:
        with terminate_as_interrupt(), open_output(output, chosen) as stream:
            # Table width: the terminal's, else 100 columns.
            width = None if output is None and isatty(sys.stdout) else 140 if explain else 100
            writer = make_writer(chosen, stream, width=width, explain=explain)
            stats = run_sources(sources, settings, jobs, writer, show_progress=show_progress(quiet, output), quiet=quiet,
                                dask=dask, own_process=_own_process(ctx))
            writer.close()
    except (PatternError, ExtractorSetupError) as error:
        _fail(str(error), 2)
    except Interrupted as error:
        _fail("terminated", 128 + error.signum)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(1) from None
    except OutputError as error:
        _fail(str(error), error.code)
    except OSError as error:
        _fail(f"{output or 'stdout'}: cannot write: {reason(error)}", 1)
    except WorkerFailure as error:
        _fail(str(error), 1)

    if not quiet:
        seconds = time.monotonic() - started
        typer.echo(
            f"plancli: {plural(len(sources), 'file')}, {plural(stats.records, 'record')} "
            f"({plural(stats.targets, 'target')}), {stats.failures} failed, {seconds:.1f} s",
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


#: ``ctx.obj`` key set by :func:`main`: the command runs in a process of its own, not inside a caller's
#: (a test's ``CliRunner``, an application that calls ``app``), so it may tune the whole process.
_OWN_PROCESS = "plancli.own_process"


def _own_process(ctx: typer.Context) -> bool:
    return isinstance(ctx.obj, dict) and ctx.obj.get(_OWN_PROCESS) is True


def main() -> None:
    """Entry point of the ``plancli`` console script and ``python -m plancli``."""
    try:
        app(prog_name="plancli", obj={_OWN_PROCESS: True})
    except SystemExit as done:
        _leave(done.code)
        raise


def _leave(code: object) -> None:
    """End the process now with ``code``, skipping the interpreter's tear-down (freeing every object of the
    pipeline takes a noticeable part of a short run). The exit handlers still run and the standard streams
    are flushed first; whenever that is not plainly safe (another thread still runs, a flush fails, an
    unusual code), return and let Python exit as usual, with its usual messages."""
    import atexit
    import os
    import threading

    status = 0 if code is None else code
    if not isinstance(status, int) or isinstance(status, bool) or not 0 <= status <= 255 \
            or threading.active_count() > 1:
        return
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:
        return
    if not _flushed():
        return  # Python reports it at exit
    run_exit_handlers()
    os._exit(status if _flushed() else 120)  # 120: what Python's own exit does when the streams cannot be flushed


def _flushed() -> bool:
    """Flush stdout and stderr; False when one cannot be flushed (a closed pipe, a full disk)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


__all__ = ["app", "main"]
