"""Shared pieces of the statement rooms: cue labels per token, vocabularies, small token helpers.

Nothing here decides anything; every room imports from here and from no other room
except the ones before it in the data flow (clauses -> deadlines/status -> kind -> metric -> actor).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import numpy as np

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from plancli.doctext import TEXT_KEY, doc_text  # noqa: F401  (re-exported: the rooms import them from here)
from plancli.matcher_flags import doc_lexemes
from plancli.normalize.dates import find_published, load_plan_periods
from plancli.normalize.periods import NationalPlans
from plancli.patterns import PatternSet
from plancli.quantity_parts import RANGE_VERBS

#: Closed-class words, kept in code (a data file for these would be silly).
#: Conjunctions that open a coordinate clause ("..., but only 700 MW", "and will add").
COORDINATORS = frozenset({"and", "but", "while", "whereas", "or", "yet"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "those", "our", "his", "her"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "this", "that", "these", "those", "which", "who", "them"})
PREPOSITIONS = frozenset({"to", "of", "with", "by", "at", "for", "in", "on"})

CUE_LABELS = ("DEADLINE", "DEADLINE_CARRY", "COMPARATOR", "ACTUAL_CUE", "TARGET_CUE", "PREDICATE",
              "GROWTH_CUE", "SHARE_CUE", "DIRECTION_UP", "DIRECTION_DOWN", "CONTEXT_CUE")
CHAIN_LABELS = ("PREDICATE", "TARGET_CUE", "ACTUAL_CUE", "COMPARATOR")
CHANGE_LABELS = ("GROWTH_CUE", "DIRECTION_UP", "DIRECTION_DOWN")

Labels = dict[int, set[str]]

class Hit(NamedTuple):
    """A span-ruler match read from the ruler's rows, without building a ``Span``: tokens ``start:end``."""

    start: int
    end: int
    label_: str
    id_: str


#: Where a doc keeps its :class:`Tokens` while the statement rooms read it.
TOKENS_KEY = "plancli.tokens"


class LexemeRow(NamedTuple):
    """One lexeme's attributes under the names ``Token`` gives them, so a row reads like a token."""

    text: str
    lower_: str
    is_space: bool
    line_break: bool  # a space token holding a line break
    is_punct: bool
    is_title: bool
    like_num: bool
    is_alpha: bool
    is_upper: bool
    is_lower: bool



#: The :class:`Tokens` columns, in :class:`LexemeRow` order.
_COLUMNS = ("text", "lower", "space", "line_break", "punct", "title", "like_num", "alpha", "upper", "lowercase")


class Tokens:
    """Per-token attributes of one doc as plain lists, built once per doc.

    spaCy builds a ``Token`` object on every ``doc[i]``; the rooms read these
    lists instead (``tokens.lower[i]`` for ``doc[i].lower_``). The rooms read nearly every
    column of a doc, so one transposition of the rows makes them all when the doc is read
    (about twice as fast as a pass over the rows for each), and each column is a plain
    attribute: a hot loop reads ``tokens.space`` without a Python call.
    """

    __slots__ = ("_rows", "_counts", "_lexemes", *_COLUMNS)

    text: list[str]
    lower: list[str]
    space: list[bool]  # ``is_space``
    line_break: list[bool]  # a space token holding a line break
    punct: list[bool]
    title: list[bool]
    like_num: list[bool]
    alpha: list[bool]  # ``is_alpha``
    upper: list[bool]  # ``is_upper``
    lowercase: list[bool]  # ``is_lower``

    def __init__(self, rows: Sequence[LexemeRow], counts: Sequence[tuple[LexemeRow, int]] | None = None,
                 lexemes: tuple[Sequence[LexemeRow], np.ndarray] | None = None) -> None:
        self._rows = rows  # one row of lexeme attributes per token
        self._counts = counts  # each distinct lexeme's row and its number of tokens, when the reader knows them
        self._lexemes = lexemes  # the distinct rows and, per token, the index of its row among them
        columns: list[list[Any]] = [list(values) for values in zip(*rows)] if rows else [[] for _ in _COLUMNS]
        (self.text, self.lower, self.space, self.line_break, self.punct, self.title, self.like_num, self.alpha,
         self.upper, self.lowercase) = columns

    def where(self, test: Callable[[LexemeRow], bool]) -> list[int]:
        """The positions of the tokens whose row passes ``test`` (run once per distinct lexeme)."""
        if self._lexemes is None:
            return [k for k, row in enumerate(self._rows) if test(row)]
        distinct, inverse = self._lexemes
        passed = np.fromiter(map(test, distinct), dtype=bool, count=len(distinct))  # numpy takes each truth value
        return passed[inverse].nonzero()[0].tolist()

    def counts(self) -> dict[str, int]:
        """How many tokens have each text."""
        if self._counts is None:
            found: dict[str, int] = {}
            for text in self.text:
                found[text] = found.get(text, 0) + 1
            return found
        return {row[0]: n for row, n in self._counts}

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> Sequence[LexemeRow]:
        """One :class:`LexemeRow` per token (shared between the tokens of one lexeme)."""
        return self._rows


class TokenReader:
    """Reads :class:`Tokens` for docs, each lexeme's attributes computed once and remembered."""

    def __init__(self) -> None:
        self._rows: dict[int, LexemeRow] = {}

    def read(self, doc: Doc) -> Tokens:
        if len(doc) == 0:
            return Tokens([])
        rows = self._rows
        vocab = doc.vocab
        unique, inverse = doc_lexemes(doc)
        found = []
        for orth in unique.tolist():
            row = rows.get(orth)
            if row is None:
                row = rows[orth] = _lexeme_row(vocab, orth)
            found.append(row)
        counts = np.bincount(inverse, minlength=len(found)).tolist()
        return Tokens(list(map(found.__getitem__, inverse.tolist())), list(zip(found, counts)), (found, inverse))


def _lexeme_row(vocab: Vocab, orth: int) -> LexemeRow:
    lex = vocab[orth]
    text = lex.orth_
    return LexemeRow(text, lex.lower_, lex.is_space, lex.is_space and "\n" in text, lex.is_punct, lex.is_title,
                     lex.like_num, lex.is_alpha, lex.is_upper, lex.is_lower)


HEADLINE_TOKENS = 30  # a first line longer than this is a paragraph, not a headline


def headline_limit(doc: Doc) -> int:
    """The end of the first line when it is short enough to be a headline, else 0."""
    end = next((t.i for t in doc[:HEADLINE_TOKENS + 1] if "\n" in t.text), None)
    return 0 if end is None else end


def positions_of(values: list[Any], wanted: Any) -> list[int]:
    """The positions holding ``wanted`` in ``values``, in order (``list.index`` scans at C speed: most
    columns hold a wanted value at few tokens)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = values.index(wanted, at + 1)
            found.append(at)
    except ValueError:
        return found


def tokens_of(doc: Doc) -> Tokens:
    """The doc's :class:`Tokens`: those the annotator stored for this doc, else read now."""
    found = doc.user_data.get(TOKENS_KEY)
    if isinstance(found, Tokens) and len(found.text) == len(doc):
        return found
    return TokenReader().read(doc)


@dataclass(frozen=True)
class Vocabulary:
    """The word lists the rooms read, from ``patterns/lexicon/`` (see each file's description)."""

    clause_breaks: frozenset[str]
    clause_words: frozenset[str]
    leading_junk: frozenset[str]
    continuation_starts: frozenset[str]
    plan_verbs: frozenset[str]
    subject_verbs: frozenset[str]
    headline_verbs: frozenset[str]
    share_links: frozenset[str]
    percent_heads: frozenset[str]
    growth_subjects: frozenset[str]
    steering_verbs: frozenset[str]
    change_words: frozenset[str]
    amount_leads: frozenset[str]
    list_bullets: frozenset[str]
    time_words: frozenset[str]
    linking_verbs: frozenset[str]
    goal_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    subordinators: frozenset[str]
    baseline_followers: frozenset[str]
    baseline_words: frozenset[str]
    phrase_stops: frozenset[str]
    not_actors: frozenset[str]
    metric_rejects: frozenset[str]
    goal_qualifiers: frozenset[str]  # "ambitious", "binding": judge a goal, name nothing measured
    prepositions: frozenset[str]
    generic_bodies: frozenset[str]
    not_owners: frozenset[str]
    base_stops: frozenset[str]
    deadline_lead_words: frozenset[str]
    climate_pledges: frozenset[str]  # "net zero", "carbon neutrality": a pledge's year is that pledge's only
    sector_gerunds: frozenset[str]  # "mining", "manufacturing": an -ing reading that is a measured thing
    state_gerunds: frozenset[str]  # "remaining", "rising": an -ing word opening a list line as an adjective
    share_synonyms: frozenset[str]  # "proportion", "percentage": "proportion of X" reads "share of X"
    bare_line_words: frozenset[str]  # "per", "from", "levels": what a bare list line may hold beside its figure
    measure_acronyms: frozenset[str]  # "GDP", "GRDP" (case-sensitive): "Local GDP" is a measure, not a name
    reach_verbs: frozenset[str]  # "reach", "hit": "5% a year to reach 20 GW by 2030" keeps the deadline
    speech_verbs: frozenset[str]  # "said", "told": "..., the ministry said" quotes a plan owner
    goal_fates: frozenset[str]  # "met", "missed": "met its 5% growth target" reports the figure
    goal_drops: frozenset[str]  # "dropped", "scrapped": "dropped the 5% growth goal" is history, no goal set
    giving_verbs: frozenset[str]  # "provide", "equip": "equip 500 schools with at least 10 computers" is content
    progress_words: frozenset[str]  # "progress", "achievements": "Programme progress includes:" opens no goals list
    setting_participles: frozenset[str]  # "set", "notified": "the target set in 2019" dates the setting, no deadline
    plan_heads: frozenset[str]  # "plan", "budget": a headline naming a plan makes a plan piece
    world_scope_words: frozenset[str]  # "global", "world": "global demand is projected to" is no plan's figure
    unplanned_words: frozenset[str]  # "population", "prices": what no plan sets, only foresees
    own_market_words: frozenset[str]  # "share": "market share is projected to reach 30%" is the plan's own
    plan_item_units: frozenset[str]  # "indicator", "goal": "38 of the 51 indicators" counts a plan's parts
    past_changes: frozenset[str]  # "grew", "built": "grew 30 percent within a decade" took that long
    superseded_words: frozenset[str]  # "previous", "former": "the previous plan to 2020" is an old plan's period
    base_leads: frozenset[str]  # "from", "against": "to 650 billion from 473 billion" leads a base figure
    range_openers: frozenset[str]  # "ranging", "anywhere": "ranging from $98 billion to ..." is no base
    ratio_parts: frozenset[str]  # "deficit", "debt": "a deficit of 4% of GDP" is "deficit to GDP", no share
    period_qualifiers: frozenset[str]  # "fiscal", "long": "fiscal year", "long-term" name a period, no measure
    auxiliary_openings: frozenset[str]  # "is", "has": a reading opening so ("was $16 bn") names no measure
    reporting_verbs: frozenset[str]  # "said", "noted": "the minister said the steel industry ..." (not speech_verbs)
    spelled_measures: frozenset[str]  # "gross domestic product": read "GDP" where the article writes "GDP"
    period_openers: frozenset[str]
    agents: frozenset[str]
    non_count: frozenset[str]
    participles: Mapping[str, str]
    periods: Mapping[int, tuple[int, int]]
    national_plans: NationalPlans  # whose numbered plans an article means (China's periods are ``periods``)
    change_nouns: Mapping[str, str]  # "cut" -> "reduction": the noun a change verb makes of its object
    participle_forms: frozenset[str]  # the irregular participles themselves ("built", "grown"): participles' values

    @classmethod
    def load(cls, patterns: PatternSet) -> Vocabulary:
        special = {"agents", "non_count", "participles", "periods", "national_plans", "change_nouns",
                   "participle_forms"}
        names = [f for f in cls.__dataclass_fields__ if f not in special]
        lists = {name: word_list(patterns, name) for name in names}
        change_nouns = {verb: noun for noun, verbs in patterns.lexicon("change_nouns").items() for verb in verbs}
        participles = patterns.lexicon("participles")
        return cls(**lists, agents=word_list(patterns, "agents"), non_count=word_list(patterns, "non_count_nouns"),
                   participles=participles, periods=plan_periods(patterns),
                   national_plans=national_plans(patterns), change_nouns=change_nouns,
                   participle_forms=frozenset(participles.values()))


def word_list(patterns: PatternSet, name: str) -> frozenset[str]:
    """All words of lexicon ``name`` (the union of its entries' lists); missing is an error."""
    return patterns.words(name)


def plan_periods(patterns: PatternSet) -> dict[int, tuple[int, int]]:
    entries = patterns.lexicon("plan_periods")
    if not entries:
        return load_plan_periods()
    return {int(k): (int(v[0]), int(v[1])) for k, v in entries.items()}


def national_plans(patterns: PatternSet) -> NationalPlans:
    lexicon = patterns.lexicons.get("national_plan_periods")
    return NationalPlans.from_lexicon(lexicon.entries if lexicon else {},
                                      lexicon.origin if lexicon else "national_plan_periods")


def token_labels(by_label: Mapping[str, Sequence[Span | Hit]]) -> Labels:
    """The cue labels of the span-ruler matches covering each token."""
    labels: Labels = {}
    get = labels.get
    for label in CUE_LABELS:
        for span in by_label.get(label, ()):
            start, end = span.start, span.end
            if end - start == 1:  # most matches are one word
                found = get(start)
                if found is None:
                    labels[start] = {label}
                else:
                    found.add(label)
                continue
            for i in range(start, end):
                found = get(i)
                if found is None:
                    labels[i] = {label}
                else:
                    found.add(label)
    return labels


def has_any(labels: Labels, i: int, wanted: tuple[str, ...]) -> bool:
    found = labels.get(i)
    return found is not None and any(label in found for label in wanted)


def progress_leadin(doc: Doc, start: int, end: int, progress_words: frozenset[str],
                    reported: Callable[[int], bool] | None = None) -> bool:
    """Whether tokens ``start:end`` (a list's lead-in, from its sentence start to its colon or full stop) open a
    progress report, not goals to reach: a noun of progress (lexicon ``progress_words``: "Programme progress
    includes:", "Achievements so far:") or, with ``reported``, a report word (an ACTUAL_CUE such as "so far",
    "last year"). Read by the colon lead-ins' status (nouns only: a colon lead-in's "has planned to" or "was
    determined that ... is:" opens goals) and by both announced-list layouts."""
    return any(doc[k].lower_ in progress_words or reported is not None and reported(k) for k in range(start, end))


def has_label(sent: Span, labels: Labels, label: str) -> bool:
    return any(label in labels.get(i, ()) for i in range(sent.start, sent.end))


def char_slice(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without building ``doc.text`` (which joins every token, each call)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return span.text if span is not None else ""


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the span (``Span.text`` makes a ``Token`` of each of its tokens)."""
    end = min(end, len(doc))
    if start >= end:
        return ""
    first, last = token_chars(doc, start, end)
    return doc_text(doc)[first:last]


def token_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start:end``."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def published_date(doc: Doc, text: str) -> date | None:
    value = doc._.published
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    found = find_published(text)
    doc._.published = found.isoformat() if found else None
    return found


def published_iso(doc: Doc) -> str | None:
    value = doc._.published
    return value.isoformat() if isinstance(value, date) else value


def paragraph_end(doc: Doc, i: int) -> int:
    line_break = tokens_of(doc).line_break
    n = len(line_break)
    while i < n:
        if line_break[i]:
            return i
        i += 1
    return n


def skip_space(doc: Doc, i: int) -> int:
    space = tokens_of(doc).space
    n = len(space)
    while i < n and space[i]:
        i += 1
    return i


#: Adjectives of a level already held: "from a previous 4 GW" is the base of a change.
_PREVIOUS_LEVEL = frozenset({"previous", "earlier", "former", "existing", "current", "prior"})


def is_baseline_value(doc: Doc, start: int) -> int | None:
    """The starting point of a change: "up from 14.8 GW", "from 26", "compared with 4.5 GW now".

    Returns the first token of the cue words, or None.
    """
    lowers = tokens_of(doc).lower
    before = lowers[max(0, start - 2):start]
    if not before:
        return None
    if start >= 3 and lowers[start - 3] == "from" and before[0] in {"a", "an", "the", "its", "their"} \
            and before[-1] in _PREVIOUS_LEVEL:
        return start - 3  # "up from a previous 4 GW", "from its current 30%"
    if before[-1] == "from" and len(before) == 2 and before[0] in RANGE_VERBS:
        return None  # "ranging from $98 billion to $102 billion": a range
    if before[-1] in {"from", "versus", "vs", "vs."}:
        return start - (2 if before in (["up", "from"], ["down", "from"]) else 1)
    if before in (["compared", "with"], ["compared", "to"]):
        return start - 2
    return None
