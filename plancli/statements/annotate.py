"""The orchestrator: one pass over the sentences, asking each room in turn, building the records.

Data flows one way: spans and quantities come in, each room returns a value (and the
words behind it), and the records go out in ``doc._.targets``.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from plancli.matcher import ruler_rows
from plancli.matcher_flags import LEXEMES_KEY
from plancli.normalize.periods import names_parliament_country
from plancli.patterns import PatternSet
from plancli.quantities import Quantity
from plancli.records import Baseline, Cue, Deadline, DeadlineSource, Equivalent, Evidence, Target
from plancli.statements import actor as actor_room
from plancli.statements import baseline as baseline_room
from plancli.statements import kind as kind_room
from plancli.statements import metric as metric_room
from plancli.statements import status as status_room
from plancli.statements.actor import Context
from plancli.statements.announced_lists import announced_list_scopes
from plancli.statements.clauses import clause_start, colon_leadins, is_list_item, subordinator_positions
from plancli.statements.common import (
    TOKENS_KEY,
    Hit,
    Labels,
    TokenReader,
    Vocabulary,
    char_slice,
    doc_text,
    has_label,
    is_baseline_value,
    published_date,
    published_iso,
    token_chars,
    token_labels,
    tokens_of,
    word_list,
)
from plancli.statements.cues import CueIndex, index_cues, nearest_in_reach, positions
from plancli.statements.deadlines import (
    GIVEN_AWAY,
    NUMBERED_PLANS,
    current_plans,
    Found,
    GoalScope,
    SentenceDeadlines,
    carried_deadline,
    goal_scopes,
    initial_deadline,
    is_relative,
    own_deadline,
    resolve_all,
)
from plancli.statements.plan_lists import forecast_item, forecast_items, plan_list_scopes
from plancli.statements.scope import (
    document_period,
    is_story_break,
    respective,
    restated_headline,
    shares_subject,
    shifts_topic,
)
from plancli.statements.docdate import date_floor, undated_deadlines
from plancli.statements.status import StatusCues

# Dates are not quantities, but they may be deadlines ("before December 31, 2054").
_DATE_EXCLUSIONS = frozenset({"day_of_month", "day_before_month", "iso_date"})
# Names with a number hold no deadline, except a plan's named period ("Vision 2030").
_NAME_EXCLUSIONS = frozenset({"name_with_number", "titled_name_with_number"})

# Labels whose matches the rooms read as spans (their words, their sentence); the others are read as rows.
_SPAN_LABELS = frozenset({"DEADLINE", "BASELINE", "NOT_DEADLINE", "GOALS_LEADIN"})

# How many earlier metrics of the sentence a quantity may pair with (a "respectively" list, a share's whole).
_SENTENCE_ENDS = (".", "!", "?")  # a first sentence without them is the headline
_EARLIER_METRICS = 32
# Capitalized words the text also uses mid-sentence (after a lowercase word): names.
_MID_SENTENCE_NAME = re.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[a-z]+\b")  # lookbehind second: re's fast scan


@dataclass(frozen=True)
class _DocFacts:
    """What the whole document tells, computed once before the sentence pass."""

    labels: Labels
    deadlines: list[Found]
    baselines: list[Span]  # BASELINE matches in text order
    event_dates: list[Span]  # sentence-opening event dates ("In June 2021, X updated"): no deadlines
    base_values: frozenset[int]  # first tokens of base values after a lead ("from the current level of")
    scopes: list[GoalScope]
    document: Found | None  # the plan's period named in the title or first lines
    status_cues: StatusCues
    carry_cues: CueIndex
    carry_positions: list[int]
    proper: frozenset[str]
    inside: frozenset[int]
    quantity_starts: list[int]  # sorted
    subordinators: list[int]  # sorted
    breakdowns: dict[int, int]  # start -> end of the carriers that break down a figure ("That includes", "Of this,")

    def scope_of(self) -> dict[int, GoalScope]:
        """The goals scope of each quantity start (the first lead-in that covers it)."""
        found: dict[int, GoalScope] = {}
        for scope in self.scopes:
            k = bisect_left(self.quantity_starts, scope.start)
            while k < len(self.quantity_starts) and self.quantity_starts[k] < scope.end:
                found.setdefault(self.quantity_starts[k], scope)
                k += 1
        return found


class TargetAnnotator:
    """The ``plancli_targets`` component: turn ``doc._.quantities`` into :class:`~plancli.records.Target` records."""

    def __init__(self, patterns: PatternSet, spans_key: str) -> None:
        self.spans_key = spans_key
        self.vocab = Vocabulary.load(patterns)
        self.actor_words = actor_room.ActorWords.load(patterns)
        story_words = patterns.lexicon("story_break_words")
        self.story_words = frozenset(story_words.get("words", ()))  # a roundup's story ends ("Source: ...")
        self.topic_shifts = frozenset(story_words.get("topic_shifts", ()))  # "Meanwhile, ...": another matter
        self.subject_stops = word_list(patterns, "subject_stops")
        self.list_heads = word_list(patterns, "list_goal_heads")
        self.breakdown_words = word_list(patterns, "breakdown_words")
        self.forecast_labels = word_list(patterns, "forecast_labels")
        self.rules = patterns.cue_rules
        self.reader = TokenReader()
        # A ruler row's label and id hashes -> the label and the id (None for a label read as spans).
        self._pairs: dict[tuple[int, int], tuple[str, str | None]] = {}

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[TOKENS_KEY] = self.reader.read(doc)
        try:
            doc._.targets = self.annotate(doc)
        finally:
            doc.user_data.pop(TOKENS_KEY, None)
            doc.user_data.pop(LEXEMES_KEY, None)  # the last component to read them
        return doc

    def _matches(self, doc: Doc) -> dict[str, list[Any]]:
        """The span-ruler matches by label, in span order: ``Span`` objects for the labels whose words
        the rooms read (deadlines, baselines, lead-ins), :class:`Hit` rows for the many cue matches."""
        by_label: dict[str, list[Any]] = {}
        rows = ruler_rows(doc, self.spans_key)
        if rows is None:
            for span in doc.spans[self.spans_key] if self.spans_key in doc.spans else ():
                by_label.setdefault(span.label_, []).append(span)
            return by_label
        pairs = self._pairs
        strings = doc.vocab.strings
        new_hit = tuple.__new__  # Hit(...) without NamedTuple's Python-level __new__: most of this loop's time
        for start, end, label, span_id in rows:
            pair = pairs.get((label, span_id))
            if pair is None:
                label_ = strings[label]
                pair = pairs[(label, span_id)] = (label_, None if label_ in _SPAN_LABELS else strings[span_id])
            label_, id_ = pair
            found: Any = Span(doc, start, end, label=label, span_id=span_id) if id_ is None \
                else new_hit(Hit, (start, end, label_, id_))
            matches = by_label.get(label_)
            if matches is None:
                by_label[label_] = [found]
            else:
                matches.append(found)
        return by_label

    def _facts(self, doc: Doc, quantities: list[Quantity], text: str, published: date | None,
               sentences: list[Span]) -> _DocFacts:
        by_label = self._matches(doc)
        labels = token_labels(by_label)
        baselines = sorted(by_label.get("BASELINE", []), key=lambda s: s.start)
        not_quantity = by_label.get("NOT_QUANTITY", [])
        blocked = {i for span in not_quantity if span.id_ not in _DATE_EXCLUSIONS | _NAME_EXCLUSIONS
                   for i in range(span.start, span.end)}
        blocked.update(i for label in ("BASELINE", "NOT_DEADLINE")
                       for span in by_label.get(label, []) for i in range(span.start, span.end))
        names = tuple(span for span in not_quantity if span.id_ in _NAME_EXCLUSIONS)
        deadline_spans = by_label.get("DEADLINE", [])
        parliament = [span for span in deadline_spans if span.id_ == "this_parliament"]
        if parliament and not names_parliament_country(text):
            blocked.update(i for span in parliament for i in range(span.start, span.end))  # another parliament
        vocab = self.vocab
        if any(span.id_ in NUMBERED_PLANS for span in deadline_spans):
            # "the 16th Five-Year Plan" of a Nepali article is Nepal's, not China's
            table = vocab.national_plans.periods_for(text)
            if table is not None:
                vocab = dataclasses.replace(vocab, periods=table)
        deadlines = current_plans(resolve_all(deadline_spans, published, blocked, vocab, names), published, labels, vocab)
        event_dates = [span for span in by_label.get("NOT_DEADLINE", []) if span.id_ == "event_date"]
        if published is None:  # an undated story may still tell its year: "China to add 200 GW in 2025"
            deadlines = undated_deadlines(doc, deadline_spans, deadlines, labels, blocked, vocab, names, event_dates)
        leadins = by_label.get("GOALS_LEADIN", []) + colon_leadins(doc, labels)
        carry_cues = index_cues(self.rules, by_label, ("deadline_carry",), labels=labels)
        inside = frozenset(i for q in quantities for i in range(q.start, q.end))
        return _DocFacts(
            labels=labels, deadlines=deadlines, baselines=baselines, base_values=baseline_room.lead_ends(baselines),
            event_dates=event_dates,
            scopes=goal_scopes(doc, leadins, deadlines)
            + plan_list_scopes(doc, deadlines, self.list_heads, vocab.list_bullets, sentences)
            + announced_list_scopes(doc, text, deadlines, labels, self.list_heads, self.breakdown_words,
                                    vocab.progress_words),
            document=document_period(doc, deadlines, labels, published, goal_nouns=vocab.goal_nouns,
                                     plan_nouns=vocab.plan_nouns, pledges=vocab.climate_pledges),
            status_cues=StatusCues.build(self.rules, by_label, doc, inside, labels, vocab.goal_nouns, sentences,
                                         vocab=vocab),
            carry_cues=carry_cues,
            carry_positions=positions(carry_cues), proper=frozenset(_MID_SENTENCE_NAME.findall(text)),
            inside=inside,
            quantity_starts=sorted(q.start for q in quantities),
            subordinators=subordinator_positions(doc, self.vocab),
            breakdowns={span.start: span.end for span in by_label.get("DEADLINE_CARRY", ())
                        if span.id_ in _BREAKDOWN_CARRIERS})

    def annotate(self, doc: Doc) -> list[Target]:
        """The records of ``doc``, in text order."""
        quantities: list[Quantity] = doc._.quantities or []
        text = doc_text(doc)  # built once: Doc.text joins every token on each access
        published = published_date(doc, text)
        sentences = list(doc.sents)
        facts = self._facts(doc, quantities, text, published, sentences)
        vocab, labels = self.vocab, facts.labels
        status_date = published or date_floor(doc, facts.deadlines, labels, facts.event_dates,
                                                   vocab.goal_nouns | vocab.plan_nouns)  # undated: the latest past year
        records: list[Target] = []
        carried = Context()
        carried_from: Span | None = None  # the sentence that stated the carried deadline
        sent_starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Quantity]] = {}
        for q in quantities:
            by_sentence.setdefault(sent_starts[bisect_right(sent_starts, q.start) - 1], []).append(q)
        deadline_starts = [d[0].start for d in facts.deadlines]
        deadline_chars = [d[0].start_char for d in facts.deadlines]
        baseline_starts = [s.start for s in facts.baselines]
        scope_of = facts.scope_of()
        restated = restated_headline(doc, quantities, facts.deadlines)  # the lead repeats the headline's figure
        sent_is_target = False
        list_comparator: str | None = None  # "... by at least the following amounts:" over the list items after it
        heading_deadline: dict[int, Found | None] = {}  # a goals heading's deadline, by the heading's first char
        # "• Economic forecasts: ..." list items
        forecasts = forecast_items(text, self.forecast_labels, vocab.list_bullets)
        actors = actor_room.Actors.build(doc, text, labels, vocab, self.actor_words, sentences, facts.inside)
        for sent in sentences:
            if shifts_topic(sent, self.topic_shifts):  # "Meanwhile, ...": nothing carries into another matter
                carried, carried_from = Context(), None
            sent_deadlines = facts.deadlines[bisect_left(deadline_starts, sent.start):
                                             bisect_left(deadline_starts, sent.end)]
            sent_quantities = by_sentence.get(sent.start, [])
            sent_actor = actor_room.sentence_actor(doc, sent, labels, facts.proper, vocab)
            continuation = actor_room.continues(sent, sent_actor, carried, vocab)
            after_target, sent_is_target = sent_is_target, False  # did the sentence just before state a target?
            list_item = list_comparator is not None and is_list_item(text[sent.start_char:sent.start_char + 40])
            if not sent_quantities:  # the sentence only passes things on (see below)
                initial = initial_deadline(sent, sent_deadlines, vocab.deadline_lead_words) if sent_deadlines else None
            else:
                here = SentenceDeadlines.build(sent, sent_deadlines, labels, vocab)
                initial = here.initial
                sentence_text = " ".join(text[sent.start_char:sent.end_char].split())  # sent.text, not token by token
                previous: Quantity | None = None
                sentence_first = len(records)
                sent_baselines = facts.baselines[bisect_left(baseline_starts, sent.start):
                                                 bisect_left(baseline_starts, sent.end)]
                paired = respective(sent, sent_quantities, published, vocab)
                headline = sent.start == 0 and not text[sent.start_char:sent.end_char].rstrip().endswith(_SENTENCE_ENDS)
                same_subject: bool | None = None  # computed when first needed
            for q in sent_quantities:
                start = clause_start(doc, sent, q, previous, vocab)
                own, own_from = own_deadline(q, here, facts.quantity_starts, facts.subordinators)
                if q.start in paired:
                    own, own_from = paired[q.start], "clause"
                elif own is None and q.start in restated:
                    own, own_from = restated[q.start], "heading"
                elif own is not None and is_relative(own, published):
                    own_from = "publication"
                scope = scope_of.get(q.start)
                status, status_cue = status_room.status(doc, sent, q, facts.status_cues, own, status_date,
                                                        scope.leadin if scope is not None else None, facts.inside,
                                                        inferred=published is None)
                label = forecast_item(forecasts, doc[q.start].idx) if status == "target" and forecasts else None
                if label is not None:
                    status, status_cue = "actual", Cue("forecast-label", text[label[0]:label[1]], *label)
                if status_cue.rule == "default-actual" and after_target:
                    opener_end = facts.breakdowns.get(sent.start)
                    if opener_end is not None:  # "... 140,000 engineers by 2026. That includes 39,000 in chips, ..."
                        opener = doc[sent.start:opener_end]
                        status, status_cue = "target", Cue("breakdown-of-target", opener.text, opener.start_char,
                                                           opener.end_char)
                if status_cue.rule == "goals-heading-row" and own is None and status_cue.start is not None:
                    # "Target (all targets are by 2030 ...)" heads a table: its deadline governs the rows
                    if status_cue.start not in heading_deadline:
                        heading_deadline[status_cue.start] = _deadline_within(facts.deadlines, deadline_chars,
                                                                              status_cue)
                    if heading_deadline[status_cue.start] is not None:
                        own, own_from = heading_deadline[status_cue.start], "heading"
                if status == "target" and status_room.dates_a_past_setting(doc, own, status_date,
                                                                          vocab.setting_participles):
                    own, own_from = None, None  # "notified in March 2021 with an outlay of ...": no deadline
                if status == "target" and not continuation and same_subject is None:
                    same_subject = not sent_deadlines and shares_subject(sent, carried_from, self.subject_stops,
                                                                         vocab.goal_nouns)
                carries = status == "target" and (continuation or bool(same_subject) or nearest_in_reach(
                    facts.carry_cues, facts.carry_positions, doc, q.start, q.end, sent) is not None)
                deadline, deadline_from = (None, None) if q.start in facts.base_values else _deadline(
                    doc, q, own, own_from, scope, carried, carries, facts.document if status == "target" else None)
                earlier = metric_room.Earlier(records[-1].metric if previous is not None and records else None,
                                              records[-1].metric if records else None,
                                              tuple(r.metric for r in records[max(sentence_first,
                                                                                  len(records) - _EARLIER_METRICS):]),
                                              headline)
                metric = metric_room.metric(doc, vocab, q, start, labels, earlier)
                kind, kind_rule = kind_room.kind(doc, q, start, labels)
                if (kind_rule == "default-share" and previous is not None and records[-1].kind == "growth"
                        and kind_room.listed_after(doc, previous, q)):
                    kind = "growth"  # "an 11% increase in Q1, followed by 11.8%, 13.7% and 11.5%"
                direction = kind_room.direction(doc, q, start, labels) if kind == "growth" else None
                actor = actors.record(sent, q.start, metric)
                if list_item and q.comparator == "=":
                    q.comparator = list_comparator  # type: ignore[assignment]  # "(1) 15 percent by 2015;"
                evidence = Evidence(status_cue, _deadline_source(doc, deadline, deadline_from))
                base_line = baseline_room.baseline(doc, q, kind, sent_quantities, sent_baselines)
                records.append(_record(doc, q, sentence_text, status, kind, direction,
                                       deadline[1] if deadline is not None else None, metric,
                                       metric_room.base(doc, vocab, q, kind, metric), actor, evidence, base_line))
                sent_is_target = sent_is_target or status == "target"
                previous = q
            # What this sentence passes on to the next ones.
            if not list_item:
                list_comparator = _list_comparator(doc, sent, text)
            if is_story_break(sent, self.story_words):
                carried, carried_from = Context(), None  # a roundup's next story starts fresh
            elif sent_deadlines and (sent_is_target or has_label(sent, labels, "TARGET_CUE")):
                carried = Context(carried_deadline(sent_deadlines, initial, published, vocab.climate_pledges),
                                  sent_actor or carried.actor)
                carried_from = sent
            elif sent_actor and not continuation:
                carried = Context(carried.deadline if sent_actor == carried.actor else None, sent_actor)
        return records


def _deadline_within(deadlines: list[Found], starts: list[int], cue: Cue) -> Found | None:
    """The first deadline written inside the characters of ``cue`` (a heading); ``starts`` are the
    deadlines' first characters, in order."""
    start, end = cue.start, cue.end
    if start is None or end is None:
        return None
    k = bisect_left(starts, start)
    return deadlines[k] if k < len(deadlines) and deadlines[k][0].end_char <= end else None


#: A lead-in's bound that holds for every item of the list after it: "reduce emissions by at least the following
#: amounts, compared with 2005: (1) 15 percent by 2015; (2) ...".
_LIST_BOUNDS = (("at least the following", ">="), ("no less than the following", ">="),
                ("not less than the following", ">="), ("a minimum of the following", ">="),
                ("the following minimum", ">="), ("the following maximum", "<="),
                ("at most the following", "<="), ("no more than the following", "<="),
                ("not more than the following", "<="))


def _list_comparator(doc: Doc, sent: Span, text: str) -> str | None:
    """The bound a lead-in ending in a colon sets for its list ("by at least the following amounts:"), or None."""
    tokens = tokens_of(doc)
    last = sent.end - 1
    while last > sent.start and tokens.space[last]:
        last -= 1
    if tokens.text[last] not in {":", "："}:
        return None
    lead = " ".join(text[sent.start_char:sent.end_char].lower().split())
    return next((op for phrase, op in _LIST_BOUNDS if phrase in lead), None)


#: Carrier pattern ids (``patterns/carry.jsonl``) of a sentence that breaks down the figure before it.
_BREAKDOWN_CARRIERS = frozenset({"breakdown", "share_of_total"})


def _deadline(doc: Doc, q: Quantity, own: Found | None, own_from: str | None, scope: GoalScope | None,
              carried: Context, carries: bool, document: Found | None) -> tuple[Found | None, str | None]:
    """The governing deadline: the quantity's own, its goals list's, one carried from before, or the plan's
    period named at the top of the document."""
    if is_baseline_value(doc, q.start) is not None:
        return None, None
    if own is not None:
        if scope is not None and scope.deadline is own:
            return own, "heading"  # "its Agenda 2035 targets, which include: - 40% fewer ..."
        return own, own_from
    if scope is not None and scope.deadline is not None:
        return scope.deadline, "heading"
    if (scope is not None or carries) and carried.deadline is not None and own_from != GIVEN_AWAY:
        return carried.deadline, ("document" if carried.deadline is document else "carried")
    if document is not None:
        return document, "document"
    return None, None


def _deadline_source(doc: Doc, deadline: Found | None, source: str | None) -> DeadlineSource | None:
    if deadline is None or source is None:
        return None
    span = deadline[0]
    start, end = token_chars(doc, span.start, span.end)
    return DeadlineSource(source, span.text, start, end)


def _record(doc: Doc, q: Quantity, sentence: str, status: str, kind: str, direction: str | None,
            deadline: Deadline | None, metric: str | None, base: str | None, actor: str | None,
            evidence: Evidence, baseline: Baseline | None) -> Target:
    start_char, end_char = token_chars(doc, q.start, q.end)
    equivalent = None
    if q.equivalent is not None:
        value, unit, s, e = q.equivalent
        equivalent = Equivalent(value, unit, char_slice(doc, s, e))
    return Target(
        status=status, kind=kind, value=q.value, unit=q.unit, comparator=q.comparator,  # type: ignore[arg-type]
        text=doc_text(doc)[start_char:end_char], start=start_char, end=end_char, sentence=sentence,
        value_max=q.value_max, direction=direction, deadline=deadline, metric=metric,  # type: ignore[arg-type]
        base=base, baseline=baseline, actor=actor, equivalent=equivalent,
        published=published_iso(doc), evidence=evidence,
    )


__all__ = ["Cue", "TargetAnnotator"]
