"""An inferred date floor for a document that states no publication date.

A text without a date still tells when it was written: the years it reports as past
("emissions fell 6% in 2023", "In August 2022, the president took office", "released
the 2022 report"). The latest such year is a floor: the document was written after it,
so a figure for that year or before is an actual, whatever the tense of a poor
translation ("By the end of 2022, participants will be 19.5 million").

A year counts when its sentence reports (an actual cue, or a sentence-initial "In
<year>," event date) and has no plan word (a target cue, or a plan or goal noun for a
reported year); forward-looking phrases ("by 2030",
"until 2030") never count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span

from plancli.statements.common import Labels, has_any
from plancli.statements.deadlines import Found

#: Auxiliaries too weak to date a sentence alone ("has to fall by 2030").
_WEAK = frozenset({"has", "have", "had"})
#: Words that open a forward-looking deadline phrase.
_FORWARD = frozenset({"by", "until", "till", "through", "before", "to"})


def date_floor(doc: Doc, deadlines: list[Found], labels: Labels, event_dates: Sequence[Span] = (),
               plan_words: frozenset[str] = frozenset()) -> date | None:
    """The first day after the latest year the document reports as past, or None.

    A sentence with one of ``plan_words`` (plan and goal nouns) speaks of the plan's years ("The plan, issued by
    eight ministries, projects sales of 15 million in 2025"): it reports no past year.
    """
    latest: int | None = None
    for span, deadline in deadlines:
        end_year = int(deadline.end[:4])
        if deadline.start is not None and deadline.start[:4] != deadline.end[:4]:
            continue  # a period ("2021-2025") is no report date
        if span[0].lower_ in _FORWARD or (span.start > 0 and doc[span.start - 1].lower_ in _FORWARD):
            continue
        sent = span.sent
        if any(has_any(labels, i, ("TARGET_CUE",)) for i in range(sent.start, sent.end)):
            continue
        event_date = span.start - sent.start <= 1 and sent[0].lower_ == "in"  # "In June 2021, X updated ..."
        reported = any(has_any(labels, i, ("ACTUAL_CUE",)) and doc[i].lower_ not in _WEAK
                       for i in range(sent.start, sent.end)) and not any(t.lower_ in plan_words for t in sent)
        if (event_date or reported) and (latest is None or end_year > latest):
            latest = end_year
    for year in _event_years(event_dates):  # "In March 2023, the agency released ...": no deadline, a date
        latest = year if latest is None else max(latest, year)
    return date(latest + 1, 1, 1) if latest is not None else None


def _event_years(event_dates: Sequence[Span]) -> list[int]:
    """Years of sentence-opening event dates, which the deadline rules keep out (``NOT_DEADLINE``)."""
    return [int(token.text) for span in event_dates for token in span
            if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2100]


__all__ = ["date_floor"]
