"""Dates inferred for a document that states no publication date: a floor, and the year of the story.

A text without a date still tells when it was written: the years it reports as past
("emissions fell 6% in 2023", "In August 2022, the president took office", "released
the 2022 report"). The latest such year is a floor: the document was written after it,
so a figure for that year or before is an actual, whatever the tense of a poor
translation ("By the end of 2022, participants will be 19.5 million").

A year counts when its sentence reports (an actual cue, or a sentence-initial "In
<year>," event date) and has no plan word (a target cue, or a plan or goal noun for a
reported year); forward-looking phrases ("by 2030",
"until 2030") never count.

A text without a date may also tell the year it is written in, and then its "this year"
resolves (:func:`story_year`). The rule is cautious: only a goal set for one calendar year with
"in" or "for", right after a goal noun ("the main goals for 2025 were announced") or in a
headline over a lead that plans ("China to add 200 GW of solar in 2025" / "... is set to add
..."), is taken as the year of the story, the genre's annual target stories (work reports,
annual guidance, budgets for the year) being written in the year they set goals for; "by
2030" is a horizon, never the current year, and so is a year after a goal the text sets "by"
an earlier year ("$990 billion in 2027" next to "up 30% by 2026"). The year must not be before
the floor above, and only phrases whose reading is the same on any day of that year resolve
with it ("this year", "by the end of the year", "within five years"), never a count of months.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span

from plancli.normalize.dates import resolve_deadline
from plancli.normalize.periods import parliament_elections
from plancli.statements.common import Labels, Vocabulary, has_any, headline_limit
from plancli.records import Deadline
from plancli.statements.deadlines import Found, resolve_all

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
        if resolve_deadline(span.text, None) is None:
            continue  # "this year" read with the story's year (see story_year) reports no year of its own
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


#: Words before a year that set a goal for that one year: "to add 200 GW in 2025", "the goals for 2025".
_YEAR_OF_GOAL = frozenset({"in", "for"})
_LEAD_SENTENCES = 2  # the headline and the lead


def story_year(doc: Doc, deadlines: list[Found], labels: Labels, goal_nouns: frozenset[str],
               floor: date | None) -> int | None:
    """The year an undated story is written in, when its headline or lead sets a goal for one calendar year
    ("China to add 200 GW of solar in 2025"), not before the ``floor``; else None (see the module docstring)."""
    sentences = [sent for sent, _ in zip((s for s in doc.sents if any(t.is_alpha for t in s)),
                                         range(_LEAD_SENTENCES), strict=False)]
    if not sentences:
        return None
    headline = headline_limit(doc)
    for span, deadline in deadlines:
        if span.start >= sentences[-1].end:
            break
        year = deadline.end[:4]
        if deadline.start != f"{year}-01-01" or deadline.end != f"{year}-12-31" or span[0].lower_ not in _YEAR_OF_GOAL:
            continue
        sent = span.sent
        before = {doc[i].lower_ for i in range(max(sent.start, span.start - 3), span.start)}
        goal = bool(before & goal_nouns) or (span.end <= headline and any(  # "Country to add ... in 2025" over
            has_any(labels, i, ("TARGET_CUE",)) for i in range(sentences[-1].end))  # "... is set to add ..."
            and any(doc[i].like_num for i in range(sent.start, span.start)))  # a figure for that year
        if goal and (floor is None or int(year) >= floor.year) and not _horizon_before(deadlines, int(year)):
            return int(year)
    return None


def _horizon_before(deadlines: list[Found], year: int) -> bool:
    """Whether the text sets a goal "by" a year before ``year`` ("up 30% by 2026" next to "$990 billion in 2027"):
    then ``year`` is a horizon, not the year the story is written in."""
    return any(span[0].lower_ in _FORWARD and span[0].lower_ != "to" and int(deadline.end[:4]) < year
               for span, deadline in deadlines)


def undated_deadlines(doc: Doc, spans: list[Span], deadlines: list[Found], labels: Labels, blocked: set[int],
                      vocab: Vocabulary, names: tuple[Span, ...], event_dates: Sequence[Span]) -> list[Found]:
    """The deadlines of an undated document, with its relative ones read in the story's year when it tells one."""
    floor = date_floor(doc, deadlines, labels, event_dates, vocab.goal_nouns | vocab.plan_nouns)
    year = story_year(doc, deadlines, labels, vocab.goal_nouns, floor)
    deadlines = deadlines if year is None else with_story_year(spans, deadlines, year, blocked, vocab, names)
    return with_parliament(spans, with_named_fiscal_year(spans, deadlines, labels, vocab.goal_nouns | vocab.plan_nouns), floor, blocked, vocab, names)


#: Pattern ids of a fiscal year named by its years ("the fiscal year 2023/2024", "FY2023-24").
_NAMED_FISCAL = frozenset({"fiscal_year", "fiscal_year_range", "fiscal_code", "fiscal_code_split"})


def with_named_fiscal_year(spans: list[Span], deadlines: list[Found], labels: Labels | None = None,
                           plan_words: frozenset[str] = frozenset()) -> list[Found]:
    """``deadlines`` and an undated text's "the next fiscal year" read as the one fiscal year the text names
    ("the plan for the fiscal year 2023/2024 ... growth for the next fiscal year"): a plan or budget story is
    written in the year before the fiscal year it sets; a text naming two fiscal years tells no such year.

    With ``labels``, the sentence naming the fiscal year decides: one that plans (a target cue or one of
    ``plan_words``) and reports nothing sets that year; one that reports ("In the fiscal year 2022/2023, revenue
    was ...") and plans nothing names the year just over, so "next" is the year after it; else no year.
    """
    following = [span for span in spans if span.id_ == "next_fiscal_year"]
    if not following:
        return deadlines
    named = {(deadline.start, deadline.end): span for span, deadline in reversed(deadlines)
             if span.id_ in _NAMED_FISCAL and deadline.start is not None and deadline.start[:4] != deadline.end[:4]}
    if len(named) != 1:
        return deadlines
    (start, end), span = named.popitem()
    if labels is not None:
        sent = span.sent
        plans = any(has_any(labels, i, ("TARGET_CUE",)) for i in range(sent.start, sent.end)) \
            or any(t.lower_ in plan_words for t in sent)
        reports = any(has_any(labels, i, ("ACTUAL_CUE",)) and sent.doc[i].lower_ not in _WEAK
                      for i in range(sent.start, sent.end))
        if plans == reports:
            return deadlines
        if reports:  # the year reported is over: "next" is the one after it
            start, end = _year_later(start), _year_later(end)
    taken = {i for span, _ in deadlines for i in range(span.start, span.end)}
    added = [(span, Deadline(span.text, start, end)) for span in following
             if not taken.intersection(range(span.start, span.end))]
    return sorted(deadlines + added, key=lambda found: found[0].start) if added else deadlines


def _year_later(day: str) -> str:
    """An ISO date one year later (29 February moves to 1 March)."""
    moved = date.fromisoformat(day)
    return (moved.replace(year=moved.year + 1) if (moved.month, moved.day) != (2, 29)
            else date(moved.year + 1, 3, 1)).isoformat()


def with_parliament(spans: list[Span], deadlines: list[Found], floor: date | None, blocked: set[int],
                    vocab: Vocabulary, names: tuple[Span, ...] = ()) -> list[Found]:
    """``deadlines`` and an undated text's "by the end of this Parliament", read in the term in force on the
    ``floor`` (the first day after the latest year the text reports), or in the latest term of the
    ``parliament_terms`` lexicon when the text reports no year: a text that speaks of "this Parliament" and of no
    past year is about the Parliament sitting now. ``blocked`` holds the phrase of a text about another country's
    parliament."""
    parliament = [span for span in spans if span.id_ == "this_parliament"]
    if not parliament:
        return deadlines
    taken = {i for span, _ in deadlines for i in range(span.start, span.end)}
    free = [span for span in parliament if not taken.intersection(range(span.start, span.end))]
    elections = parliament_elections()[0]
    at = floor or (elections[-1] if elections else None)
    if not free or at is None:
        return deadlines
    added = resolve_all(free, at, blocked, vocab, names)
    return sorted(deadlines + added, key=lambda found: found[0].start) if added else deadlines


def with_story_year(spans: list[Span], deadlines: list[Found], year: int, blocked: set[int], vocab: Vocabulary,
                    names: tuple[Span, ...] = ()) -> list[Found]:
    """``deadlines`` and the relative ones ("this year", "within five years") read in the story's ``year``: those that
    read the same on its first and its last day, and overlap no deadline already found."""
    first = resolve_all(spans, date(year, 1, 1), blocked, vocab, names)
    last = {(span.start, span.end): deadline.end for span, deadline in resolve_all(spans, date(year, 12, 31),
                                                                                  blocked, vocab, names)}
    taken = {i for span, _ in deadlines for i in range(span.start, span.end)}
    added = [(span, deadline) for span, deadline in first
             if last.get((span.start, span.end)) == deadline.end and not taken.intersection(range(span.start, span.end))
             and resolve_deadline(span.text, None) is None]
    return sorted(deadlines + added, key=lambda found: found[0].start) if added else deadlines


def _event_years(event_dates: Sequence[Span]) -> list[int]:
    """Years of sentence-opening event dates, which the deadline rules keep out (``NOT_DEADLINE``)."""
    return [int(token.text) for span in event_dates for token in span
            if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2100]


__all__ = ["date_floor", "story_year", "undated_deadlines", "with_named_fiscal_year", "with_parliament",
           "with_story_year"]
