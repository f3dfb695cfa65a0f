"""Scope across sentences and the document: which deadline reaches beyond its own clause.

* "respectively" pairs a list of values with a list of periods by position;
* the plan's own period in the title or first lines ("Tourism Policy 2026-31") governs the
  document's targets that have no other deadline;
* a roundup's "Source:" line or a heading ends a story: the carried deadline stops there;
* a sentence of the same paragraph that names the same subject carries the deadline stated before.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span

from plancli.normalize.dates import resolve_deadline
from plancli.quantities import Quantity
from plancli.records import Deadline
from plancli.statements.common import (HEADLINE_TOKENS, Labels, Vocabulary, has_any, headline_limit,
                                       tokens_of)
from plancli.statements.deadlines import NAMED_PERIODS, PLAN_PERIODS, Found, is_relative, names_pledge

_RESPECTIVE_PREPOSITIONS = frozenset({"in", "by", "for", "until", "till", "through"})
_RESPECTIVE_REACH = 12  # tokens after "respectively" that may hold its years
_DOCUMENT_LINES = 5  # the title and the first lines may name the plan's period
_HEADING_WORDS = 6
_DATE_LINE_WORDS = 3  # a line below the headline with no more words: a date (with a number) or a heading


def respective(sent: Span, quantities: list[Quantity], published: date | None, vocab: Vocabulary
               ) -> dict[int, Found]:
    """Pair values with periods by position: "quotas of 20%, 25% and 30% for 2027, 2028 and 2029 respectively".

    Returns the deadline of each paired quantity, keyed by its first token, and the last period for a value
    of another unit before the list (see :func:`_across_periods`). The periods are the
    year groups ("2026-27") between the last value of the list and "respectively", or else right after it
    ("... 2.2 and 2.4 trillion yuan respectively in 2024 and 2025").
    """
    if len(quantities) < 2:
        return {}
    doc = sent.doc
    lowers = tokens_of(doc).lower
    marker = next((i for i in range(sent.start, sent.end) if lowers[i] == "respectively"), None)
    if marker is None:
        return {}
    values = [q for q in quantities if q.end <= marker]
    if len(values) < 2:
        return {}
    last = values[-1]
    periods = _year_groups(doc, last.end, marker)
    if len(periods) < 2:  # "2.2 and 2.4 trillion yuan respectively in 2024 and 2025": the years follow
        after = marker + 1
        if after < sent.end and lowers[after] in _RESPECTIVE_PREPOSITIONS:
            after += 1
        periods = _year_groups(doc, after, min(sent.end, after + _RESPECTIVE_REACH), stop_at_word=True)
    if len(periods) < 2:
        return {}
    same_unit = [q for q in values if q.unit == last.unit][-len(periods):]
    if len(same_unit) != len(periods):
        return {}
    paired: dict[int, Found] = {}
    for q, group in zip(same_unit, periods, strict=True):
        span = doc[group[0]:group[-1] + 1]
        resolved = resolve_deadline(span.text, published, vocab.periods)
        if resolved is None:
            return {}
        start, end = resolved
        paired[q.start] = (span, Deadline(span.text, start.isoformat() if start else None, end.isoformat()))
    return paired | _across_periods(sent, values, same_unit, paired[same_unit[-1].start])


def _across_periods(sent: Span, values: list[Quantity], same_unit: list[Quantity], last: Found) -> dict[int, Found]:
    """A value of another kind before a "respectively" list runs over all its periods ("revenue will grow by more
    than 10% a year and exceed 2.2 and 2.4 trillion yuan respectively in 2024 and 2025": 10% until 2025), when
    the sentence names no year before the list."""
    first = same_unit[0].start
    if any(t.shape_ == "dddd" for t in sent.doc[sent.start:first]):
        return {}
    return {q.start: last for q in values if q.end <= first and q.unit != same_unit[0].unit}


def document_period(doc: Doc, deadlines: list[Found], labels: Labels | None = None, published: date | None = None,
                    lines: int = _DOCUMENT_LINES, goal_nouns: frozenset[str] = frozenset(),
                    plan_nouns: frozenset[str] = frozenset(), pledges: frozenset[str] = frozenset()) -> Found | None:
    """A plan's own period named in the title or first lines ("Tourism Policy 2026-31", "2024-2027 action plan"):
    it governs the document's targets that have no other deadline.

    With the doc's ``labels``, a headline that states a goal for a stated period across years ("Govt sets
    $63.5 billion export target for FY26", "... for the 2025-26 crop year") or for the year of publication
    ("City work report: this year's growth target about 6%") counts too, as the guideline lets a heading's
    deadline govern the targets below it; a headline's "by 2030" or "within 5 years" does not, being in news
    usually the one target it names, unless the headline names goals in the plural ("Group sets new targets
    for 2030": the set of targets the article lists, with ``goal_nouns``) or names a plan and no figure ("Country
    unveils growth plan for next decade", with ``plan_nouns``). Failing that, a lead sentence below
    the headline that sets a goal for such a period ("CAIRO, July 2025: The government has set an export target of $50 billion for the
    fiscal year 2025-26") frames the article the same way, and so do goals in the plural for a year not yet
    over ("the main goals for 2025 were announced"), and a lead that names targets over a period
    counted from publication but no figure ("... set out how it will meet its climate targets over the next nine
    years"). The year of a net-zero pledge ("its 2050 target for net zero") is that pledge's only: never the
    document's period, and nor is a goal named by the same year ("the 2030 goal" after "the 2030 net zero goal"),
    nor a period that ended before publication ("... missing their 2021 target" in 2023).
    """
    if published is not None:  # "... missing their 2021 target" in 2023: a past goal, no frame of the article
        deadlines = [found for found in deadlines if found[1].end >= published.isoformat()]
    pledge_years = {found[1].end for found in deadlines if names_pledge(found[0], pledges)}
    deadlines = [found for found in deadlines if found[1].end not in pledge_years or (  # "the 2030 goal" is that pledge
        found[0].id_ not in NAMED_PERIODS and not names_pledge(found[0], pledges))]
    tokens = tokens_of(doc)
    line_break, space, alpha = tokens.line_break, tokens.space, tokens.alpha
    text_lines = 0
    limit = len(doc)
    headline_end: int | None = None
    line_words, line_digits = 0, False  # words of the current line, and whether it holds a number
    for i in range(1, len(line_break)):
        line_words += alpha[i - 1]
        line_digits = line_digits or tokens.like_num[i - 1]
        if line_break[i] and not space[i - 1]:
            if text_lines == 0 and i <= HEADLINE_TOKENS:
                headline_end = i
            short = text_lines > 0 and line_words <= _DATE_LINE_WORDS
            if short and not line_digits:  # a heading ("Big News:"): a roundup or a page, no lead below
                limit = i
                break
            if not short:  # "Tue Sep 19 2023", "Published: 2024-08-24": a date, not a line of text
                text_lines += 1
            line_words, line_digits = 0, False
            if text_lines >= lines:
                limit = i
                break
    named = next((found for found in deadlines if found[0].start < limit
                  and (found[0].id_ in NAMED_PERIODS or found[0].id_ in PLAN_PERIODS)), None)
    if named is not None and headline_end is not None and named[0].end > headline_end:
        # "Council okays development budget for FY24-25" over "... also approved a 5-year plan": the headline's year
        named = next((found for found in deadlines if found[0].end <= headline_end and _across_years(found)
                      and not is_relative(found, published)), named)
    if named is not None or labels is None:
        return named
    if headline_end is not None and (_names_goals(doc, headline_end, goal_nouns)
                                     or _names_plan(doc[:headline_end], plan_nouns)):
        in_headline = next((found for found in deadlines if found[0].end <= headline_end), None)
        if in_headline is not None:
            return in_headline
    plan_years: dict[int, bool] = {}
    periods = [found for found in deadlines if found[0].end <= limit and (_this_year(found, published) or (
        found[1].start is not None and found[1].start[:4] < found[1].end[:4]
        and (not is_relative(found, published) or _frame_only(found))) or _plan_by_year(found, plan_nouns, plan_years))]
    if headline_end is not None and any(has_any(labels, i, ("TARGET_CUE",)) for i in range(headline_end)):
        in_headline = next((found for found in periods if found[0].end <= headline_end), None)
        if in_headline is not None:
            return in_headline
    lead = next((found for found in periods if headline_end is not None and found[0].start >= headline_end
                 and (_lead_goal(found[0].sent, labels) or _plan_by_year(found, plan_nouns, plan_years))), None)
    return lead or next((found for found in deadlines if found[0].end <= limit and _after_goals(found, goal_nouns)
                         and (published is None or found[1].end >= published.isoformat())), None) \
        or _restated_horizon(doc, deadlines, limit, headline_end, plan_nouns)


def _restated_horizon(doc: Doc, deadlines: list[Found], limit: int, headline_end: int | None,
                      plan_nouns: frozenset[str]) -> Found | None:
    """The one horizon of a sentence in the first lines that names a plan and restates the headline's figure
    ("Country unveils roadmap to a $1 trillion economy" over "... unveiled a blueprint to reach a $1 trillion economy
    by 2030"): the plan's headline goal, whose horizon is the plan's when the first lines state no period of it."""
    if headline_end is None:
        return None
    quantities: list[Quantity] = sorted(doc._.quantities or [], key=lambda q: q.start)
    starts = [q.start for q in quantities]
    headline: HeadlineFigures = (_figures(doc[:headline_end], quantities, starts), quantities, starts)
    read: dict[int, bool] = {}
    return next((found for found in deadlines if headline_end <= found[0].start and found[0].end <= limit
                 and _plan_by_year(found, plan_nouns, read, headline)), None)


def _across_years(found: Found) -> bool:
    """Whether a deadline is a period that runs across years ("FY24-25", "2026-2030")."""
    start = found[1].start
    return start is not None and start[:4] < found[1].end[:4]


def _after_goals(found: Found, goal_nouns: frozenset[str]) -> bool:
    """Whether a deadline follows a plural goal noun ("the main goals for 2025 were announced", "its targets up to
    2030"): the set of goals the article goes on to list."""
    span = found[0]
    if span.start == 0:
        return False
    word = tokens_of(span.doc).lower[span.start - 1]
    return word in goal_nouns and word.endswith("s")


_RESTATING_SENTENCES = 3  # sentences after the headline that may restate its figure
_RESTATING_REACH = 3  # tokens either side of a lead figure whose words it may share with the headline


def restated_headline(doc: Doc, quantities: list[Quantity], deadlines: list[Found]) -> dict[int, Found]:
    """The headline's deadline for a figure of the lead that restates the headline's figure ("Province sets out plan
    to reach 60% of its target by 2030" / "The province has mapped out how it will achieve 60% of its target"),
    keyed by the restating quantity's first token. Only a headline with one deadline gives it.

    The other way round, a headline figure without a deadline of its own takes the deadline the lead states for the
    same figure ("Country to add 700MW to its grid" / "... will add 700 MW to the grid in the next two years"): the
    headline shortens the lead, and news headlines drop the date the lead gives.
    """
    headline = headline_limit(doc)
    in_headline = [found for found in deadlines if found[0].end <= headline]
    figures = {(q.value, q.unit) for q in quantities if q.end <= headline}
    sentences = [sent for sent, _ in zip((s for s in doc.sents if s.start >= headline), range(_RESTATING_SENTENCES),
                                         strict=False)]
    lead_end = sentences[-1].end if sentences else headline
    lead = [q for q in quantities if headline <= q.start < lead_end and (q.value, q.unit) in figures]
    if len(in_headline) == 1:
        return {q.start: in_headline[0] for q in lead}
    if in_headline:
        return {}
    # "Group's 2030 emissions reduction target needs $10bn": the headline keeps its year, unless the lead states
    # the figure for that same year ("2025 Renewables Must Reach 23 Percent" / "... 23 percent ... by 2025")
    years = {t.text for t in doc[:headline] if t.shape_ == "dddd"}
    # the first restatement, not a later share of the figure; among the same value, the one that shares the
    # headline's words ("targets 5% growth" restates "now targets 5% growth by 2027", not "Inflation stood at 5%")
    words = {t.lower_ for t in doc[:headline] if t.is_alpha and len(t) > 3}
    first: dict[tuple[object, object], Quantity] = {}
    shared: dict[tuple[object, object], int] = {}
    for q in lead:
        sent = doc[q.start].sent
        near = doc[max(sent.start, q.start - _RESTATING_REACH):min(sent.end, q.end + _RESTATING_REACH)]
        count = sum(t.lower_ in words for t in near)
        if (q.value, q.unit) not in first or count > shared[(q.value, q.unit)]:
            first[(q.value, q.unit)], shared[(q.value, q.unit)] = q, count
    stated = {figure: found for figure, q in first.items()
              if (found := _stated_for(doc, q, deadlines, quantities)) is not None
              and (not years or found[1].end[:4] in years)}
    return {q.start: stated[(q.value, q.unit)] for q in quantities
            if q.end <= headline and (q.value, q.unit) in stated}


def _stated_for(doc: Doc, q: Quantity, deadlines: list[Found], quantities: list[Quantity]) -> Found | None:
    """The deadline of ``q``'s sentence that follows ``q`` with no other figure in between ("add 700 MW to the grid
    in the next two years"), else None. A plan's name is no date the lead gives the figure ("secured $144 billion
    as part of its Vision 2030 programme")."""
    end = doc[q.start].sent.end
    after = next((found for found in deadlines if q.end <= found[0].start < end), None)
    if (after is None or after[0].id_ in NAMED_PERIODS or after[0].id_ in PLAN_PERIODS
            or any(q.end <= other.start < after[0].start for other in quantities)):
        return None
    return after


def _year_groups(doc: Doc, start: int, stop: int, stop_at_word: bool = False) -> list[list[int]]:
    """The year groups ("2027", "2026-27") among tokens ``start:stop``, split by commas and "and".

    With ``stop_at_word`` the run ends at the first other word (the years after "respectively").
    """
    groups: list[list[int]] = [[]]
    for i in range(start, stop):
        token = doc[i]
        if token.text in {",", ";"} or token.lower_ in {"and", "&"}:
            if groups[-1]:
                groups.append([])
        elif token.shape_ in ("dddd", "dd") or (token.text in {"-", "–", "/"} and groups[-1]):
            groups[-1].append(i)
        elif stop_at_word:
            break
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g and doc[g[0]].shape_ == "dddd"]


def _this_year(found: Found, published: date | None) -> bool:
    """Whether a deadline is the year of publication, said relative to it ("this year", "by the end of the
    current year") or by its number ("in 2025" in a text of 2025): the horizon of an annual goal ("Province raises
    its growth target for this year", "Assembly raises GDP growth target to 8% in 2025")."""
    return published is not None and found[1].end == f"{published.year}-12-31" and (
        is_relative(found, published) or found[1].start == f"{published.year}-01-01")


def _names_goals(doc: Doc, end: int, goal_nouns: frozenset[str]) -> bool:
    """Whether a headline names goals in the plural ("Group sets profit and climate targets for 2030", "Ambitious
    renewables targets up to 2030"): its year is the horizon of the set of targets the article lists."""
    tokens = tokens_of(doc)
    lowers = tokens.lower
    return any(lowers[i] in goal_nouns and lowers[i].endswith("s") and (  # "Malaysia targets 22.6pct": a verb
        i + 1 >= end or lowers[i + 1] in _GOAL_PREPOSITIONS or tokens.punct[i + 1] or tokens.space[i + 1])
        for i in range(end))


#: Words after a plural goal noun in a headline ("targets for 2030", "goals up to 2030"); a verb "targets" takes
#: an object instead ("Malaysia targets 22.6pct").
_GOAL_PREPOSITIONS = frozenset({"for", "to", "up", "by", "until", "till", "through", "in", "of"})


#: Words that open a plan's horizon: "by 2030", "(guiding the economy) through 2033", "until 2030".
_HORIZON_OPENERS = frozenset({"by", "through", "until", "till"})


def _names_plan(span: Span, plan_nouns: frozenset[str]) -> bool:
    """Whether a sentence or headline names a plan and no figure, years aside ("Country unveils growth plan for next
    decade"): its deadline is the plan's, where "... plan to build 50,000 homes within five years" names one target."""
    return not any(t.like_num and t.shape_ != "dddd" or t.text in _FIGURE_SIGNS for t in span) \
        and any(t.lower_ in plan_nouns for t in span)


#: A figure as compared between a headline and a lead: its value and unit ("$57 trillion" is (5.7e13, "USD")).
Figure = tuple[float, str]
#: The headline's figures, with all the doc's quantities and their sorted first tokens (to find a span's figures).
HeadlineFigures = tuple[frozenset[Figure], list[Quantity], list[int]]


def _figures(span: Span, quantities: list[Quantity], starts: list[int]) -> frozenset[Figure]:
    """The values and units of the quantities inside a span ("$57 trillion economy by 2030 under a five-year plan"
    holds (5.7e13, "USD")): "2 million jobs" and "5 million households" share a scale word, not a figure.
    ``starts`` are the sorted first tokens of ``quantities``."""
    k = bisect_left(starts, span.start)
    found: set[Figure] = set()
    while k < len(quantities) and quantities[k].start < span.end:
        q = quantities[k]
        if q.end <= span.end:
            found.add((q.value, q.unit))
        k += 1
    return frozenset(found)


def _plan_by_year(found: Found, plan_nouns: frozenset[str], read: dict[int, bool],
                  headline: HeadlineFigures | None = None) -> bool:
    """A "by 2030" in a sentence that names a plan and no figure ("The Ministry has drawn up an action plan to
    widen rural water access by 2035, with a long-term outlook to 2050"; "The outlook is the framework steering the
    sector through 2037"): the plan's own deadline. A sentence that sets two such deadlines ("Under the plan, it
    will build X by 2024, expanding it by 2030") lists measures, not the plan's horizon. ``read``: the answer of
    each sentence read so far, by its first token (a sentence of many deadlines is read once)."""
    span = found[0]
    if span[0].lower_ not in _HORIZON_OPENERS:
        return False
    sent = span.sent
    known = read.get(sent.start)
    if known is None:
        doc = sent.doc
        horizons = sum(1 for t in sent
                       if t.shape_ == "dddd" and t.i > sent.start and doc[t.i - 1].lower_ in _HORIZON_OPENERS)
        known = read[sent.start] = horizons == 1 and (_names_plan(sent, plan_nouns) or (
            headline is not None and _restates_goal(sent, plan_nouns, headline)))
    return known


def _restates_goal(sent: Span, plan_nouns: frozenset[str], headline: HeadlineFigures) -> bool:
    """A sentence naming a plan with a figure that restates the headline's ("Country unveils roadmap to a $1 trillion
    economy" over "... unveiled a blueprint to reach a $1 trillion economy by 2030"): the plan's headline goal,
    whose horizon is the plan's. The same value and unit count, not a shared word ("2 million jobs" is no
    "5 million households", "one million trees" no "one new park")."""
    figures, quantities, starts = headline
    return bool(figures) and bool(_figures(sent, quantities, starts) & figures) \
        and any(t.lower_ in plan_nouns for t in sent)


def _frame_only(found: Found) -> bool:
    """Whether a sentence states a period and no figure of its own ("The government has set out how it will meet
    its climate targets over the next nine years."): a lead like this frames the article's targets, where "... will
    build 50,000 homes over the next five years" is the one target it names."""
    span = found[0]
    sent = span.sent
    return not any(t.like_num or t.text in _FIGURE_SIGNS for t in sent if not span.start <= t.i < span.end)


#: Signs that make a figure of a sentence without a digit ("%" glued to a word never reaches here).
_FIGURE_SIGNS = frozenset({"%", "$", "€", "£", "¥"})


def _lead_goal(sent: Span, labels: Labels) -> bool:
    """A lead sentence that sets a goal for a period across years ("... has set an export target of $50 billion
    for the fiscal year 2025-26")."""
    return any(has_any(labels, i, ("TARGET_CUE",)) for i in range(sent.start, sent.end))


def is_story_break(sent: Span, story_words: frozenset[str]) -> bool:
    """A line that ends one story of a roundup: a "Source:" line or a short heading ("Finance")."""
    doc = sent.doc
    tokens = tokens_of(doc)
    space = tokens.space
    first = next((i for i in range(sent.start, sent.end) if not space[i]), None)
    if first is None:
        return False
    if tokens.lower[first] in story_words:
        second = next((i for i in range(first + 1, sent.end) if not space[i]), None)
        if second is not None and tokens.text[second] in {":", "-", "–"}:
            return True
    n = len(space)
    ends_line = sent.end >= n or "\n" in tokens.text[sent.end - 1] or (sent.end < n and tokens.line_break[sent.end])
    if not (ends_line and tokens.title[first]):
        return False
    words = [i for i in range(first, sent.end) if not space[i]]
    return len(words) <= _HEADING_WORDS and not tokens.punct[words[-1]] \
        and not any(tokens.like_num[i] for i in words)  # "Education: Rs 4,400 crore" is a list item, not a heading


def shifts_topic(sent: Span, topic_shifts: frozenset[str]) -> bool:
    """Whether a sentence opens on another matter ("Meanwhile, the agency is to build 10,000 homes"): a word of
    ``topic_shifts`` (lexicon ``story_break_words``) followed by a comma. Nothing said before carries into it."""
    tokens = tokens_of(sent.doc)
    words = [i for i in range(sent.start, min(sent.end, sent.start + 4)) if not tokens.space[i]]
    return len(words) >= 2 and tokens.lower[words[0]] in topic_shifts and tokens.text[words[1]] == ","


def shares_subject(sent: Span, earlier: Span | None, stop: frozenset[str],
                   goal_nouns: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence names the same subject as an earlier one of its paragraph: a shared pair of content
    words ("the levy rate ... will be raised" / "the levy rate of 7 percent will increase to ...")."""
    if earlier is None or earlier.end > sent.start:
        return False
    tokens = tokens_of(sent.doc)
    lowers = tokens.lower
    adjacent = all(tokens.space[earlier.end:sent.start])
    if adjacent and _points_back(sent, earlier, stop):
        return True
    if any(tokens.line_break[earlier.end - 1:sent.start]):
        return False  # only within a paragraph
    if adjacent and any(w in goal_nouns for w in lowers[sent.start:sent.end]) \
            and any(w in goal_nouns for w in lowers[earlier.start:earlier.end]):
        return True  # "Each state has a target for FY26. The largest state's target is 2.5 million homes."
    return bool(_content_pairs(sent, stop) & _content_pairs(earlier, stop))


def _points_back(sent: Span, earlier: Span, stop: frozenset[str]) -> bool:
    """Whether a sentence opens by pointing at the one just before it: "These chargers will serve ..." after
    "... install 100,000 chargers by 2025"; "This will fund ..."; "The new plan, ..., includes ..." (a list of what
    the plan stated before contains, within its paragraph)."""
    tokens = tokens_of(sent.doc)
    space, lowers = tokens.space, tokens.lower
    words = [i for i in range(sent.start, min(sent.end, sent.start + 6)) if not space[i] and not tokens.punct[i]]
    if len(words) < 2:
        return False
    first, second = lowers[words[0]], lowers[words[1]]
    if first == "this":
        return second in _POINTING_VERBS
    if first in _DEMONSTRATIVES:
        earlier_words = {lowers[i] for i in range(earlier.start, earlier.end)}
        return any(lowers[i] in earlier_words for i in words[1:3] if len(lowers[i]) > 2 and lowers[i] not in stop)
    if first != "the" or any(tokens.line_break[earlier.end - 1:sent.start]):
        return False
    return any(w in _INCLUSION_VERBS for w in lowers[sent.start:sent.end])


#: Closed-class words: a demonstrative subject, the verbs after a pronoun "this" that continue the sentence
#: before, and the verbs that list what a plan includes.
_DEMONSTRATIVES = frozenset({"these", "those", "such"})
_POINTING_VERBS = frozenset({"is", "will", "would", "includes", "include", "covers", "comprises", "means", "amount",
                             "sum"})
_INCLUSION_VERBS = frozenset({"includes", "include", "comprises", "comprise", "covers", "entails", "envisages",
                              "consists"})


def _content_pairs(span: Span, stop: frozenset[str]) -> set[tuple[str, str]]:
    tokens = tokens_of(span.doc)
    space, lowers = tokens.space, tokens.lower
    words = [lowers[i] for i in range(span.start, span.end) if not space[i]]
    return {(a, b) for a, b in pairwise(words)
            if a.isalpha() and b.isalpha() and len(a) > 2 and len(b) > 2 and a not in stop and b not in stop}
