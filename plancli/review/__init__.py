"""``plancli review``: one self-contained HTML page for checking records against their articles.

Inputs are read exactly as ``plancli extract`` reads them (:mod:`plancli.inputs`)
and run through the same :class:`~plancli.extract.Extractor`. The page shows
every article with its quantities highlighted (targets and actuals in two
colours, underlined in the style of spaCy's displaCy span view), each record's
fields and evidence in a side panel, a table of targets sorted by deadline and
counts by status, kind and deadline year.

The page is safe to open on any input: every piece of article text and every
record string is HTML-escaped, the embedded JSON escapes ``<``, ``>`` and
``&``, and a Content-Security-Policy lets only the page's own script run and
forbids every network fetch.

Rooms: ``data`` reads inputs and counts, ``markup`` highlights the text,
``page`` assembles the page around ``template.html`` (its CSS and JS).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from plancli.inputs import DEFAULT_GLOB, parse_glob
from plancli.review.data import (
    Article,
    collect_articles,
    count_records,
    deadline_end,
    format_value,
    plural,
    targets_by_deadline,
)
from plancli.review.markup import Segment, assign_levels, highlight, json_for_script, split_segments
from plancli.review.page import render_review


def review_cli(
    paths: Sequence[str],
    output: Path,
    *,
    published: str | None = None,
    patterns: Sequence[Path] = (),
    glob: str = DEFAULT_GLOB,
    model: str | None = None,
    title: str | None = None,
) -> int:
    """What ``plancli review`` does; returns the exit code (0 ok, 1 some input unreadable, 2 usage error)."""
    from plancli.batch import ExtractorSetupError
    from plancli.patterns import PatternError
    from plancli.writers import atomic_output

    problem = _check_options(output, published, patterns, glob)
    if problem is not None:
        return _error(problem, 2)
    try:
        articles = collect_articles(
            paths,
            glob=glob,
            patterns=patterns,
            published=published,
            model=model,
            on_empty=lambda folder: _echo(f"plancli: {folder}: no files match {glob!r} (see --glob)"),
        )
    except (PatternError, ExtractorSetupError) as error:
        return _error(str(error), 2)
    for article in articles:
        if article.error is not None:
            _echo(f"plancli: {article.name}: {article.error}")
    page = render_review(articles, title=title or "plancli review")
    try:
        with atomic_output(output) as stream:
            stream.write(page)
    except OSError as error:
        return _error(f"{output}: cannot write: {(error.strerror or str(error)).lower()}", 1)
    records = sum(len(article.records) for article in articles)
    _echo(f"plancli: {plural(len(articles), 'article')}, {plural(records, 'record')} -> {output}")
    return 1 if any(article.error for article in articles) else 0


def _check_options(output: Path, published: str | None, patterns: Sequence[Path], glob: str) -> str | None:
    if output.is_dir():
        return f"--output: {output}: is a folder"
    if published is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                raise ValueError
            date.fromisoformat(published)
        except ValueError:
            return f"--published: expected a date as YYYY-MM-DD; got {published!r}"
    for folder in patterns:
        if not folder.exists():
            return f"--patterns: {folder}: no such file or folder"
    try:
        parse_glob(glob)
    except ValueError as error:
        return f"--glob: {error}"
    return None


def _echo(line: str) -> None:
    print(line, file=sys.stderr)


def _error(message: str, code: int) -> int:
    _echo(f"plancli: {message}")
    return code


__all__ = [
    "Article",
    "Segment",
    "assign_levels",
    "collect_articles",
    "count_records",
    "deadline_end",
    "format_value",
    "highlight",
    "json_for_script",
    "render_review",
    "review_cli",
    "split_segments",
    "targets_by_deadline",
]
