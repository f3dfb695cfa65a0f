"""Status: is a quantity a target or an actual figure, and which words say so.

The cues are data (``patterns/context/*.jsonl``, see :mod:`plancli.cuerules`). In order:

1. a deadline already past at publication ("in 2022") -> actual (rule ``deadline-past``; in an
   undated text, past the latest year it reports: ``deadline-before-report-year``);
2. the starting point of a change ("up from 14.8 GW", "up 12% from the $4.1 billion earned")
   -> actual (``baseline-value``);
3. a ``not_target`` cue in reach on either side (a forecast, a benchmark, an instrument in
   force, money already given, a worked example) -> actual, named by its rule; it outranks
   plan words unless a plan word stands just before it ("to be disbursed"), and one after the quantity
   loses to a goals lead-in when the quantity's deadline is ahead ("- Have 5 GW under construction by 2027");
   an attribution to a forecaster (rules ``source-*``, patterns/context/attribution.jsonl: "..., analysts
   said", "according to Capital Economics") gives way to a word of intent in the figure's clause ("aims to",
   "plans to", "target") and to the speaker's own plan ("the institute said it will train 500 ...");
4. a quantity under a goals lead-in ("The main targets are:") -> target (``goals-leadin``);
5. the nearest cue before the quantity in reach (rules with direction forward or both), back
   to the start of its sentence, or of its relative clause ("..., 60% of which ...");
   a report word there loses to the quantity's own forward period ("over the next three
   years") or a deadline wholly ahead ("by the end of 2026, racks reached 30,000": a translation's
   past tense), ``own-future-deadline``;
6. else an actual cue after it in reach (direction backward or both);
7. else a deadline still ahead -> target (``deadline-future``); else a target cue after it;
8. else ``default-actual``.

In a forecaster's piece (its lead and a later sentence attribute figures to a forecaster, no word of
intent stands outside its headline, and no plan owner is quoted) a figure read as a target is a forecast:
``forecast-piece``. In a plan piece (its headline names a plan or a goal, and no forecaster is quoted anywhere) a
projection ("GDP is projected to grow 5%", "the ministry is projecting 6%") is the plan's own figure: a target,
named by its rule, unless its sentence speaks of the world ("global demand is projected to ...").

Three grammar checks adjust a cue found before the quantity: a plan word in the
perfect ("have earmarked 60 billion") reports a fact (``perfect-tense``); a report
word after a determiner or before a content word is an adjective ("the added value",
"of installed capacity") and is passed over; a report word just after a plan word is
future ("will be built", ``future-passive``).
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from plancli.cuerules import CueRule
from plancli.quantities import Quantity
from plancli.records import Cue
from plancli.statements.common import (COORDINATORS, DETERMINERS, Labels, Vocabulary, doc_text, is_baseline_value,
                                       progress_leadin, span_text, token_chars, tokens_of)
from plancli.statements.cues import CueIndex, CueScanner, Match, index_cues, within
from plancli.statements.deadlines import Found

STATUS_CATEGORIES = ("target", "actual", "not_target")
_PERFECT = frozenset({"has", "have", "had"})
#: Report words without tense ("amounting to", "totalling", "representing"): they take the status of their clause.
_TENSELESS = frozenset({"amounting", "totaling", "totalling", "representing", "marking"})
_CLAUSE_COMMAS = frozenset({",", ";", "，", "；", "—", "–"})
_GOAL_VERBS = frozenset({"targeted", "aimed"})  # "has targeted 400 villages": still a goal in the perfect


@dataclass(frozen=True)
class StatusCues:
    """The status cue matches of one document."""

    index: CueIndex
    scanner: CueScanner
    #: The word lists (``goal_fates``, ``plan_heads``, ``world_scope_words``, ``unplanned_words``, ...).
    vocab: Vocabulary
    #: The tokens of words of intent ("aims to", "plans to", "target"): a forecaster's attribution gives way to them.
    intents: frozenset[int] = frozenset()
    #: A forecast piece: its lead attributes its figures to a forecaster and no word of intent follows anywhere.
    forecast_piece: bool = False
    #: The sorted positions of ``intents``, and of the word "than" (a compared base follows it): bisected per figure.
    intent_at: tuple[int, ...] = ()
    than_at: tuple[int, ...] = ()
    #: The goal nouns (lexicon ``goal_nouns``): "the 11 TW target" names a goal.
    goal_nouns: frozenset[str] = frozenset()
    #: The list head found for each figure's ``(start, end)`` (:func:`_list_head`), filled as the figures are read in order,
    #: so a later item takes its neighbour's head instead of walking back to the list's first item.
    list_heads: dict[tuple[int, int], int | None] = field(default_factory=dict)
    #: A plan piece (:func:`_plan_piece`): its projections are the plan's own figures, not a forecaster's.
    plan_piece: bool = False
    #: The sorted words of quantities: is there a figure between two words? (bisected, not scanned).
    figure_at: tuple[int, ...] = ()
    #: Where a purpose phrase starts ("in a bid to", lexicon group ``purpose``): intent only for a figure after it.
    purpose_at: frozenset[int] = frozenset()

    @classmethod
    def build(cls, rules: Sequence[CueRule], by_label: Mapping[str, Sequence[Any]], doc: Doc,
              inside: frozenset[int], labels: Labels | None = None,
              goal_nouns: frozenset[str] = frozenset(), sentences: Sequence[Span] | None = None, *,
              vocab: Vocabulary) -> StatusCues:
        """Index the status cue rules' matches; ``inside``: the words of quantities, which hold no cues;
        ``labels``: the cue labels per token, when already known; ``goal_nouns``: lexicon ``goal_nouns``;
        ``sentences``: ``list(doc.sents)`` when the caller has it; ``vocab``: the word lists (lexicon
        ``speech_verbs``: "..., the ministry said", a quoted plan owner; ``plan_heads``: a plan piece's headline)."""
        index = _named_forecasters(doc, index_cues(rules, by_label, STATUS_CATEGORIES, doc, labels))
        intents = {i for hit in by_label.get("TARGET_CUE", ()) if hit.id_ in _INTENT_GROUPS
                   and span_text(doc, hit.start, hit.end).lower() not in _NOT_INTENT for i in range(hit.start, hit.end)}
        intents.update(i for i, matches in index.items()
                       if any(m.rule.category == "target" and m.rule.pattern is not None
                              and m.rule.id not in _NOT_INTENT_RULES for m in matches))
        intents.difference_update(inside)
        thans = tuple(i for i, lower in enumerate(tokens_of(doc).lower) if lower == "than")
        governing = {i for i in _beside_figures(doc, intents, inside, sentences)
                     if not _referred_goal(doc, i, inside, goal_nouns)}
        forecast_piece = _forecast_piece(doc, index, governing, vocab.speech_verbs)
        return cls(index, CueScanner(index, doc, inside), vocab, frozenset(intents), forecast_piece,
                   tuple(sorted(intents)), thans, goal_nouns,
                   plan_piece=not forecast_piece and _plan_piece(doc, index, intents, goal_nouns | vocab.plan_heads),
                   figure_at=tuple(sorted(inside)),
                   purpose_at=frozenset(hit.start for hit in by_label.get("TARGET_CUE", ()) if hit.id_ == _PURPOSE))


#: The groups of the target cue lexicon that state intent; its "modal" group ("will", "is expected to") also
#: carries forecasts. Plan-group phrases that state a rate or an estimate, not an intent, are left out.
_INTENT_GROUPS = frozenset({"aim", "plan", "goal", "purpose"})
_PURPOSE = "purpose"  # "in a bid to": the aim of the action before it, never that action's figure
_NOT_INTENT = frozenset({"every year", "each year", "estimated at", "projected at", "indicative", "requires",
                         "require"})
#: Target rules that name what money is for, not anyone's intent: a forecaster's piece may use them; a bare verb
#: after a comma ("analysts said the utility could, in theory, build 1,000 stations") is only a list's item.
_NOT_INTENT_RULES = frozenset({"money-for-output", "to-be-done-after", "imperative-after-comma",
                               "headline-money-plan"})
#: Rules whose id starts so attribute a figure to a forecaster (patterns/context/attribution.jsonl).
_SOURCE_RULE = "source-"
_INTENT_AFTER = 3  # tokens after a figure that may still name it a goal ("a 6% growth target")


_PERSON_RULE = "person-"  # rules that name a person as a forecaster ("analyst Dana Reyes"): they collect names
_BY_PERSON = "-person"  # attribution rules to a bare name ("..., Reyes said"): they count for collected names
_FORECAST_VERB_RULE = "source-expects-"  # "Economists expect ...": never before "to"
#: Words before a name that make it a place or a time ("In Beijing, local analysts ...", "For Kenya, the ...").
_PLACE_WORDS = frozenset({"in", "at", "for", "on", "to", "from", "of", "across", "near", "by"})


def _placed(doc: Doc, m: Match) -> bool:
    """A person rule's name after a preposition, or led by one ("In Beijing, the analysts ..."): a place."""
    return doc[m.start].lower_ in _PLACE_WORDS or (m.start > 0 and doc[m.start - 1].lower_ in _PLACE_WORDS)


def _named_forecasters(doc: Doc, index: CueIndex) -> CueIndex:
    """The index without the person rules' matches, and with an attribution to a bare name only where the text
    names that person a forecaster ("..., said Dana Reyes, an analyst at ..." then "..., Reyes said")."""
    persons = {doc[k].text for matches in index.values() for m in matches if m.rule.id.startswith(_PERSON_RULE)
               and not _placed(doc, m) for k in range(m.start, m.end)
               if doc[k].is_title and doc[k].is_alpha and not doc[k].is_stop}

    tokens = tokens_of(doc)
    text, lower, like_num, lowercase = tokens.text, tokens.lower, tokens.like_num, tokens.lowercase
    n = len(doc)
    kinds: dict[str, tuple[bool, bool, bool, bool]] = {}  # rule id -> person, source, forecast verb, by person

    def kept(m: Match) -> bool:
        rule_id = m.rule.id
        kind = kinds.get(rule_id)
        if kind is None:
            source = rule_id.startswith(_SOURCE_RULE)
            kind = kinds[rule_id] = (rule_id.startswith(_PERSON_RULE), source,
                                     source and rule_id.startswith(_FORECAST_VERB_RULE),
                                     source and rule_id.endswith(_BY_PERSON))
        person, source, forecast_verb, by_person = kind
        if person:
            return False
        if source:
            if forecast_verb and m.end < n and lower[m.end] == "to":
                return False  # "researchers to see the programme through", "analysts expected to start"
            if m.start > 0 and like_num[m.start - 1] and lowercase[m.start]:
                return False  # "hire 200 analysts": counted, not speaking
        return not by_person or text[m.start] in persons or text[m.end - 1] in persons

    verdicts: dict[int, bool] = {}  # id(match) -> kept(match): a match is indexed at each of its tokens
    filtered: CueIndex = {}
    for i, matches in index.items():
        chosen = []
        for m in matches:
            verdict = verdicts.get(id(m))
            if verdict is None:
                verdict = verdicts[id(m)] = kept(m)
            if verdict:
                chosen.append(m)
        if chosen:
            filtered[i] = chosen
    return filtered


def _beside_figures(doc: Doc, intents: set[int], inside: frozenset[int], sentences: Sequence[Span] | None = None
                    ) -> set[int]:
    """The words of intent that share a sentence with a figure: only they can make one a goal (a forecaster's
    quote that names "its export quota" without a figure leaves the piece a forecast)."""
    if not intents:
        return set()
    figures = sorted(inside)
    starts, ends = [], []
    for sent in doc.sents if sentences is None else sentences:
        starts.append(sent.start)
        ends.append(sent.end)
    kept: set[int] = set()
    for i in intents:
        n = bisect_right(starts, i) - 1
        first = bisect_left(figures, starts[n])  # the first figure word at or after the sentence's start
        if first < len(figures) and figures[first] < ends[n]:
            kept.add(i)
    return kept


#: Words before a goal noun that name a standing or compared goal ("remains above target", "falls to the 2% target").
_REFERENCE_PREPOSITIONS = frozenset({"above", "below", "under", "over", "near", "around", "toward", "towards"})
_REFERENCE_TO = "to"  # "to target 5%" is a verb; "to the 2 percent target" names the goal a forecast reaches
_REFERENCE_GAP = 5  # determiners and figure words between the preposition and the goal noun
_THAN_GAP = 3  # words between "than" and a compared plan word ("than planned", "than the rate envisaged")


def _referred_goal(doc: Doc, i: int, inside: frozenset[int], goal_nouns: frozenset[str]) -> bool:
    """Whether the word of intent at ``i`` only refers to a goal: a goal noun after a preposition of comparison
    ("inflation remains above target", "is projected to fall to the 2 percent target"), or a plan word compared
    after "than" ("growth 0.1 points higher than the rate envisaged"). A forecaster's piece names the standing goal
    it measures against; such words state no intent of the piece's own."""
    lower = tokens_of(doc).lower
    for k in range(i - 1, max(-1, i - _THAN_GAP - 2), -1):
        if lower[k] == "than":
            return True
        if doc[k].is_punct:
            break
    if lower[i] not in goal_nouns:
        return False
    k, between = i - 1, 0
    while k >= 0 and between < _REFERENCE_GAP and (k in inside or lower[k] in DETERMINERS):
        k, between = k - 1, between + 1
    if k < 0:
        return False
    return lower[k] in _REFERENCE_PREPOSITIONS or (lower[k] == _REFERENCE_TO and between > 0)


#: Words before a figure that names a goal ("the 40 GW target", "its 6% growth goal").
_GOAL_DETERMINERS = frozenset({"the", "its", "their", "our", "a", "an", "this", "that"})
_GOAL_NOUN_GAP = 2  # lower-case words between the figure and its goal noun ("6% growth target")


def _named_goal(doc: Doc, start: int, end: int, report_end: int | None, goal_nouns: frozenset[str]) -> int | None:
    """The goal noun that a figure ``start:end`` qualifies after a determiner ("..., the 11 TW target will be
    short", "its 6% growth goal"): the figure is the goal's value when the report word before it (ending at
    character ``report_end``) stands in another clause; "hit its 40 GW target" reports the goal reached.
    Returns the goal noun's token."""
    if start == 0 or doc[start - 1].lower_ not in _GOAL_DETERMINERS or report_end is None:
        return None
    k = start - 2
    while k >= 0 and doc[k].idx >= report_end and doc[k].text not in _CLAUSE_COMMAS:
        k -= 1
    if k < 0 or doc[k].idx < report_end:
        return None  # no clause mark between the report word and the figure
    for k in range(end, min(len(doc), end + _GOAL_NOUN_GAP + 1)):
        if doc[k].lower_ in goal_nouns:
            return k
        if not (doc[k].is_alpha and doc[k].is_lower):
            return None
    return None


_GOAL_OBJECT_GAP = 2  # words between the verb and the figure ("projected a four percent growth target")


def _goal_object(doc: Doc, q: Quantity, cue: Cue, goal_nouns: frozenset[str], fates: frozenset[str],
                 acronyms: frozenset[str] = frozenset()) -> int | None:
    """A past verb right before a figure that a goal noun follows ("the ministry projected four percent growth
    target for 2026", "approved a 12% export goal"): the verb sets the goal, it does not report the figure; a verb
    of a goal's fate (``fates``: lexicons ``goal_fates``, "met its 5% growth target", and ``goal_drops``, "dropped
    the $5 billion FDI goal") does; lexicon ``measure_acronyms`` may stand
    between ("a 2.8 percent GDP growth target"). Returns the goal noun's token."""
    if cue.end is None or (cue.text or "").lower() in fates or " " in (cue.text or ""):
        return None
    gap = [k for k in range(q.start - _GOAL_OBJECT_GAP - 1, q.start) if k >= 0 and doc[k].idx >= cue.end]
    if len(gap) > _GOAL_OBJECT_GAP or any(doc[k].lower_ not in _GOAL_DETERMINERS for k in gap):
        return None
    for k in range(q.end, min(len(doc), q.end + _GOAL_NOUN_GAP + 1)):
        if doc[k].lower_ in goal_nouns:
            return k
        if not (doc[k].is_alpha and (doc[k].is_lower or doc[k].text in acronyms)):
            return None  # "announced a 2.8 percent GDP growth target": a measure's acronym names the goal's measure
    return None


_LEAD_SENTENCES = 3  # the headline, a dateline or byline line, and the first sentence
_PIECE_SENTENCES = 2  # sentences a forecaster's piece attributes to its source, at least
_HEADLINE_RULES = frozenset({"headline-to", "headline-sets-goal"})  # a forecast's headline reads like a plan's


def _forecast_piece(doc: Doc, index: CueIndex, intents: set[int], speech_verbs: frozenset[str]) -> bool:
    """Whether the document is a forecaster's piece: no word of intent stands anywhere but in its headline, and
    either its lead forecasts and two later sentences do too (:func:`_forecast_headline`; an agency that made
    the forecast may speak: "..., the department said"), or no plan owner is quoted ("..., the government said")
    and its lead attributes a statement to a forecaster ("..., said a report by a research firm") and a later
    sentence does too (the piece keeps quoting its source)."""
    if intents and not intents <= _headline_intents(index):
        return False
    if _forecast_headline(doc, index):
        return True
    if _government_speaks(doc, speech_verbs):
        return False  # "..., the government said": a plan owner speaks, its "will" is its plan
    sources = sorted(i for i, matches in index.items() if any(m.rule.id.startswith(_SOURCE_RULE) for m in matches))
    if not sources:
        return False
    attributed = []  # the sentences that attribute something to a forecaster, by their position
    for n, sent in enumerate(doc.sents):
        k = bisect_left(sources, sent.start)
        if k < len(sources) and sources[k] < sent.end:
            attributed.append(n)
    return len(attributed) >= _PIECE_SENTENCES and attributed[0] < _LEAD_SENTENCES


#: Projection rules that a plan piece's own figures use ("GDP is projected to grow 5%", "the ministry is projecting a
#: climb to 6%", "gave projection of growth targets"); a named forecast ("forecast", "predicts") is never the plan's.
_OWN_PROJECTION_RULES = frozenset({"projection", "estimate-verb", "projection-noun", "projected-for",
                                   "projected-heading"})
#: Sources after "according to" that are the plan's own, beside lexicon ``plan_heads`` ("according to the ministry").
_PLAN_SOURCES = frozenset({"ministry", "government", "department", "document", "minister"})
_PROJECTION_STEM = "project"  # "projected", "projecting", "projection": an estimate ("expects") is no plan's


def _plan_piece(doc: Doc, index: CueIndex, intents: set[int], heads: frozenset[str]) -> bool:
    """Whether the document presents a plan: its headline names a plan or a goal (``heads``: lexicons
    ``plan_heads`` and ``goal_nouns``) or states an intent ("13MP: country
    eyes 5.5pct growth", "Development plan unveiled: ..."), and no forecaster is named anywhere (no attribution
    rule). Its "projected" figures are the plan's own."""
    headline = next(iter(doc.sents), None)
    if headline is None:
        return False
    named = any(t.lower_ in heads for t in headline)
    if not named and not any(headline.start <= i < headline.end for i in intents):
        return False
    return not any(m.rule.id.startswith(_SOURCE_RULE) for matches in index.values() for m in matches)


#: Speakers that own a plan ("..., the ministry said", "said the mayor"; their verbs are lexicon ``speech_verbs``).
_PLAN_OWNERS = frozenset({"government", "ministry", "minister", "mayor", "council", "authority", "department",
                          "governor", "cabinet", "administration"})


def _government_speaks(doc: Doc, speech_verbs: frozenset[str]) -> bool:
    """Whether a plan owner is quoted anywhere ("..., the government said", "said the mayor")."""
    tokens = tokens_of(doc)
    lower = tokens.lower
    for k in tokens.where(lambda row: row.lower_ in _PLAN_OWNERS):
        if k + 1 < len(lower) and lower[k + 1] in speech_verbs:
            return True
        if k >= 2 and lower[k - 1] == "the" and lower[k - 2] in speech_verbs:
            return True
    return False


#: Forecast cue rules ("X forecasts ...", "is projected to", "its projection for").
_FORECAST_RULES = frozenset({"forecast", "projects-figure", "has-projected-that", "projection", "projection-noun",
                             "projected-for", "forecast-adjective", "forecast-adjective-before", "forecast-period"})


def _forecast_headline(doc: Doc, index: CueIndex) -> bool:
    """A headline, or another sentence of the lead, that forecasts ("Commission forecasts modest recovery for the
    euro area", "According to the latest ... forecast, ...") over a body that forecasts again in at least two more
    sentences: an outlook piece, whoever its forecaster is."""
    sentences = iter(doc.sents)
    for _ in range(_LEAD_SENTENCES):
        headline = next(sentences, None)
        if headline is None:
            return False
        if _has_rule(index, headline.start, headline.end, _FORECAST_RULES):
            break
    else:
        return False
    later = 0
    for sent in sentences:
        later += _has_rule(index, sent.start, sent.end, _FORECAST_RULES)
        if later >= _PIECE_SENTENCES:
            return True
    return False


def _has_rule(index: CueIndex, start: int, end: int, rules: frozenset[str]) -> bool:
    return any(m.rule.id in rules for i in range(start, end) for m in index.get(i, ()))


def _headline_intents(index: CueIndex) -> frozenset[int]:
    """The tokens of a headline's plan words ("Freight spending to climb to ..."): a forecast's headline has them."""
    return frozenset(i for i, matches in index.items() if any(m.rule.id in _HEADLINE_RULES for m in matches))


def _gives_way(q: Quantity, match: Match, sent: Span, cues: StatusCues) -> bool:
    """A forecaster's attribution yields to a word of intent in the figure's clause: before the figure (back to
    the attribution, or to the sentence start when the attribution follows), or just after it. "The government
    aims to cut the deficit to 3%, analysts said" reports a plan, not the analysts' forecast."""
    if not match.rule.id.startswith(_SOURCE_RULE):
        return False
    if match.end <= q.start and _own_plan(sent.doc, match.end, q.start):
        return True  # "the institute said it will train 500 researchers": the speaker's own plan
    if not cues.intents:
        return False
    low = match.end if match.end <= q.start else sent.start
    high = min(sent.end, q.end + _INTENT_AFTER, match.start if match.start >= q.end else sent.end)
    return within(cues.intent_at, low, q.start) or within(cues.intent_at, q.end, high)


def status(doc: Doc, sent: Span, q: Quantity, cues: StatusCues, own: Found | None, published: date | None,
           goals: Span | None, inside: frozenset[int], *, inferred: bool = False) -> tuple[str, Cue]:
    """"target" or "actual" for quantity ``q``, with the rule and words that decided it.

    ``published`` is the publication date, or with ``inferred`` the floor read from an
    undated text (:mod:`plancli.statements.docdate`). In a forecaster's piece (:func:`_forecast_piece`) every
    figure is a forecast or a report (``forecast-piece``).
    """
    found = _status(doc, sent, q, cues, own, published, goals, inside, inferred=inferred)
    if found[0] == "target" and cues.forecast_piece:
        return "actual", Cue("forecast-piece")
    return found


def _status(doc: Doc, sent: Span, q: Quantity, cues: StatusCues, own: Found | None, published: date | None,
            goals: Span | None, inside: frozenset[int], *, inferred: bool = False) -> tuple[str, Cue]:
    if own is not None and published is not None and own[1].end < published.isoformat() \
            and not _closing_fiscal_year(own, published) \
            and not _dates_the_setting(doc, own, cues.vocab.setting_participles):
        rule = "deadline-before-report-year" if inferred else "deadline-past"
        return "actual", _cue(doc, rule, own[0].start, own[0].end)  # "in 2022"
    if q.unit_type == "count" and q.unit in cues.vocab.plan_item_units:
        # "met the targets for 38 of the 51 indicators", "There are 8 goals": counts a plan's parts, no goal's value
        return "actual", _cue(doc, "counts-plan-items", q.start, q.end)
    baseline = is_baseline_value(doc, q.start)
    if baseline is None:
        baseline = _from_determiner(doc, sent, q.start, inside)
    if baseline is None:
        baseline = _from_list(doc, sent, q.start, inside)
    if baseline is not None:
        return "actual", _cue(doc, "baseline-value", baseline, q.start)  # "up from 14.8 GW today"
    if goals is not None and progress_leadin(doc, doc[goals.start].sent.start, goals.end, cues.vocab.progress_words):
        goals = None  # "A breakdown of programme progress includes:": its items report, each by its own words
    own_words = _not_target_within(q, sent, cues) or _not_target_in_reach(q, sent, cues, inside)
    if own_words is not None and not (goals is not None and own_words.start >= q.end and _ahead(own, published)):
        # "capped at Rs 5 lakh", "is projected to", "per watt": never a goal; but under a goals lead-in, a
        # state the item is to reach by a date ahead ("- Have 5 GW under construction by 2027") is the goal.
        attributed = any(m.rule.id.startswith(_SOURCE_RULE) for k in range(sent.start, sent.end)
                         for m in cues.index.get(k, ()))
        own_goal = _owner_foresees(doc, sent, own_words, cues.vocab, attributed)
        if own_goal is not None:  # "New plan predicts income to reach $12,500", "Our cement arm is on track to reach"
            return "target", _cue(doc, own_goal, own_words.start, own_words.end)
        return "actual", _cue(doc, own_words.rule.id, own_words.start, own_words.end)
    if goals is not None:  # the lead-in's words up to its colon, at most eight tokens
        return "target", _cue(doc, "goals-leadin", max(goals.sent.start, goals.end - 8), goals.end)
    named = _goal_participle_after(q, cues)
    if named is not None and named.rule.id == _TO_BE_DONE_RULE and not _governs(q, sent, cues):
        named = None  # "wind can be added sooner ..., the plan allows for 6 TWh to be generated": no verb of its own
    done = next((m for m in cues.index.get(q.end, ()) if m.rule.id == _ALREADY_DONE_RULE and m.start == q.end), None)
    if done is not None:  # "the plan doubles the 50 million trees already planted each year": done, not the goal
        return "actual", _cue(doc, done.rule.id, done.start, done.end)
    if named is not None:  # "half of the 40 million visitors targeted by the strategy": the figure is the goal
        return "target", _cue(doc, named.rule.id, named.start, named.end)
    floor = _relative_clause_start(doc, sent, q)
    before = _cue_before(doc, sent, q, cues, inside, floor, _list_head(doc, sent, q.start, q.end, inside,
                                                                                       cues.list_heads))
    if before is not None:
        if before[0] == "actual" and _ahead(own, published) \
                and (_forward_looking(own) or (_starts_ahead(own, published) and before[1].rule in _REPORT_RULES)
                     or (_wholly_ahead(own, published) and _reaching(before[1], cues.vocab.goal_fates))) \
                and not _quantity_between(q, own, cues.figure_at) and not _goal_year(doc, q, own, cues.goal_nouns) \
                and not _span_taken(own, before[1], cues.vocab.past_changes, cues.vocab.goal_fates):
            return "target", _cue(doc, "own-future-deadline", own[0].start, own[0].end)  # type: ignore[index]
        if before[0] == "actual" and _money_to_use(doc, q, before[1]):
            return "target", _cue(doc, _MONEY_TO_USE_RULE, q.end, q.end + 2)  # "has £5 billion to invest"
        noun = _named_goal(doc, q.start, q.end, before[1].end, cues.goal_nouns) if before[0] == "actual" else None
        if noun is not None:  # "last year's pace ... the 11 TW target will be missed": the figure is the goal's
            return "target", _cue(doc, "figure-names-goal", q.start - 1, noun + 1)
        noun = (_goal_object(doc, q, before[1], cues.goal_nouns, cues.vocab.goal_fates | cues.vocab.goal_drops,
                             cues.vocab.measure_acronyms) if before[0] == "actual"
                else None)
        if noun is not None:  # "the ministry projected a 4 percent growth target for 2026": a goal set, not a report
            return "target", _cue(doc, "verb-sets-goal", q.start, noun + 1)
        own_report = _own_report_after(doc, q, before[1], cues, sent) if before[0] == "target" else None
        if own_report is not None:
            # "of the goal to deliver 260,000 homes, 259,038 units have already been assigned": its own verb reports
            return "actual", _cue(doc, own_report.rule.id, own_report.start, own_report.end)
        return before
    after = next((a for a in cues.scanner.after(q.end, sent.end) if a[1].start not in cues.purpose_at
                  and (a[1].rule.id != _HEADLINE_PLAN_RULE
                       or (q.unit_type == "currency"  # "Council scraps $87B climate strategy": no live plan
                           and not any(t.lower_ in cues.vocab.goal_drops for t in sent)))), None)
    if after is not None and _status_of(after[1]) == "actual":
        participle = after[1].rule.category == "actual" and after[1].start - q.end <= _PARTICIPLE_GAP
        if participle and own is not None and _ahead(own, published) \
                and 0 <= own[0].start - after[1].end <= _PARTICIPLE_GAP \
                and (_wholly_ahead(own, published) or _forward_looking(own)):
            # "ensure 1.5 million homes get built by 2031", "300,000 homes built over the next decade"
            return "target", _cue(doc, "own-future-deadline", own[0].start, own[0].end)  # type: ignore[index]
        return "actual", _cue(doc, after[1].rule.id, after[1].start, after[1].end)  # "2.9 GW ... was added"
    if own is not None and published is not None and _ending_fiscal_year(own, published) \
            and not _by_deadline(doc, own):
        # a budget summary's "+$5.2 bn in FY24" weeks before that year ends: the year's estimate, not a goal
        return "actual", _cue(doc, "fiscal-year-ending", own[0].start, own[0].end)
    if own is not None and (published is None or own[1].end >= published.isoformat()) \
            and not _relative_clause_deadline(doc, q, own, cues.figure_at):
        return "target", _cue(doc, "deadline-future", own[0].start, own[0].end)
    heading = _goal_column_heading(doc, q)
    if heading is not None:
        return "target", Cue("goals-heading-row", doc_text(doc)[heading[0]:heading[1]], heading[0], heading[1])
    if after is not None:
        return "target", _cue(doc, after[1].rule.id, after[1].start, after[1].end)
    return "actual", Cue("default-actual")


def dates_a_past_setting(doc: Doc, own: Found | None, published: date | None, participles: frozenset[str]) -> bool:
    """Whether the figure's own date is past and dates the setting of its goal ("the scheme was notified in March
    2021 with an outlay of ..."): no deadline of that goal, so a target never keeps it."""
    return own is not None and published is not None and own[1].end < published.isoformat() \
        and _dates_the_setting(doc, own, participles)


def _dates_the_setting(doc: Doc, own: Found, participles: frozenset[str]) -> bool:
    """A past year right after a participle of setting a goal ("... was a campaign promise made by the government in
    2022", "the quota set in 2019"): it dates the promise, so the figure is not a past report."""
    k = own[0].start - 1
    if k >= 0 and doc[k].lower_ in participles:
        return True
    # "made by the provincial government in 2022": the participle's agent between them
    for j in range(k, max(-1, k - 6), -1):
        if doc[j].lower_ == "by" and j > 0 and doc[j - 1].lower_ in participles:
            return True
        if doc[j].is_punct:
            return False
    return False


_FISCAL_GRACE_DAYS = 92  # a country's fiscal or crop year may end up to a quarter later than the one assumed
_ENDING_DAYS = 62  # a fiscal year this close to its end has its figures estimated, no longer aimed at


def _fiscal_year_end(own: Found) -> date | None:
    """The last day of the deadline when it is one fiscal or crop year not run from January ("FY24", "the 2019-20
    crop year"), else None."""
    start, end = own[1].start, own[1].end
    if start is None or end is None or start[5:] == "01-01" or end[5:] == "12-31":
        return None  # a calendar period
    ended = date.fromisoformat(end)
    return ended if (date.fromisoformat(start).replace(year=ended.year) - ended).days == 1 else None


def _closing_fiscal_year(own: Found, published: date) -> bool:
    """A fiscal or crop year read as April to March that ended less than a quarter before publication: its end
    month differs by country (June in Bangladesh, July to June for crops in India), so its figures are not yet past
    ("the export target for FY24 stands at $62 billion")."""
    ended = _fiscal_year_end(own)
    return ended is not None and (published - ended).days <= _FISCAL_GRACE_DAYS


def _ending_fiscal_year(own: Found, published: date) -> bool:
    """The deadline is one fiscal year that ends within two months after publication ("FY24" in a budget
    published in February 2024): the year is nearly over."""
    ended = _fiscal_year_end(own)
    return ended is not None and 0 <= (ended - published).days <= _ENDING_DAYS


#: Words before a fiscal year that make it an aim ("by end FY2021") or a comparison's base ("over the revised
#: estimates for 2023-24"), not the year the figure is for.
_NOT_OWN_YEAR = frozenset({"by", "until", "till", "over", "than", "from", "versus", "against", "compared"})


def _by_deadline(doc: Doc, own: Found) -> bool:
    """The fiscal year is led, within five words of its clause, by an aim's "by" or a comparison's "over"."""
    for k in range(own[0].end - 1, max(-1, own[0].start - 6), -1):
        if k < own[0].start and doc[k].is_punct:
            return False
        if doc[k].lower_ in _NOT_OWN_YEAR:
            return True
    return False


_BASE_DETERMINERS = frozenset({"the", "its", "their", "last", "this", "that"})


def _from_determiner(doc: Doc, sent: Span, start: int, inside: frozenset[int]) -> int | None:
    """The starting point of a change named with a determiner, after the change's own figure ("up 12 percent
    from the $4.1 billion earned last year", "a 9% increase from its 30% share"): an actual. Without a figure
    shortly before "from", the phrase names a source ("paid from the $3bn fund"). Returns the "from" token."""
    if start - 2 < sent.start or doc[start - 2].lower_ != "from" or doc[start - 1].lower_ not in _BASE_DETERMINERS:
        return None
    if not any(k in inside for k in range(max(sent.start, start - 6), start - 2)):
        return None
    return start - 2


_FROM_LIST_JOINERS = frozenset({",", "and", "respectively"})


def _from_list(doc: Doc, sent: Span, start: int, inside: frozenset[int]) -> int | None:
    """A later item of the starting points of a change in a list ("will increase from $7.6 billion, $9.5 billion
    and $5.6 billion, respectively, to ..."): an actual like the first. Returns the "from" token."""
    k = start - 1
    crossed = False
    while k > sent.start and (k in inside or doc[k].lower_ in _FROM_LIST_JOINERS):
        crossed = crossed or k in inside
        k -= 1
    return k if crossed and doc[k].lower_ == "from" else None


#: Rules right after the figure that name it a goal: "the 40 million visitors targeted by ...", "trees to be planted".
_TO_BE_DONE_RULE = "to-be-done-after"
_ALREADY_DONE_RULE = "already-done-after"  # "the 50 million trees already planted": a report after the figure
_GOAL_PARTICIPLE_RULES = frozenset({"goal-participle-after", _TO_BE_DONE_RULE})
_GOVERNING_GAP = 2  # words between a report verb and the figure it governs ("announces 1.5 million more trees")


#: Verbs that take an object and "to be" as a finding, not a plan: "found 1,400 factories to be compliant",
#: "reported 2,000 cases to be resolved in March".
_FINDING_VERBS = frozenset({"found", "finds", "reported", "reports", "showed", "shown", "proved", "considered",
                            "believed", "estimated"})


def _governs(q: Quantity, sent: Span, cues: StatusCues) -> bool:
    """Whether the nearest cue before the figure is its own verb, right before it ("announces 40 more cranes to be
    installed"), and not a verb of finding ("found 1,400 factories to be compliant"): a passive infinitive after
    the figure outranks only that verb."""
    before = next(cues.scanner.before(q.start, sent.start), None)
    if before is None or q.start - before[1].end > _GOVERNING_GAP:
        return False
    doc = sent.doc
    first = max(sent.start, q.start - _GOVERNING_GAP - 1)
    return not any(doc[i].lower_ in _FINDING_VERBS for i in range(first, q.start))


def _goal_participle_after(q: Quantity, cues: StatusCues) -> Match | None:
    """A goal participle right after the figure ("the 40 million visitors targeted by ..."): it names the figure a
    goal, and outranks a report verb before it ("representing half of the ...")."""
    return next((m for m in cues.index.get(q.end, ()) if m.rule.id in _GOAL_PARTICIPLE_RULES and m.start == q.end),
                None)


def _not_target_within(q: Quantity, sent: Span, cues: StatusCues) -> Match | None:
    """A ``not_target`` cue among the quantity's own words (its comparator), unless a rule of a change's end level
    holds it after a plan word ("are to be reduced to a maximum of 85 million tons"; "speed is reduced to a
    maximum of 30 km/h" is a rule in force, a cap)."""
    for i in range(q.start, q.end):
        matches = cues.index.get(i, ())
        if any(m.rule.id == _AT_MOST_RULE and _future(m, sent, cues) for m in matches):
            return None
        for match in matches:
            if match.rule.category == "not_target" and match.start == q.start and match.rule.id != _TOTAL_RULE:
                return match
    return None


_TOTAL_RULE = "total-of-part"  # "65 of 70 programmes": it names the whole after the part, never the part itself
_AT_MOST_RULE = "reduced-to-at-most"  # "reduced to a maximum of": the level a change is to reach, not a cap


def _not_target_in_reach(q: Quantity, sent: Span, cues: StatusCues, inside: frozenset[int] = frozenset()
                         ) -> Match | None:
    """The nearest ``not_target`` cue that reaches the quantity from either side: it outranks plan words. A cue in
    the "from X ..." part of a change qualifies its starting point ("from 65% in the existing plan to 80%"), and
    today's level gives way where its words name a period ("20 percent for the current fiscal year")."""
    doc = sent.doc
    for walk in (cues.scanner.before(q.start, sent.start), cues.scanner.after(q.end, sent.end)):
        for i, match in walk:
            if match.rule.category != "not_target" or _future(match, sent, cues) \
                    or _plan_projection(match, sent, cues) or _names_period(doc, match, cues.vocab) \
                    or (i < q.start and _in_start_phrase(doc, sent, q, i, inside)) \
                    or (match.rule.id == _PER_UNIT_RULE and q.unit_type == "percent"):
                continue  # "cut emissions 40% per kWh": an intensity, not a money rate per unit
            if _compared_base(q, match, cues):
                break  # and so is every cue farther on
            if match.end <= q.start and _own_clause_intent(doc, match, q, cues):
                continue  # "X has forecast that ..., and the government aims to cut the deficit to 3%": its own clause
            if _plan_acts_on(q, match, sent, cues):
                continue  # "will tap the technical potential of 12 GW", "equip 500 schools with at least 10 PCs"
            if _hedged_goal(q, match, sent, cues):
                continue  # "the plan to reach 3 million tonnes by 2031 could boost growth": the hedge is the plan's
            if _gives_way(q, match, sent, cues):
                if match.rule.id.startswith(_SOURCE_RULE):
                    break  # a farther attribution's clause holds the same word of intent
                continue
            return match
    return None


_HEDGE_RULE = "hedge"  # "could", "might": a forecast's hedge
_HEDGED_GOAL_REACH = 4  # tokens before a figure in which a word of intent makes it the object of a goal


def _hedged_goal(q: Quantity, match: Match, sent: Span, cues: StatusCues) -> bool:
    """A hedge after a figure that a word of intent just before it names a goal ("its plan to reach 3 million
    tonnes by 2031 could lift growth", "the target of 40 GW might be missed"): the hedge speaks of the goal's
    fate or effect, the figure stays the goal. A participle ("investors aiming to buy 20% ... could") is a third
    party's wish, not a goal."""
    if match.rule.id != _HEDGE_RULE or match.start < q.end:
        return False
    doc, at = sent.doc, cues.intent_at
    k = bisect_left(at, max(sent.start, q.start - _HEDGED_GOAL_REACH))
    while k < len(at) and at[k] < q.start:
        if not doc[at[k]].lower_.endswith("ing") and not (at[k] - 1 in cues.intents
                                                           and doc[at[k] - 1].lower_.endswith("ing")):
            return True
        k += 1
    return False


_THRESHOLD_WITH_RULE = "threshold-with"  # "firms with more than 250 staff": a size that makes a rule apply
_GIVEN_REACH = 4  # tokens before a threshold's noun ("provide 1,000 households with") that may hold a giving verb


def _own_clause_intent(doc: Doc, match: Match, q: Quantity, cues: StatusCues) -> bool:
    """A word of intent between a cue before the figure and the figure, past a clause break after the cue ("has
    forecast that growth will reach 5%, while the minister pledged to build 200 hospitals"): a clause of its own."""
    if match.rule.id.startswith(_SOURCE_RULE):
        return False
    k = bisect_left(cues.intent_at, q.start) - 1
    return k >= 0 and cues.intent_at[k] >= match.end \
        and any(doc[j].text in _CLAUSE_COMMAS for j in range(match.end, cues.intent_at[k]))


_HEADLINE_PLAN_RULE = "headline-money-plan"  # "Council approves $87B climate strategy": a plan's money, its goal
#: "predicts", "has forecast that", "anticipates the creation of": a plan may foresee its own figures.
_FORESEE_RULES = frozenset({"forecast", "forecast-that", "estimate-verb"})
_ON_TRACK_RULE = "on-track"  # "is on track to reach": someone's assessment of progress
_FIRST_PERSON = frozenset({"we", "our", "us"})  # "Our cement business is on track to": the owner speaks of its goal
_SUBJECT_REACH = 3  # tokens before a plan noun that may hold a preposition ("a review of the plan"): its object


def _owner_foresees(doc: Doc, sent: Span, match: Match, words: Vocabulary,
                    attributed: bool = False) -> str | None:
    """The rule naming a goal when a plan or the goal's owner foresees the figure itself: a plan noun as the forecast
    verb's subject, right before it ("New plan predicts per capita income to reach $12,500", lexicon ``plan_heads``;
    not "an analysis of the plan predicts"), or a speaker's own "on track to" whose subject the first person is
    ("Our mills are on track to reach 90 million tonnes"; not "We believe the country is on track", nor in a sentence
    ``attributed`` to a forecaster); else None."""
    if match.rule.id in _FORESEE_RULES and doc[match.start].lower_ in _PRESENT_FORECASTS:
        head = match.start - 1
        if head > sent.start and (doc[head].like_num or doc[head].text == ")"):
            head -= 1  # "The 2026-2030 plan (2030) predicts"
        if head >= sent.start and doc[head].lower_ in words.plan_heads \
                and not any(doc[k].lower_ in _OBJECT_PREPOSITIONS
                            for k in range(max(sent.start, head - _SUBJECT_REACH), head)):
            return "plan-foresees"
    if match.rule.id == _ON_TRACK_RULE and not attributed and _first_person_subject(doc, sent, match.start):
        return "owner-on-track"
    return None


_OBJECT_PREPOSITIONS = frozenset({"of", "on", "about", "into", "from"})  # "a review of the plan": not its subject
_OWNER_REACH = 5  # tokens before "on track" that hold its subject ("Our steel business is also")
_SUBJECT_BREAKS = frozenset({"the", "a", "an", "this", "that", "its", "their"})  # a new subject's determiner


def _first_person_subject(doc: Doc, sent: Span, start: int) -> bool:
    """Whether "we/our/us" is the subject of the "on track" at ``start``: within a few tokens before it, with no
    determiner, punctuation or other word of a new subject between ("We believe the country is on track": no)."""
    for k in range(start - 1, max(sent.start, start - _OWNER_REACH) - 1, -1):
        if doc[k].lower_ in _FIRST_PERSON:
            return True
        if doc[k].lower_ in _SUBJECT_BREAKS or doc[k].is_punct:
            return False
    return False


#: A plan's own words, not a reported forecast ("the plan anticipates", "the budget expects a revenue of").
_PRESENT_FORECASTS = frozenset({"predicts", "forecasts", "projects", "anticipates", "expects", "estimates"})


def _plan_acts_on(q: Quantity, match: Match, sent: Span, cues: StatusCues) -> bool:
    """A plan acting on what a ``not_target`` cue names: a plan word before a potential ("will tap the technical
    potential of 12 GW"), a verb of giving before a "with" phrase ("equip 500 schools with at least 10 computers")."""
    if match.rule.id in _POTENTIAL_RULES:
        return _future_before(q, match, sent, cues)
    return match.rule.id == _THRESHOLD_WITH_RULE and _given_with(sent.doc, match, cues)


def _given_with(doc: Doc, match: Match, cues: StatusCues) -> bool:
    """A verb of giving before the noun of a "with" phrase (lexicon ``giving_verbs``): the phrase is what is given."""
    return any(doc[k].lower_ in cues.vocab.giving_verbs for k in range(max(0, match.start - _GIVEN_REACH), match.start))


_POTENTIAL_RULES = frozenset({"potential-of", "potential-after"})  # "a technical potential of 40 GW"
_POTENTIAL_REACH = 4  # tokens before a potential or its figure in which a plan word acts on it


def _future_before(q: Quantity, match: Match, sent: Span, cues: StatusCues) -> bool:
    """A plan word just before the figure or its potential cue ("aims to develop 10 GW of untapped potential",
    "will tap the technical potential of 12 GW"): a plan acts on the potential, the figure is its goal."""
    start = min(q.start, match.start)
    return any(m.rule.category == "target" for k in range(max(sent.start, start - _POTENTIAL_REACH), start)
               for m in cues.index.get(k, ()))


def _names_period(doc: Doc, match: Match, words: Vocabulary) -> bool:
    """Today's level whose words name a period, not a level ("the current fiscal year", "the existing plan period"):
    lexicons ``time_words`` and ``period_qualifiers``."""
    return match.rule.id == _CURRENT_RULE and any(
        doc[k].lower_ in words.time_words or doc[k].lower_ in words.period_qualifiers
        for k in range(match.start + 1, min(match.end + 1, len(doc))))


_CURRENT_RULE = "current-level"  # "the current levy of 4 per cent on fuel": today's level
_PER_UNIT_RULE = "per-unit-rate"  # "Rs 20,000 per household": a money rate per unit, an instrument in force


def _plan_projection(match: Match, sent: Span, cues: StatusCues) -> bool:
    """A projection in a plan piece ("exports are projected to double to $45 billion"): the plan's own figure, unless
    its sentence speaks of the world ("global demand is projected to ...": lexicons ``world_scope_words``,
    ``unplanned_words`` unless ``own_market_words`` follows)."""
    if not cues.plan_piece or match.rule.id not in _OWN_PROJECTION_RULES:
        return False
    doc, words = sent.doc, cues.vocab
    if not any(doc[k].lower_.startswith(_PROJECTION_STEM) for k in range(match.start, match.end)):
        return False
    if any(doc[k].lower_ == "according" and doc[k + 1].lower_ == "to"
           and not any(doc[n].lower_ in _PLAN_SOURCES or doc[n].lower_ in words.plan_heads
                       for n in range(k + 2, min(k + 5, sent.end)))
           for k in range(sent.start, sent.end - 1)):
        return False  # "..., according to the central bank": someone else's figure
    return not any(doc[k].lower_ in words.world_scope_words or (doc[k].lower_ in words.unplanned_words and not (
        k + 1 < sent.end and doc[k + 1].lower_ in words.own_market_words)) for k in range(sent.start, match.start))


def _compared_base(q: Quantity, match: Match, cues: StatusCues) -> bool:
    """A cue after "than" that follows the quantity describes the base it is compared with ("raise output
    30 percent higher than what was achieved last year"), not the quantity itself."""
    return match.start >= q.end and within(cues.than_at, q.end, match.start)


def _future(match: Match, sent: Span, cues: StatusCues) -> bool:
    """A plan word just before the cue ("to be disbursed", "will be allocated"): a plan, not a report."""
    return any(m.rule.category == "target" and m is not match
               for k in range(max(sent.start, match.start - 2), match.start) for m in cues.index.get(k, ()))


_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})
_OWN_PLAN_VERBS = frozenset({"will", "would", "'ll", "’ll", "plans", "plan", "aims", "aim", "intends", "intend"})


_REPORT_VERBS = frozenset({"shows", "showed", "says", "said", "states", "stated", "notes", "noted", "indicates"})


def _own_plan(doc: Doc, after: int, end: int) -> bool:
    """The speaker as the subject of a plan right after the attribution ("said (that) it will", "say they plan",
    "the fund's report shows it will invest")."""
    k = after + 1 if after < end and doc[after].lower_ in _REPORT_VERBS else after
    k = k + 1 if k < end and doc[k].lower_ == "that" else k
    return k + 1 < end and doc[k].lower_ in _SPEAKER_PRONOUNS and doc[k + 1].lower_ in _OWN_PLAN_VERBS


def _relative_clause_start(doc: Doc, sent: Span, q: Quantity) -> int:
    """Where the quantity's clause starts for the left cue scan: after the comma of "..., 60% of which ..."."""
    if q.end + 1 < sent.end and doc[q.end].lower_ == "of" and doc[q.end + 1].lower_ in ("which", "whom"):
        for k in range(q.start - 1, sent.start - 1, -1):
            if doc[k].text in (",", "—", "–", "(", ";"):
                return k + 1
    return sent.start


def _ahead(own: Found | None, published: date | None) -> bool:
    return own is not None and published is not None and own[1].end >= published.isoformat()


_FORWARD_PERIODS = ("over the next", "in the next", "within the next", "over the coming", "in the coming",
                    "during the next", "within", "between now and", "from now")


_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def _relative_clause_deadline(doc: Doc, q: Quantity, own: Found, figure_at: Sequence[int]) -> bool:
    """The deadline dates a relative clause after the figure that holds a figure of its own ("$236 million for a
    grid project, which will install 1,500 reclosers by the end of 2027"): it dates the project's output, so it
    alone makes no goal of the money."""
    return _quantity_between(q, own, figure_at) \
        and not _RELATIVE_PRONOUNS.isdisjoint(tokens_of(doc).lower[q.end:own[0].start])


def _quantity_between(q: Quantity, own: Found | None, figure_at: Sequence[int]) -> bool:
    """Another quantity stands between ``q`` and its period ("$4 billion ... with 179 deals ... 750,000 homes
    over the next decade"): the period is that nearer quantity's."""
    if own is None:
        return False
    k = bisect_left(figure_at, q.end)  # ``figure_at``: the sorted words of quantities
    return k < len(figure_at) and figure_at[k] < own[0].start


def _goal_year(doc: Doc, q: Quantity, own: Found | None, goal_nouns: frozenset[str]) -> bool:
    """An own deadline that is a goal's year before the figure ("halfway to the 2020 objective; France has reached
    7 percent"): the figure reports progress towards that goal, it is not the goal."""
    if own is None or own[0].end > q.start:
        return False
    named = {doc[own[0].end - 1].lower_, doc[own[0].end].lower_ if own[0].end < len(doc) else ""}
    return bool(named & goal_nouns) or any(doc[k].text in (";", "；") for k in range(own[0].end, q.start))


def _wholly_ahead(own: Found | None, published: date | None) -> bool:
    """An own deadline that starts after publication, or is a bare end ("by the end of 2026"): a figure for it
    cannot be a report, whatever the tense of a poor translation ("by the end of 2026, racks reached 30,000")."""
    return own is not None and published is not None \
        and (own[1].start is None or own[1].start > published.isoformat())


_MONEY_TO_USE_RULE = "money-to-use"


def _money_to_use(doc: Doc, q: Quantity, cue: Cue) -> bool:
    """Money held for a purpose right after it ("the fund has £5.8 billion to invest in clean power"): the verb
    "has" reports no fact, the money is still to be spent."""
    return cue.text is not None and cue.text.lower() in _PERFECT and q.unit_type == "currency" \
        and cue.end is not None and 0 <= doc[q.start].idx - cue.end <= 1 \
        and q.end + 1 < len(doc) and doc[q.end].lower_ == "to" and doc[q.end + 1].is_alpha and doc[q.end + 1].is_lower \
        and doc[q.end + 1].lower_ not in DETERMINERS and doc[q.end + 1].lower_ not in _NOT_VERB_AFTER_TO


#: Words after "to" that are no verb's base form: "has $5 billion to date", "to its name", "to whom".
_NOT_VERB_AFTER_TO = frozenset({"date", "my", "your", "whom", "which", "what", "spare", "hand"})


def _starts_ahead(own: Found | None, published: date | None) -> bool:
    """An own period of several years whose named start is after publication ("from 2026 to 2030" in a 2025
    article): no report word makes a figure for it a fact ("the bank has tripled its green lending to 30 billion
    euros from 2026 to 2030"); a single year ("in 2030") may be a forecast's."""
    return own is not None and published is not None and own[1].start is not None \
        and own[1].start > published.isoformat() and own[1].start[:4] < own[1].end[:4] \
        and _fiscal_year_end(own) is None


#: The rules of plain report words ("has", "reached", "built"); a forecast's or an instrument's rule is not one.
_REPORT_RULES = frozenset({"actual-cue", "past-tense-verb", "irregular-past-verb"})


_PARTICIPLE_GAP = 2  # tokens between a figure and the participle that describes it ("homes get built")
_STANDING = frozenset({"stands at", "stand at", "stood at"})  # "X stands at $17 billion in 2025" (written in 2021)


def _reaching(cue: Cue, goal_fates: frozenset[str]) -> bool:
    """A past verb of reaching a level ("reached", "exceeded"): with a date ahead, a translation's goal."""
    text = (cue.text or "").lower()
    return text in goal_fates or text in _STANDING  # lexicon ``goal_fates``: "reached", "exceeded", "topped"


_AHEAD_WITHIN = ("within the next", "within the coming", "within next")


def _span_taken(own: Found | None, cue: Cue, past_changes: frozenset[str], goal_fates: frozenset[str]) -> bool:
    """A bare "within <period>" after a past verb (lexicon ``past_changes``, or another "-ed" verb) is how long
    the change took ("sales grew 30 percent within a decade", "built 2,000 homes within five years"), not a period
    ahead; "within the next decade" stays ahead."""
    if own is None:
        return False
    when = own[0].text.lower()
    if not when.startswith("within ") or when.startswith(_AHEAD_WITHIN):
        return False
    word = (cue.text or "").lower().rsplit(" ", 1)[-1]
    return word in past_changes or (word.endswith("ed") and word not in goal_fates)


def _forward_looking(own: Found | None) -> bool:
    """An own deadline that looks ahead ("over the next three years") beats "already" or a progressive report."""
    return own is not None and own[0].text.lower().startswith(_FORWARD_PERIODS)


_PARTICIPLES = frozenset({"sold", "built", "made", "bought", "grown", "paid", "spent", "held", "sent", "kept"})
_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "across", "abroad", "overseas", "worldwide", "domestically",
                                 "locally", "nationwide"})


def _adjective(doc: Doc, i: int, inside: frozenset[int]) -> bool:
    """A participle right before a content word ("installed capacity", "sanctioned projects") is an adjective;
    so is an irregular one right after a plural noun and before a place ("vehicles sold in the US")."""
    word, nxt = doc[i], doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or nxt.i in inside:
        return False
    prev = doc[i - 1] if i > 0 else None
    if (word.lower_ in _PARTICIPLES and nxt.lower_ in _PLACE_PREPOSITIONS and prev is not None
            and prev.is_alpha and prev.is_lower and not prev.is_stop and prev.lower_.endswith("s")):
        return True  # a reduced relative clause, not the sentence's report verb
    return (word.lower_.endswith("ed") and nxt.is_alpha
            and nxt.is_lower and not nxt.is_stop and not nxt.lower_.endswith("ly"))


def _in_start_phrase(doc: Doc, sent: Span, q: Quantity, cue: int, inside: frozenset[int]) -> bool:
    """A report word inside the "from X ..." part of a change whose end value ``q`` follows "to": it dates
    the starting point, not the end value ("lift output from 612,000 last year to 1.1 million")."""
    if q.start - 1 <= sent.start or doc[q.start - 1].lower_ != "to":
        return False
    for k in range(cue - 1, max(sent.start, cue - 8) - 1, -1):
        if doc[k].lower_ == "from":
            return any(j in inside for j in range(k + 1, cue))
        if doc[k].lower_ in ("to", ",", ";") or (k in inside and k + 1 < len(doc) and doc[k + 1].lower_ == "to"):
            return False
    return False


#: A figure other than a year ("32 million", "25%"): a line that states one is a sentence, not a column heading.
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per\s?cent|million|billion|mln|bn)|(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)?(?![\d-])",
                     re.IGNORECASE)
_LIST_NUMBER = re.compile(r"^\W*\(?\d{1,2}[.)]\s*")  # "(1) ", "2. " before a heading
_HEADING_GOALS = frozenset({"target", "targets", "goal", "goals", "objective", "objectives", "commitments"})
_ROW_LEAD_WORDS = 3  # words a row may have before its figure ("Drive to 100% ...", "Annual: 2.5% ...")
_MAX_ROWS = 12
_MAX_ROW_CHARS = 300
_MAX_HEADING_WORDS = 25
_MAX_SHORT_HEADING_WORDS = 6  # a heading that ends with a full stop ("(1) Targets and benchmarks.") is short


def _goal_column_heading(doc: Doc, q: Quantity) -> tuple[int, int] | None:
    """The heading line over a block of short rows, each led by its figure, when the heading starts with a goal
    noun: a flattened table or list of goals ("Target (all by 2030)" over "25% reduction in waste intensity",
    "Targets and benchmarks" over "Annual: 2.5% reduction per year"). Only a row's first figure is the goal
    (a later figure on the row is the next column, such as progress). Returns the heading's character span."""
    text = doc_text(doc)  # (doc.text would rebuild the whole text for every quantity)
    start = doc[q.start].idx
    line_start = text.rfind("\n", max(0, start - _MAX_ROW_CHARS), start) + 1
    if line_start == 0 and start > _MAX_ROW_CHARS:
        return None  # no line break near: a long line is no table row
    lead = text[line_start:start].split()
    if len(lead) > _ROW_LEAD_WORDS or any(ch.isdigit() for ch in text[line_start:start]):
        return None
    line_end = text.find("\n", start)
    if (line_end if line_end >= 0 else len(text)) - line_start > _MAX_ROW_CHARS:
        return None
    end = line_start - 1  # the newline before the row
    rows = lines = 0
    while end > 0 and rows <= _MAX_ROWS and lines <= 4 * _MAX_ROWS:
        begin = text.rfind("\n", max(0, end - _MAX_ROW_CHARS - 1), end) + 1
        if begin == 0 and end > _MAX_ROW_CHARS + 1:
            return None  # a line longer than a row: no table
        line = text[begin:end].strip()
        end = begin - 1
        lines += 1  # blank lines count towards the walk, so it stays bounded
        if not line:
            continue
        words = [w.strip("():.-•*").lower() for w in line.split()]
        words = [w for w in words if w and not w.isdigit()]  # "(1) Targets", "2030 targets"
        heading = len(words) <= (_MAX_HEADING_WORDS if line[-1] not in ".!?" else _MAX_SHORT_HEADING_WORDS) \
            and not _FIGURE.search(_LIST_NUMBER.sub("", line))  # "China targets 32 million car sales": a headline
        if heading and any(w in _HEADING_GOALS for w in words[:3]):  # "Targets", "Our climate goals (...)"
            offset = text.find(line, begin)
            return offset, offset + len(line)
        if len(line) > _MAX_ROW_CHARS:
            return None
        rows += 1
    return None


_ITEM_JOINERS = frozenset({",", "and", "or", ";"})
_ITEM_FOR = "for"
_ITEM_NAME_WORDS = 4  # words that name an item after "for" ("for the services sector")
_ITEM_PREDICATE_WORDS = 4  # words between the first item's figure and its "for" ("2% has been set for farming")


def _list_head(doc: Doc, sent: Span, start: int, end: int, inside: frozenset[int],
               known: dict[tuple[int, int], int | None]) -> int | None:
    """The start of the first figure of a list of "<figure> for <item>" pairs that the figure ``start:end`` continues
    ("a growth target of 2% has been set for farming, 4.4% for industry and 4.1% for services"): the later items
    share the first item's clause, so its cue decides them, not the first item's own predicate between them.
    ``known``: the heads already found by figure ``(start, end)``; an earlier item found there ends the walk."""
    head: int | None = None
    origin = (start, end)
    while end < sent.end and doc[end].lower_ == _ITEM_FOR:
        k = start - 1
        joined = False
        while k > sent.start and doc[k].lower_ in _ITEM_JOINERS:
            joined, k = True, k - 1
        names = 0
        while k > sent.start and doc[k].is_alpha and doc[k].lower_ != _ITEM_FOR and k not in inside \
                and names < _ITEM_NAME_WORDS:
            names, k = names + 1, k - 1
        if not joined or not names or doc[k].lower_ != _ITEM_FOR:
            break
        figure_end = k
        while figure_end > sent.start and figure_end - 1 not in inside and k - figure_end < _ITEM_PREDICATE_WORDS \
                and doc[figure_end - 1].is_alpha:
            figure_end -= 1
        if figure_end - 1 not in inside:
            break
        first = figure_end - 1
        while first - 1 >= sent.start and first - 1 in inside:
            first -= 1
        if (first, k) in known:  # the earlier item's own head, found when it was read
            earlier = known[first, k]
            head = first if earlier is None else earlier
            break
        head, start, end = first, first, k  # the earlier item may continue a list too
    known[origin] = head
    return head


def _status_of(match: Match) -> str:
    return "target" if match.rule.category == "target" else "actual"  # not_target: reported as an actual


def _cue(doc: Doc, rule: str, start: int, end: int) -> Cue:
    while start + 1 < end and doc[start].is_space:
        start += 1  # a rule that reads a line break before its words ("\nIncreasing ...") names only its words
    start_char, end_char = token_chars(doc, start, end)
    return Cue(rule, span_text(doc, start, end), start_char, end_char)


def _new_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a new clause opens in ``start:end``: a semicolon, or a comma before a coordinator (", and the
    pipeline includes ..."); a comma before a participle (", representing ...") keeps the clause."""
    tokens = tokens_of(doc)
    text, lower = tokens.text, tokens.lower
    return any(text[k] in _CLAUSE_COMMAS and (text[k] in (";", "；") or k + 1 < end
                                              and lower[k + 1] in COORDINATORS) for k in range(start, end))


_BARE_VERB_RULE = "bare-verb-after-noun"


def _own_report_after(doc: Doc, q: Quantity, cue: Cue, cues: StatusCues, sent: Span) -> Match | None:
    """The report word right after the figure, its own predicate, when the target cue stands in an earlier clause
    (a comma between): "..., 259,038 units have already been assigned" reports."""
    text = tokens_of(doc).text
    if cue.end is None or not any(text[k] in _CLAUSE_COMMAS and doc[k].idx >= cue.end
                                  for k in range(sent.start, q.start)):
        return None
    after = next(cues.scanner.after(q.end, sent.end), None)
    if after is None or after[1].rule.category != "actual" or after[1].start - q.end > 2:
        return None
    words = doc[after[1].start:after[1].end]
    if len(words) == 1 and words[0].lower_.endswith("ed"):
        return None  # "250,000 jobs generated annually": a participle, no predicate
    return after[1]


_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "on", "at", "for", "with", "from", "across", "among"})


def _singular_subject(doc: Doc, sent: Span, verb: int) -> bool:
    """Whether the clause before a bare ``verb`` has a singular head noun: the word before its first preposition
    ("the share of days with clean air reach"), or just before the verb ("grain output stabilize"). A plural head
    ("wind farms in the region reach") makes the verb plain English present tense."""
    start = verb
    while start > sent.start and doc[start - 1].text not in _CLAUSE_COMMAS:
        start -= 1
    head = next((k - 1 for k in range(start + 1, verb) if doc[k].lower_ in _SUBJECT_PREPOSITIONS), verb - 1)
    word = doc[head].lower_
    return not (word.endswith("s") and not word.endswith("ss"))


def _after_tenseless(doc: Doc, sent: Span, match: Match) -> bool:
    """A report word that qualifies the noun of a word without tense ("representing a year-on-year increase of",
    "marking an annual rise of"): the clause's own verb decides, as for the tenseless word."""
    return any(doc[k].lower_ in _TENSELESS for k in range(max(sent.start, match.start - _TENSELESS_REACH),
                                                          match.start))


_TENSELESS_REACH = 2  # "representing a year-on-year ...": the tenseless word, then at most an article


def _cue_before(doc: Doc, sent: Span, q: Quantity, cues: StatusCues, inside: frozenset[int],
                floor: int, head: int | None = None) -> tuple[str, Cue] | None:
    """The nearest status cue before the quantity (back to ``floor``), with the grammar checks of the module docstring;
    for a later item of a list (``head``: the first item's start, :func:`_list_head`), before the list's first item.

    Cue words inside other quantities ("up to", "exceeding") do not count.
    """
    tenseless: tuple[int, Match] | None = None
    for i, match in cues.scanner.before(q.start if head is None else head, floor):
        if tenseless is not None and _new_clause(doc, match.end, tenseless[1].start):
            break
        if match.rule.id == _BARE_VERB_RULE and not _singular_subject(doc, sent, match.end - 1):
            continue  # "Wind farms in the region reach 40%": English present tense, no translated goal
        if match.rule.category == "target":
            # "have earmarked 60 billion" is done; "has pledged to cut" is still a plan.
            perfect = i > sent.start and doc[i - 1].lower_ in _PERFECT and doc[i].lower_ not in _GOAL_VERBS
            if perfect and not (i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
                return "actual", _cue(doc, "perfect-tense", i - 1, max(i + 1, match.end))
            return "target", _cue(doc, match.rule.id, match.start, match.end)
        if match.rule.category == "not_target" and (_names_period(doc, match, cues.vocab)
                                                    or _in_start_phrase(doc, sent, q, i, inside)
                                                    or _plan_acts_on(q, match, sent, cues)):
            continue  # "from 900,000 in the current fiscal year to 1.5 million": a period; the starting point's
        if match.rule.category == "not_target" and _plan_projection(match, sent, cues):
            return "target", _cue(doc, match.rule.id, match.start, match.end)  # the plan's own projection
        if match.rule.category == "not_target":
            if _gives_way(q, match, sent, cues):
                continue  # "According to the think tank, the city's goal is ...": the goal's words decide
            return "actual", _cue(doc, match.rule.id, match.start, match.end)  # a forecast, a subsidy rate
        if doc[match.start].lower_ in _TENSELESS or _after_tenseless(doc, sent, match):
            tenseless = tenseless or (i, match)
            continue  # "renewables amounting to 1.8 GW": the clause's own verb decides
        if (i > sent.start and doc[i - 1].lower_ in DETERMINERS) or _adjective(doc, i, inside):
            continue  # "the added value", "of installed capacity": an adjective
        if i - 1 > sent.start and doc[i - 1].lower_ == "newly" and doc[i - 2].lower_ in DETERMINERS:
            continue  # "will cover a newly added 310,000 km2": an adjective too
        if _in_start_phrase(doc, sent, q, i, inside):
            continue  # "from 612,000 tonnes last year to 1.1 million": the starting point's date
        if i > sent.start and doc[i - 1].lower_ == "to" and match.end - match.start == 1 \
                and not doc[i].lower_.endswith("ed"):
            continue  # "projects sales to hit 15 million": an infinitive, no report
        # "will be built", "will have planted", "is to be completed": future, not a report.
        modal = next((k for k in range(max(sent.start, i - 3), min(i, match.start))
                      if any(m.rule.category == "target" for m in cues.index.get(k, ()))
                      and not any(doc[j].is_punct for j in range(k, i))), None)
        if modal is not None:  # not "the target, X announced", "from its target, Italy was down 0.3 percent"
            return "target", _cue(doc, "future-passive", modal, max(i + 1, match.end))
        return _status_of(match), _cue(doc, match.rule.id, match.start, match.end)
    if tenseless is not None and doc[tenseless[1].start].lower_ in _TENSELESS:
        # "..., and the pipeline includes 120 projects totalling 9,000 MW": no verb of its own clause before it
        return _status_of(tenseless[1]), _cue(doc, tenseless[1].rule.id, tenseless[1].start, tenseless[1].end)
    return None
