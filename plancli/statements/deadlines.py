"""Deadline scope: which deadline governs a quantity, and where that deadline came from.

The genre's conventions:

* a deadline in the sentence governs the quantities of its clause, a
  sentence-initial one ("By 2025, ...") the whole sentence;
* "By then", "during the same period" carry the previous deadline;
* a goals lead-in ("... the three-year development goals:") governs the rest
  of its paragraph (and list paragraphs after it), with its own deadline;
* a target sentence with no deadline of its own that continues the same
  subject ("It is to ...", "They will ...", the same actor again) inherits
  the last deadline stated for that subject.
"""

from __future__ import annotations

import re

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from plancli.normalize.dates import resolve_deadline
from plancli.normalize.deadlines import NUMBER_WORDS
from plancli.normalize.numbers import ORDINAL_WORDS
from plancli.quantities import Quantity
from plancli.quantity_parts import RATE_ADVERBS, RATE_LEADS, YEAR_WORDS
from plancli.records import Deadline
from plancli.statements.clauses import clause_ids, is_list_item, new_statement
from plancli.statements.common import (COORDINATORS, Labels, Vocabulary, paragraph_end, skip_space, span_text,
                                       tokens_of)

#: A resolved deadline and the words that state it.
Found = tuple[Span, Deadline]

_MAX_LIST_ITEMS = 12
_MAX_YEARS = 50  # the longest period of years read as a plan's or a span's length
_NUMBER_WORDS = {word: value for word, value in NUMBER_WORDS.items() if value >= 2}  # "fifteen-year plan"


@dataclass(frozen=True)
class GoalScope:
    """Tokens ``start:end`` governed by a goals lead-in, with the lead-in sentence's deadline."""

    start: int
    end: int
    deadline: Found | None
    leadin: Span


def resolve_all(spans: list[Span], published: date | None, blocked: set[int], vocab: Vocabulary,
                names: tuple[Span, ...] = ()) -> list[Found]:
    """Resolved deadline matches, longest first where they overlap; none inside a NOT_QUANTITY match.

    ``blocked`` tokens never hold a deadline (baselines, start dates, non-quantities); a name with a number
    (``names``) holds one only when the deadline covers it ("Q3 2025") or names a plan's period
    ("Tourism Policy 2026-31", "its 2030 target").
    A month or quarter without a year takes the year of the deadline before it in the sentence
    ("3 GW in the March quarter of 2027 and 2 GW in the September quarter").
    """
    chosen: list[Found] = []
    taken: set[int] = set(blocked)
    # of two equally long matches, the one naming a plan's period wins ("2024-25 budget" over "the 2024-25")
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.id_ not in NAMED_PERIODS, s.start)):
        named = span.id_ in NAMED_PERIODS
        if any(i in taken for i in range(span.start, span.end)) or (not named and any(
                name.start < span.end and span.start < name.end and not (span.start <= name.start
                                                                          and name.end <= span.end)
                for name in names)):
            continue
        if not named and is_comparison_year(span, vocab):
            continue  # "more than last year", "from 2020 levels", "over 50 years old": not deadlines
        resolved = _resolve(span, published, vocab, chosen)
        if resolved is None:
            if span.id_ in NUMBERED_PLANS and _unknown_plan(span, vocab):
                taken.update(range(span.start, span.end))  # "the 9th Five-Year Plan" is no "Five-Year Plan" from now
            continue
        start, end = resolved
        chosen.append((span, Deadline(span.text, start.isoformat() if start else None, end.isoformat())))
        taken.update(range(span.start, span.end))
    chosen.sort(key=lambda pair: pair[0].start)
    return _plan_anaphora(_anaphoric_periods(_years_to(chosen, spans, taken)), spans, taken)


#: A numbered plan that ended more than this many years before the article's time is history, not its plan.
_STALE_PLAN_YEARS = 5


def current_plans(deadlines: list[Found], published: date | None, labels: Labels, vocab: Vocabulary) -> list[Found]:
    """A machine translation's "Tenth Five-Year Plan" for the current plan: a numbered plan that ended years before
    the article's time (the publication year, else the latest year it states) dates no goal the sentence plans
    (a target cue, a plan verb or a goal noun); such a sentence means the plan of now - the latest numbered plan
    the article names, else the one whose period holds the publication year. History ("during the Tenth
    Five-Year Plan, output grew 9%") and a plan with its years stated keep their period.
    """
    plans = [found for found in deadlines if found[0].id_ in NUMBERED_PLANS]
    if not plans:
        return deadlines
    now = published.year if published is not None else max(int(deadline.end[:4]) for _, deadline in deadlines)
    stale = [found for found in plans if int(found[1].end[:4]) < now - _STALE_PLAN_YEARS
             and not any(t.shape_ == "dddd" or t.shape_.startswith("dddd-") for t in found[0])]
    if not stale:
        return deadlines
    fresh = [_plan_ordinal(span) for span, deadline in plans if int(deadline.end[:4]) >= now - _STALE_PLAN_YEARS]
    ordinal = next((n for n in reversed(fresh) if n is not None), None)
    if ordinal is None:
        ordinal = _plan_of_now(deadlines, published, vocab.periods)
    if ordinal is None:
        return deadlines
    replaced: dict[int, Deadline] = {}
    for span, deadline in stale:
        if _plans_now(span.sent, labels, vocab):
            resolved = _resolve_ordinal(span, ordinal, published, vocab)
            if resolved is not None:
                replaced[span.start] = Deadline(span.text, resolved[0].isoformat() if resolved[0] else None,
                                                resolved[1].isoformat())
    return [(span, replaced.get(span.start, deadline)) for span, deadline in deadlines]


#: Auxiliaries before an "-ed" plan word that keep it present or future ("is planned", "will be targeted").
_PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "be", "been", "being", "'s", "'re"})
#: Auxiliaries and modals before a verb of a goal's fate that make it ahead, not reported ("will hit", "to meet").
_AHEAD_WORDS = frozenset({"will", "shall", "to", "must", "should", "would", "can"})


def _plans_now(sent: Span, labels: Labels, vocab: Vocabulary) -> bool:
    """Whether a sentence plans in the present or future: a plan verb ("aims", "will") or a target cue that is no
    past form ("is proposed", not "had aimed", "planned", "which targeted"), and no report of a goal's fate or a
    past change ("a goal it missed", "was built")."""
    doc = sent.doc
    reported = vocab.goal_fates | vocab.past_changes
    planning = False
    for i in range(sent.start, sent.end):
        word = doc[i].lower_
        before = doc[i - 1].lower_ if i > sent.start else ""
        if word in reported and before not in _AHEAD_WORDS:
            return False  # "a goal it missed", "was built under the 11th Five-Year Plan": history
        if word in vocab.plan_verbs:
            planning = True
        elif "TARGET_CUE" in labels.get(i, ()) and not (i > sent.start and "TARGET_CUE" in labels.get(i - 1, ())):
            planning = planning or not _past_form(word, before)
    return planning


def _past_form(word: str, before: str) -> bool:
    """Whether a cue word is a past form: "had aimed", "planned", "which targeted" (not "is planned")."""
    return before in {"had", "was", "were"} or (word.endswith("ed") and before not in _PRESENT_AUXILIARIES)


def _plan_of_now(deadlines: list[Found], published: date | None, periods: Mapping[int, tuple[int, int]]
                 ) -> int | None:
    """The numbered plan of the article's time: the one holding the publication year, else (undated) the one
    holding most of the years the article's other deadlines end in ("By 2025, ..." in a 2021-2025 plan's outline)."""
    if published is not None:
        return next((n for n, (first, last) in periods.items() if first <= published.year <= last), None)
    years = [int(deadline.end[:4]) for span, deadline in deadlines if span.id_ not in NUMBERED_PLANS]
    counts = {n: sum(first <= year <= last for year in years) for n, (first, last) in periods.items()}
    best = max(counts, key=lambda n: (counts[n], n), default=None)
    return best if best is not None and counts[best] > 0 else None


def _plan_ordinal(span: Span) -> int | None:
    """The number of a numbered plan's match ("14th", "Tenth"), else None."""
    for token in span:
        digits = re.match(r"\d+", token.text) if token.text[:1].isdigit() else None
        if digits is not None:
            return int(digits.group(0))
        if token.lower_ in ORDINAL_WORDS:
            return ORDINAL_WORDS[token.lower_]
    return None


def _resolve_ordinal(span: Span, ordinal: int, published: date | None, vocab: Vocabulary
                     ) -> tuple[date | None, date] | None:
    """The period of a numbered plan's match read with another ordinal ("by the close of the 15th Five-Year Plan")."""
    number = next((t for t in span if (t.text[:1].isdigit() and t.like_num) or t.lower_ in ORDINAL_WORDS), None)
    if number is None:
        return None
    words = [f"{ordinal}th{t.whitespace_}" if t.i == number.i else t.text_with_ws for t in span]
    return resolve_deadline("".join(words).strip(), published, vocab.periods)


def _unknown_plan(span: Span, vocab: Vocabulary) -> bool:
    """Whether a numbered plan's ordinal ("9th") is missing from the plan periods the article reads."""
    ordinal = next((re.match(r"\d+", t.text) for t in span if t.like_num and t.text[:1].isdigit()), None)
    return ordinal is not None and int(ordinal.group(0)) not in vocab.periods


def _years_to(chosen: list[Found], spans: list[Span], taken: set[int]) -> list[Found]:
    """ "over four years" in an undated budget story is the period stated before as "over the four years to
    2021-22": both end with that year."""
    stated: dict[int, Deadline] = {}  # N -> the period "over the N years to <year>" ends with
    by_start = {span.start: deadline for span, deadline in chosen}
    added = False
    for span in sorted((s for s in spans if s.id_ == "next_n_years"), key=lambda s: (s.start, -(s.end - s.start))):
        n = _count(span)
        if n is None:
            continue
        doc = span.doc
        after = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in {"to", "through", "until"} else None
        if after is not None and after in by_start:
            end = date.fromisoformat(by_start[after].end)
            start = date(end.year - n, end.month, end.day) + timedelta(days=1) if (end.month, end.day) != (2, 29) \
                else date(end.year - n, 3, 1)
            stated.setdefault(n, Deadline(span.text, start.isoformat(), end.isoformat()))
        elif n in stated and not any(i in taken for i in range(span.start, span.end)):
            chosen.append((span, Deadline(span.text, stated[n].start, stated[n].end)))
            taken.update(range(span.start, span.end))
            added = True
    if added:
        chosen.sort(key=lambda pair: pair[0].start)
    return chosen


def _count(span: Span) -> int | None:
    """N of "over the N years" (1 to 50; "over the 3000 years" is no period of a plan)."""
    number = next((t for t in span if t.like_num), None)
    return None if number is None else _year_count(number)


def _year_count(token: Token) -> int | None:
    """A count of years written as digits or words, 1 to :data:`_MAX_YEARS`, else None."""
    n = int(token.text) if token.text.isdigit() else _NUMBER_WORDS.get(token.lower_)
    return n if n is not None and 1 <= n <= _MAX_YEARS else None


def _plan_anaphora(chosen: list[Found], spans: list[Span], taken: set[int]) -> list[Found]:
    """ "over the remaining years of the plan", "by the end of the plan period": the last plan period
    stated before (a deadline with a start and an end in different years)."""
    added = False
    for span in sorted((s for s in spans if s.id_.startswith(_PLAN_ANAPHORA)), key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        earlier = next((d for s, d in reversed(chosen) if s.end <= span.start and d.start is not None
                        and d.start[:4] != d.end[:4]), None)
        if earlier is not None:
            chosen.append((span, Deadline(span.text, earlier.start, earlier.end)))
            taken.update(range(span.start, span.end))
            added = True
    if added:
        chosen.sort(key=lambda pair: pair[0].start)
    return chosen


def _anaphoric_periods(chosen: list[Found]) -> list[Found]:
    """ "the five-year period" after "the 14th Five-Year Plan period (2021-2025)" is that period again,
    not five years from publication."""
    out: list[Found] = []
    for span, deadline in chosen:
        doc = span.doc
        n = _plan_length(span)
        if n is not None and span.start > 0 and doc[span.start - 1].lower_ in {"the", "this", "that"}:
            earlier = next((d for s, d in reversed(out) if d.start is not None
                            and int(d.end[:4]) - int(d.start[:4]) + 1 == n and s.end <= span.start), None)
            if earlier is not None:
                deadline = Deadline(span.text, earlier.start, earlier.end)
        out.append((span, deadline))
    return out


def _names_horizon(span: Span) -> bool:
    """Whether a plan's name, with the words just before it ("Medium-term Management Plan 2027"), makes its year a
    horizon (lexicon-free: :data:`_HORIZON_NAMES`). A medium-term plan ("Medium-term Business Plan 2028", "Mid-term
    Plan 2026") is named after its last year; a framework or budget ("Medium-Term Expenditure Framework 2024") after
    its first, and a short- or long-term plan after neither."""
    if any(t.lower_ in _HORIZON_NAMES for t in span):
        return True
    if span[0].lower_ not in _TERM_PLAN_HEADS:
        return False
    doc = span.doc
    first = max(span.sent.start, span.start - _NAME_REACH)
    for t in doc[first:span.start]:
        if t.lower_ == "midterm":
            return True
        k = t.i - 1
        if k > 0 and doc[k].text in {"-", "\u2013"}:
            k -= 1  # "Medium-term"
        if t.lower_ == "term" and k >= 0 and doc[k].lower_ in _MEDIUM_WORDS:
            return True
    return False


def _superseded(span: Span, superseded: frozenset[str]) -> bool:
    """Whether a named plan period is an old plan's (lexicon ``superseded_words``: "the previous plan to 2020"): it
    dates none of the new goals."""
    k = span.start - 1
    while k >= 0 and span.doc[k].lower_ in {"the", "a", "its", "their", "his", "her"}:
        k -= 1
    return k >= 0 and span.doc[k].lower_ in superseded


def _plan_length(span: Span) -> int | None:
    """N of an "N-year period" match, else None."""
    if span.id_ not in {"n_year_plan", "n_years_plan"}:
        return None
    return _year_count(span[0])


#: Deadline pattern ids that name a plan's period or a goal's year: "Vision 2030", "its 2030 target".
NAMED_PERIODS = frozenset({"named_plan_period", "named_plan_range", "year_named_plan", "year_goal", "year_goal_lead",
                           "year_goal_bullet", "year_goal_compound", "period_plan", "plan_for_period", "glued_period_plan"}) \
    | frozenset({"plan_to_year", "year_budget"})  # "a five-year plan to 2030", "the 2027 state budget"
#: Named-period ids whose single year may be the year the plan was adopted ("Reform Policy 2023", "the 2023 strategy").
_DATED_NAMES = frozenset({"named_plan_period", "year_named_plan"})
#: Named-period ids whose year ends a plan's horizon like "by" ("a five-year plan to 2030", "a roadmap through 2035").
_HORIZON_PERIODS = frozenset({"plan_to_year"})
#: Plan names whose single year is always a horizon, even in an undated text ("Oman Vision 2040", "Agenda 2063").
_HORIZON_NAMES = frozenset({"vision", "agenda"})
#: Words of a "medium term" before a plan's name that make its year a horizon: "Medium-term Management Plan 2027".
_MEDIUM_WORDS = frozenset({"medium", "mid"})
#: Heads of a plan's name whose medium-term year is its last ("Plan 2028"); "Framework 2024" has its first.
_TERM_PLAN_HEADS = frozenset({"plan", "strategy"})
_NAME_REACH = 4  # tokens before a plan's name read for "medium-term"
#: Deadline pattern ids naming a plan by its length or number ("three-year action plan", "14th Five-Year Plan").
PLAN_PERIODS = frozenset({"n_year_plan", "n_year_road_map", "n_years_plan", "five_year_plan", "five_year_plan_years",
                          "fyp_abbrev", "malaysia_plan", "malaysia_plan_code"})
#: Deadline pattern ids naming a plan by its number, whose years depend on the country ("16th Five-Year Plan").
NUMBERED_PLANS = frozenset({"five_year_plan", "five_year_plan_years", "fyp_abbrev"})
#: Token shapes of a year or a glued year range ("2020/2021", "2019-20") inside a plan's name.
_YEAR_SHAPES = frozenset({"dddd", "dd", "dddd/dddd", "dddd/dd", "dddd-dddd", "dddd-dd"})
_PLAN_ANAPHORA = "plan_anaphora"  # pattern ids: "over the remaining years of the plan", "during the plan period"
_SIBLING_REACH = 30  # tokens: how far back a yearless "December quarter" looks for its year


def _resolve(span: Span, published: date | None, vocab: Vocabulary, chosen: list[Found]
             ) -> tuple[date | None, date] | None:
    """The period of one deadline match (see :func:`resolve_all`)."""
    if span.id_ in NAMED_PERIODS:
        if _superseded(span, vocab.superseded_words):
            return None  # "unlike the previous plan to 2020, the new plan will ...": an old plan's period
        years = [t for t in span if t.shape_ in _YEAR_SHAPES or (t.is_punct or t.lower_ == "to") and t.i > span.start]
        while years and years[-1].lower_ == "to":
            years.pop()  # "Plan 2023 to ...": the range's end is not in the match
        first = next((k for k, t in enumerate(years) if t.shape_.startswith("dddd")), None)
        if first is None:
            return None
        # "2020/2021 budget": a glued range reads as "2020-2021"
        core = "".join(t.text_with_ws for t in years[first:]).strip(" -–—/,").replace("/", "-")
        single = years[first].shape_ == "dddd" and not any(t.shape_ in _YEAR_SHAPES for t in years[first + 1:])
        if span.id_ in _DATED_NAMES and single and (int(core) <= published.year if published is not None
                                                     else not _names_horizon(span)):
            return None  # "Reform Policy 2023": the year it was adopted, not its horizon; "Vision 2040" is one
        if span.id_ in _HORIZON_PERIODS:
            core = f"by {core}"
        return resolve_deadline(core, published, vocab.periods)
    if span.id_ in _COUNTRY_PLANS:
        return _country_plan(span, _COUNTRY_PLANS[span.id_], published, vocab)
    text = span.text
    if span.id_ == "year_and_thereafter":  # "in the years 2027 and thereafter": a mandate from that year on
        text = next(t.text for t in span if t.shape_ == "dddd")
    if span.id_ == "fiscal_year":  # "the fiscal year 2023/2024" is "fiscal year 2023-2024"
        text = text.replace("/", "-")
    if span.id_ == "n_years_plan":  # "a 10 years plan" is "a 10-year plan"
        text = f"{span[0].text}-year plan"
    resolved = resolve_deadline(text, published, vocab.periods)
    if resolved is None and not any(t.shape_ == "dddd" for t in span):
        sibling = next((found for found in reversed(chosen) if found[0].sent == span.sent
                        and 0 < span.start - found[0].end <= _SIBLING_REACH), None)
        if sibling is not None:
            resolved = resolve_deadline(f"{span.text} {sibling[1].end[:4]}", published, vocab.periods)
    return resolved


#: Deadline pattern ids naming a country's numbered plan after the country ("the 12th Malaysia Plan", "12MP"): the
#: country whose table (lexicon ``national_plan_periods``) gives its years, whatever country the article is about.
_COUNTRY_PLANS: Mapping[str, str] = MappingProxyType({"malaysia_plan": "Malaysia", "malaysia_plan_code": "Malaysia"})


def _country_plan(span: Span, country: str, published: date | None, vocab: Vocabulary
                  ) -> tuple[date | None, date] | None:
    """The period of "during the 12th Malaysia Plan": the plan's years, with the match's leading preposition."""
    number = next((t for t in span if t.like_num or t.text[:1].isdigit()), None)
    if number is None:
        return None
    digits = re.match(r"\d+", number.text)
    ordinal = int(digits.group(0)) if digits else ORDINAL_WORDS.get(number.lower_)
    years = vocab.national_plans.periods.get(country, {}).get(ordinal) if ordinal is not None else None
    if years is None:
        return None
    lead = " ".join(t.lower_ for t in span[:number.i - span.start] if t.lower_ != "the")
    return resolve_deadline(f"{lead} {years[0]}-{years[1]}".strip(), published)


@dataclass(frozen=True)
class SentenceDeadlines:
    """One sentence's deadlines by comma clause, computed once for all its quantities."""

    sent: Span
    deadlines: list[Found]
    initial: Found | None
    clause_of: list[int]  # per token of the sentence
    clause_bounds: dict[int, tuple[int, int]]  # per clause: its token range in the doc
    planning: frozenset[int]  # clauses with a plan word
    by_clause: dict[int, list[Found]]
    vocab: Vocabulary  # lexicons ``reach_verbs``, ``base_leads``, ``range_openers`` (:func:`_attached`)
    so_far: tuple[int, ...] = ()  # tokens "so"/"thus" of "so far" ("40,000 trees so far this year"): to date

    @classmethod
    def build(cls, sent: Span, deadlines: list[Found], labels: Labels, vocab: Vocabulary) -> SentenceDeadlines:
        clause_of = clause_ids(sent)
        bounds: dict[int, tuple[int, int]] = {}
        for offset, clause in enumerate(clause_of):
            first = bounds.get(clause, (sent.start + offset, 0))[0]
            bounds[clause] = (first, sent.start + offset + 1)
        planning = frozenset(clause_of[i - sent.start] for i in range(sent.start, sent.end)
                             if "TARGET_CUE" in labels.get(i, ()))
        by_clause: dict[int, list[Found]] = {}
        for found in deadlines:
            by_clause.setdefault(clause_of[found[0].start - sent.start], []).append(found)
        initial = initial_deadline(sent, deadlines, vocab.deadline_lead_words)
        lower = tokens_of(sent.doc).lower
        so_far = tuple(i for i in range(sent.start, sent.end - 1) if lower[i] in _SO_FAR and lower[i + 1] == "far")
        return cls(sent, deadlines, initial, clause_of, bounds, planning, by_clause, vocab, so_far)


#: ``own_deadline``'s source when an annual rate handed its sentence's horizon to a later item: carry none.
GIVEN_AWAY = "given-away"


def own_deadline(q: Quantity, here: SentenceDeadlines, starts: list[int], subordinators: list[int]
                 ) -> tuple[Found | None, str | None]:
    """The deadline of the quantity's own clause, else the sentence-initial one, else a nearby one.

    Returns the deadline and where it came from ("clause" or "sentence"), or no deadline and
    :data:`GIVEN_AWAY` when the sentence's horizon belongs to another item (no carried deadline either).
    Clauses are split at commas and semicolons. Within a clause the deadline after
    the quantity wins ("A by 2030 and B by 2033"); another clause's deadline counts
    only when this clause continues it ("..., and to reach 15% ...") or plans itself, or states what the clause
    before achieves ("... by 2030, so that no driver is more than 30 miles from a charger"),
    and never across a subordinating word ("even though demand will triple by 2030").
    ``starts`` are the sorted first tokens of all quantities, ``subordinators`` the sorted
    positions of subordinating words.
    """
    initial, sent = here.initial, here.sent
    if not here.deadlines or _to_date(q, here, starts):
        return (None, None) if here.deadlines else (initial, ("sentence" if initial is not None else None))
    mine = here.clause_of[q.start - sent.start]
    same = here.by_clause.get(mine, [])
    attached = _attached(q, same, starts, here.vocab) if same else None
    if attached is not None:
        return attached, "clause"
    if initial is not None:
        return initial, "sentence"
    if _result_clause(sent.doc, here.clause_bounds[mine][0]):
        before = [d for d in here.deadlines if d[0].end <= q.start]
        return (before[-1], "sentence") if before else (None, None)
    if mine not in here.planning and new_statement(sent.doc, *here.clause_bounds[mine]):
        return None, None  # "..., and the pipeline includes 120 projects": a statement of its own
    pool = [d for d in here.deadlines if not _between(subordinators, *sorted((d[0].start, q.start)))
            and not _horizon_name(d)]
    found = _attached(q, pool, starts, here.vocab) if pool else None
    if found is None and _gave_away(q, same or pool, here.vocab):
        return None, GIVEN_AWAY  # the rate's sentence horizon is another item's: carry none either
    return found, ("sentence" if found is not None else None)


def _gave_away(q: Quantity, deadlines: list[Found], vocab: Vocabulary) -> bool:
    """Whether an annual rate left the deadline after it to another phrase (:func:`_distant_rate`)."""
    after = next((d for d in deadlines if d[0].start >= q.end), None)
    return after is not None and _distant_rate(q, after, vocab.reach_verbs)


#: Openings of a clause that states what the clause before achieves ("..., so that no home is more than 5 km
#: from a clinic"): it holds from the same deadline.
_RESULT_OPENINGS = (("so", "that"), ("so", "as"), ("in", "order"))


def _result_clause(doc: Doc, start: int) -> bool:
    """Whether the comma clause starting at token ``start`` opens with "so that", "so as to" or "in order to"."""
    words = [t.lower_ for t in doc[start:start + 4] if not t.is_punct and not t.is_space][:2]
    return tuple(words) in _RESULT_OPENINGS


_SO_FAR = frozenset({"so", "thus"})
_SO_FAR_GAP = 1  # words between a figure and its "so far" ("40,000 trees planted so far")


def _to_date(q: Quantity, here: SentenceDeadlines, starts: list[int]) -> bool:
    """Whether the figure is counted "so far" ("has planted 40,000 trees so far this year and will plant 100,000
    by 2027", "So far in 2025 the agency has connected 12,000 homes"): a figure to date, no other clause's
    deadline. "so far" right after a figure (a word between at most) counts that one, else the next figure."""
    doc, mine = here.sent.doc, here.clause_of[q.start - here.sent.start]
    for at in here.so_far:
        if here.clause_of[at - here.sent.start] != mine:
            continue
        gap = doc[q.end:at]
        if at >= q.end and len(gap) <= _SO_FAR_GAP and all(t.is_alpha and t.lower_ not in COORDINATORS
                                                             for t in gap):
            return True  # "40,000 trees (planted) so far"
        if at < q.start and not _between(starts, at, q.start) and not _follows_figure(doc, at, starts):
            return True  # "So far in 2025 the agency has connected 12,000 homes"
    return False


def _follows_figure(doc: Doc, at: int, starts: list[int]) -> bool:
    """Whether a figure starts at most a few tokens before "so far" (it is that figure's "so far")."""
    k = bisect_left(starts, max(0, at - _SO_FAR_GAP - 6))
    return k < len(starts) and starts[k] < at


def _horizon_name(found: Found) -> bool:
    """A plan named with one year ("Vision 2040", "the 2030 Strategy"): outside its own clause it names the
    plan the sentence is about ("the 2030 Strategy, approved today, lists 100 objectives"), not a deadline."""
    span, deadline = found
    return span.id_ in _DATED_NAMES and deadline.start is not None and deadline.start[:4] == deadline.end[:4]


def _between(positions: list[int], low: int, high: int) -> bool:
    """Whether a sorted position falls in ``low:high``."""
    k = bisect_left(positions, low)
    return k < len(positions) and positions[k] < high


def goal_scopes(doc: Doc, leadins: list[Span], deadlines: list[Found]) -> list[GoalScope]:
    """Token ranges governed by a goals lead-in, with the lead-in sentence's deadline.

    A year heading among the list's paragraphs ("Year 2030", "2030:", "By 2040") opens a block of its own: its
    items take the heading's year, not the lead-in's period (see :func:`_year_heading`)."""
    scopes = []
    starts = [d[0].start for d in deadlines]
    for span in leadins:
        sent = doc[span.start].sent
        low, high = bisect_left(starts, sent.start), bisect_left(starts, span.end + 1)
        in_sent = deadlines[low:high]
        deadline = in_sent[-1] if in_sent else None
        end = paragraph_end(doc, span.end)
        rest = span_text(doc, span.end, end).strip()
        start = span.end
        if not rest:  # lead-in ends its paragraph: the list follows in paragraphs of its own
            k = end
            # A heading without a colon ("Sector allocations") only opens a marked list.
            marked: bool | None = None if span[-1].text in {":", "："} else True
            items = 0
            while items < _MAX_LIST_ITEMS:
                first = skip_space(doc, k)
                if first >= len(doc):
                    break
                nxt = paragraph_end(doc, first)
                para = span_text(doc, first, nxt)
                heading = _year_heading(doc, first, nxt, para)
                if heading is not None:  # "Year 2040": the items above end their block, the count starts over
                    if end > start:
                        scopes.append(GoalScope(start, end, deadline, span))
                    start, deadline, end, k, items = nxt, heading, nxt, nxt, 0
                    continue
                items += 1
                is_marked = is_list_item(para)
                if marked is None:
                    marked = is_marked
                # A marked list runs while items are marked; an unmarked one while paragraphs are short.
                if (marked and not is_marked) or (not marked and len(para) >= 300):
                    break
                end, k = nxt, nxt
        scopes.append(GoalScope(start, end, deadline, span))
    return scopes


#: A paragraph that is only a year, as a heading over list items: "Year 2030", "2030:", "By 2040", "Target 2050".
_YEAR_HEADING = re.compile(r"(?:(?:year|by|in|until|for|targets?(?: for)?)\s+)?((?:19|20)\d\d)\s*:?", re.IGNORECASE)


def _year_heading(doc: Doc, start: int, end: int, text: str) -> Found | None:
    """The year a heading line inside a list names ("Year 2030" over "- Coal: 40.7%"), as a deadline, else None."""
    match = _YEAR_HEADING.fullmatch(text.strip())
    if match is None:
        return None
    year = match[1]
    return doc[start:end], Deadline(text.strip(), f"{year}-01-01", f"{year}-12-31")


def initial_deadline(sent: Span, sent_deadlines: list[Found], lead_words: frozenset[str]) -> Found | None:
    """A deadline that opens the sentence ("By 2025, ..."; "In 2023, ...") governs all of it."""
    tokens = tokens_of(sent.doc)
    space, punct, lower = tokens.space, tokens.punct, tokens.lower
    for found in sent_deadlines:
        lead = []
        for i in range(sent.start, found[0].start):
            if not (space[i] or punct[i]):
                lead.append(i)
                if len(lead) > 2:
                    return None  # later deadlines have even more words before them
        if not lead or all(lower[i] in lead_words for i in lead):
            return found
    return None


def carried_deadline(sent_deadlines: list[Found], initial: Found | None, published: date | None,
                     pledges: frozenset[str]) -> Found | None:
    """The deadline a target sentence passes on to the sentences after it: its opening one, else its last one.

    A deadline that ended before publication is a date of the past ("the programme, launched in 2013, ...";
    "surpassing the 2023 target"), not the horizon of a goal: it is never passed on; nor is the year of a
    net-zero pledge ("pledged carbon neutrality by 2030. They will buy 280 vehicles."), the horizon of that one
    pledge (see :func:`names_pledge`; ``pledges`` is lexicon ``climate_pledges``); nor is a plan named with one
    year ("Vision 2040") unless it opens the sentence ("Under Vision 2040, ...").
    """
    ahead = [found for found in sent_deadlines if not _ended_before(found, published)]
    if initial is not None and initial in ahead:
        passed: Found | None = initial
    else:  # "..., all aligned with the National Strategic Plan 2050": a plan the sentence names, no deadline
        passed = next((found for found in reversed(ahead) if not _horizon_name(found)), None)
    return None if passed is None or names_pledge(passed[0], pledges) else passed


_PLEDGE_BEFORE = 4  # tokens before a deadline that may name the pledge ("reach net-zero emissions by 2050")
_PLEDGE_AFTER = 4  # words after a year's goal that may name it ("its 2050 target for net zero")


def names_pledge(span: Span, pledges: frozenset[str]) -> bool:
    """Whether a deadline is the year of a net-zero or carbon-neutrality pledge (lexicon ``climate_pledges``):
    "net zero by 2050", "carbon neutrality by 2030", "the 2045 net zero goal", "its 2050 target for net zero".
    The words before count up to the nearest figure ("cut emissions 45% by 2030" names none)."""
    doc = span.doc
    sent = span.sent
    first = max(sent.start, span.start - _PLEDGE_BEFORE)
    for i in range(span.start - 1, first - 1, -1):
        if any(c.isdigit() for c in doc[i].text) or doc[i].text == "%":  # "zero" is no figure
            first = i + 1
            break
    last = span.end
    if span.id_ in NAMED_PERIODS and span.end < sent.end and doc[span.end].lower_ in {"for", "of", "on"}:
        last = min(sent.end, span.end + _PLEDGE_AFTER)
    words = f" {' '.join(t.lower_ for t in doc[first:last])} "
    return any(f" {phrase} " in words for phrase in pledges)


def _ended_before(found: Found, published: date | None) -> bool:
    return published is not None and found[1].end < published.isoformat()


def is_comparison_year(span: Span, vocab: Vocabulary) -> bool:
    """A year used as a point of comparison or an age, not as a deadline."""
    doc = span.doc
    words = [t.lower_ for t in span]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    is_range = any(w in {"to", "-", "–", "through", "and"} for w in words[1:])
    if before in vocab.baseline_words or after in vocab.baseline_followers:
        return True
    if words[0] in {"from", "since", "than"} and not is_range:
        return True
    # "over 50 years" is "more than 50 years"; "over the next 5 years" is a period.
    period = is_range or any(w in vocab.period_openers or t.shape_ == "dddd"
                             for w, t in zip(words, span, strict=True))
    return words[0] == "over" and not period


def _attached(q: Quantity, deadlines: list[Found], starts: list[int], vocab: Vocabulary) -> Found | None:
    """The deadline after the quantity with no other quantity in between, else the nearest one.

    ``deadlines`` are in text order and ``starts`` sorted: bisection keeps this logarithmic.
    """
    if not deadlines:
        return None
    k = bisect_left([d[0].start for d in deadlines], q.end) if len(deadlines) > 4 else 0
    first_after = next((d for d in deadlines[k:] if d[0].start >= q.end), None)
    if first_after is None and _is_base(q, deadlines[0][0].doc, vocab):
        return None  # "$12 billion this fiscal year, up 10% from the $10.9 billion earned": the goal's period
    if first_after is not None and (_distant_rate(q, first_after, vocab.reach_verbs)
                                    or _dates_base(q, first_after, starts, vocab)):
        before = [d for d in deadlines if d[0].end <= q.start]
        return before[-1] if before else None
    if first_after is not None and not _between(starts, q.end, first_after[0].start):
        return first_after
    window = deadlines[max(0, k - 2):k + 3] if len(deadlines) > 4 else deadlines
    return min(window, key=lambda d: min(abs(d[0].start - q.end), abs(q.start - d[0].end)))


_BASE_LEAD_REACH = 3  # tokens before a base figure that may hold its lead ("from the estimated 473 billion")


def _dates_base(q: Quantity, after: Found, starts: list[int], vocab: Vocabulary) -> bool:
    """Whether the deadline after a figure dates a base figure between them ("grow to 650 billion yen from the 473
    billion yen projected for the current fiscal year"): the base's period, not the goal's. A horizon ("to 5% from
    9% by 2030") is the goal's."""
    if after[1].start is None:
        return False
    doc = after[0].doc
    k = bisect_left(starts, q.end)
    while k < len(starts) and starts[k] < after[0].start:
        if _base_lead(doc, max(q.end, starts[k] - _BASE_LEAD_REACH), starts[k], vocab):
            return True
        k += 1
    return False


def _is_base(q: Quantity, doc: Doc, vocab: Vocabulary) -> bool:
    """Whether a figure is the base a goal is measured from ("up 10% from the $10.9 billion ...")."""
    return _base_lead(doc, max(0, q.start - _BASE_LEAD_REACH), q.start, vocab)


def _base_lead(doc: Doc, start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether tokens ``start:end`` before a figure lead it as a base (lexicon ``base_leads``: "from the
    estimated", "against"), unless a range opens with it (lexicon ``range_openers``: "ranging from")."""
    return any(t.lower_ in vocab.base_leads and not (t.i > 0 and doc[t.i - 1].lower_ in vocab.range_openers)
               for t in doc[start:end])


_RATE_GAP = 3  # words between an annual rate and a deadline that still bounds it ("5% a year until 2030")
_ARTICLES = frozenset({"a", "an"})


def _distant_rate(q: Quantity, after: Found, reach_verbs: frozenset[str]) -> bool:
    """Whether an annual rate ("growth of 5% a year", "a 1.1% annual growth") is followed by a deadline only
    further on, in a purpose or a coordinated item ("... a year to become a middle-income economy by 2030",
    "... annual growth and a longer life expectancy by 2050"): that year is the other phrase's horizon. The rate's
    own phrase keeps it ("2 Mt per annum of ammonia output by 2035", "3% each year until it reaches 17% in 2036"),
    and so does the level the rate climbs to ("8% a year to reach $100 billion by 2030")."""
    doc = after[0].doc
    rate_end = q.end
    if rate_end < len(doc) and doc[rate_end].lower_ in RATE_ADVERBS | {"annual"}:
        rate_end += 1
    elif rate_end + 1 < len(doc) and doc[rate_end].lower_ in RATE_LEADS and doc[rate_end + 1].lower_ in YEAR_WORDS:
        rate_end += 2
    else:
        return False
    if after[0].start - rate_end <= _RATE_GAP:
        return False
    gap = doc[rate_end:after[0].start]
    if gap[0].lower_ == "to":
        return gap[1].lower_ not in reach_verbs  # "5% a year to reach 20 GW by 2030": the rate runs until then
    return any(t.lower_ == "and" and _opens_item(doc, t.i + 1, after[0].start) for t in gap[:-1])


def _opens_item(doc: Doc, start: int, end: int) -> bool:
    """Whether the words after an "and" open another item: an article or a gerund, past quotes ("... a year and a
    longer life expectancy by 2050", '... annually and "establishing a certification process by 2015"')."""
    k = start
    while k < end and doc[k].is_punct:
        k += 1
    word = doc[k].lower_ if k < end else ""
    return word in _ARTICLES or (len(word) > 5 and word.endswith("ing") and word.isalpha())


def is_relative(found: Found, published: date | None) -> bool:
    """Whether a deadline is computed from the publication date ("in the next five years", "this year"),
    not taken from a period stated elsewhere ("the five-year period", "the remaining years of the plan")."""
    span, deadline = found
    if span.id_ in NAMED_PERIODS or published is None or resolve_deadline(span.text, None) is not None:
        return False
    resolved = resolve_deadline(span.text, published)
    return resolved is not None and resolved[1].isoformat() == deadline.end
