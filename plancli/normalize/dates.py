"""Publication dates and target deadlines: string in, ``datetime.date`` out.

A façade over three modules, kept so ``plancli.normalize.dates`` stays the one import path:

* :mod:`plancli.normalize.published`: :func:`find_published`, the date in an article's header lines;
* :mod:`plancli.normalize.deadlines`: :func:`resolve_deadline` and its conventions;
* :mod:`plancli.normalize.periods`: calendar spans, the supported years and the plan-periods lexicon.
"""

from __future__ import annotations

from plancli.normalize.deadlines import resolve_deadline
from plancli.normalize.periods import MAX_YEAR, MIN_YEAR, load_plan_periods
from plancli.normalize.published import (
    HEADER_LINE_LIMIT,
    HEADER_LINE_MAX_CHARS,
    find_published,
)

__all__ = [
    "HEADER_LINE_LIMIT",
    "HEADER_LINE_MAX_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "find_published",
    "load_plan_periods",
    "resolve_deadline",
]
