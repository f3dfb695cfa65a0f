"""The ``plancli_targets`` component: quantities -> target records in ``doc._.targets``.

For each quantity found by ``plancli_quantities`` it decides, from the clause
and sentence around it: target or actual, kind, direction, deadline (with its
scope across sentences), metric, base and actor.

Deadline scope, the genre's conventions:

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
from collections.abc import Mapping
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from plancli.normalize.dates import find_published, load_plan_periods, resolve_deadline
from plancli.normalize.numbers import past_participle
from plancli.patterns import PatternSet
from plancli.quantities import Quantity
from plancli.records import Deadline, Equivalent, Target

_CLAUSE_PUNCT = {",", ";", ":", "(", ")", "—", "–", "；", "：", "\"", "“", "”", "|"}
_CLAUSE_WORDS = {"that", "which", "whereas", "while", "where", "whose", "including", "namely", "among"}
_DETERMINERS = {"the", "a", "an", "its", "their", "this", "these", "those", "our", "his", "her"}
_PRONOUNS = {"it", "they", "we", "he", "she", "this", "that", "these", "those", "which", "who", "them"}
_LEADING_JUNK = {"present", "now", "today", "currently", "presently", "respectively",
                 "and", "or", "but", "of", "with", "as", "in", "for", "to", "on", "by", "at", "also", "then",
                 "so", "further", "while", "which", "that", "whose", "where", "including", "namely", "both"}
_CONTINUATION_STARTS = {"it", "they", "its", "their", "we", "he", "she", "also", "meanwhile",
                        "moreover", "besides", "additionally", "furthermore"}
_LIST_MARKER = re.compile(r"^\s*(?:[•\-*–·▪◦●]|\(?\d{1,2}[.)、]|\(?[a-zA-Z][.)]|(?:first|second|third|fourth|fifth)"
                          r"(?:ly)?\b)", re.IGNORECASE)
_ACTOR_SUFFIXES = {"district", "province", "city", "county", "zone", "area", "region", "municipality", "state",
                   "government", "ministry", "commission", "committee", "bureau", "park", "council"}
_PLAN_VERBS = {"will", "shall", "aims", "plans", "strives", "intends", "seeks", "targets", "pledges", "vows",
               "proposes", "expects", "wants", "hopes", "should", "must"}
_SUBJECT_VERBS = {"will", "shall", "is", "are", "has", "have", "aims", "plans", "strives", "should", "must",
                  "intends", "seeks", "expects", "targets", "wants", "hopes", "vows", "pledges", "proposes",
                  "also", "would", "can", "was", "were", "had", "sets", "set", "announced", "said"}
_MAX_LIST_ITEMS = 12
_SHARE_LINKS = {"up", "for", "account", "accounts", "accounted", "accounting", "constitute", "constitutes",
                "represent", "represents", "comprise", "comprises", "make", "makes", "making"}
_LIST_BULLETS = {"•", "-", "*", "–", "·", "▪", "◦", "●"}
_TIME_WORDS = {"year", "years", "period", "decade", "month", "months", "time", "phase"}
_LINKING = {"reach", "reaches", "reached", "be", "is", "are", "was", "were", "exceed", "exceeds", "exceeded",
            "total", "totaled", "stand", "stood", "amount", "amounted", "hit", "top", "remain", "stay", "keep", "kept",
            "held", "maintain", "maintained", "set", "controlled", "stabilized", "surpass", "surpassed", "at",
            "not", "no", "shall", "will", "should", "must", "would", "can"}
_GOAL_NOUNS = {"goal", "goals", "target", "targets", "objective", "objectives", "aim", "ambition", "benchmark"}
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;] )[A-Z][a-z]+\b")
_SUBORDINATORS = {"though", "although", "whereas", "because", "unless", "despite"}
_BASELINE_FOLLOWERS = {"level", "levels", "baseline", "base", "figure", "figures", "value", "values"}
_BASELINE_WORDS = {"than", "from", "over", "since", "with", "against", "versus", "vs"}
_SHARE_OF_IN = re.compile(r"^(?:share|proportion|percentage|ratio|portion)\s+of\s+.+?\s+in\s+(?:the\s+)?(.+)$",
                          re.IGNORECASE)
_CHAIN_LABELS = ("PREDICATE", "TARGET_CUE", "ACTUAL_CUE", "COMPARATOR")
_CHANGE_LABELS = ("GROWTH_CUE", "DIRECTION_UP", "DIRECTION_DOWN")
_PREPOSITIONS = {"to", "of", "with", "by", "at", "for", "in", "on"}
_PHRASE_STOPS = {"and", "by", "in", "that", "which", "will", "is", "was", "are", "were", "to", "for", "from",
                 "with", "at", "on", "as", "per", "each", "a", "an", "than", "while", "over", "during",
                 "before", "after", "until", "since", "through", "within", "compared", "against", "or"}
_NOT_ACTORS = {"by", "in", "the", "during", "according", "january", "february", "march", "april", "may", "june",
               "july", "august", "september", "october", "november", "december", "gdp", "it", "they", "on",
               "since", "after", "before", "with", "from", "of", "at", "for", "to", "as", "this", "next", "last"}


@dataclass
class _Context:
    """What one sentence tells about deadlines and subjects (carried across sentences)."""

    deadline: Deadline | None = None
    actor: str | None = None


class TargetAnnotator:
    """Turn ``doc._.quantities`` into :class:`~plancli.records.Target` records."""

    def __init__(self, patterns: PatternSet, spans_key: str) -> None:
        self.spans_key = spans_key
        self.periods = load_plan_periods_from(patterns)
        self.participles: Mapping[str, str] = patterns.lexicon("participles")
        self.agents = frozenset(w for ws in patterns.lexicon("agents").values() for w in ws)
        self.non_count = frozenset(w for ws in patterns.lexicon("non_count_nouns").values() for w in ws)

    def __call__(self, doc: Doc) -> Doc:
        doc._.targets = self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> list[Target]:
        quantities: list[Quantity] = doc._.quantities or []
        text = doc.text  # built once: Doc.text joins every token on each access
        published = _published_date(doc, text)
        spans = doc.spans[self.spans_key] if self.spans_key in doc.spans else []
        by_label: dict[str, list[Span]] = {}
        for span in spans:
            by_label.setdefault(span.label_, []).append(span)
        token_labels = _token_labels(by_label)
        not_quantity = {i for span in by_label.get("NOT_QUANTITY", []) for i in range(span.start, span.end)}
        deadlines = self._deadlines(by_label.get("DEADLINE", []), published, not_quantity)
        leadins = by_label.get("GOALS_LEADIN", []) + _colon_leadins(doc, token_labels)
        goal_scopes = self._goal_scopes(doc, leadins, deadlines)
        carry_spans = by_label.get("DEADLINE_CARRY", [])
        # Capitalized words the text also uses mid-sentence (after a lowercase word): names.
        proper = frozenset(_MID_SENTENCE_NAME.findall(text))
        inside = frozenset(i for q in quantities for i in range(q.start, q.end))
        quantity_starts = frozenset(q.start for q in quantities)

        records: list[Target] = []
        carried = _Context()
        sentences = list(doc.sents)
        sent_starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Quantity]] = {}
        for q in quantities:
            by_sentence.setdefault(sent_starts[bisect_right(sent_starts, q.start) - 1], []).append(q)
        for sent in sentences:
            sent_deadlines = [d for d in deadlines if sent.start <= d[0].start < sent.end]
            sent_actor = self._actor(doc, sent, token_labels, proper)
            sent_quantities = by_sentence.get(sent.start, [])
            initial = _initial_deadline(sent, sent_deadlines)
            has_carry_cue = any(sent.start <= s.start < sent.end for s in carry_spans)
            continuation = self._continues(sent, sent_actor, carried)
            previous: Quantity | None = None
            sent_is_target = False
            for q in sent_quantities:
                clause_start = self._clause_start(doc, sent, q, previous)
                own = self._own_deadline(q, sent, initial, sent_deadlines, token_labels, quantity_starts)
                scope = next((s for s in goal_scopes if s[0] <= q.start < s[1]), None)
                status = self._status(doc, sent, q, token_labels, own, published, scope is not None, inside)
                if _is_baseline_value(doc, q):
                    deadline: Deadline | None = None
                elif own is not None:
                    deadline = own
                elif scope is not None:
                    deadline = scope[2] or carried.deadline
                elif status == "target" and (has_carry_cue or continuation):
                    deadline = carried.deadline
                else:
                    deadline = None
                metric = self._metric(doc, q, clause_start, token_labels, previous, records)
                kind = self._kind(doc, q, clause_start, token_labels)
                direction = self._direction(doc, q, clause_start, token_labels) if kind == "growth" else None
                actor = sent_actor or _possessor(metric) or carried.actor
                records.append(self._record(doc, q, sent, status, kind, direction, deadline, metric,
                                            self._base(doc, q, kind, metric), actor))
                sent_is_target = sent_is_target or status == "target"
                previous = q
            # What this sentence passes on to the next ones.
            if sent_deadlines and (sent_is_target or _has_label(sent, token_labels, "TARGET_CUE")):
                carried = _Context(initial or sent_deadlines[-1][1], sent_actor or carried.actor)
            elif sent_actor and not continuation:
                carried = _Context(carried.deadline if sent_actor == carried.actor else None, sent_actor)
        return records

    # -- deadlines --------------------------------------------------------------------

    def _deadlines(self, spans: list[Span], published: date | None, blocked: set[int]
                   ) -> list[tuple[Span, Deadline]]:
        """Resolved deadline matches, longest first where they overlap; none inside a NOT_QUANTITY match."""
        chosen: list[tuple[Span, Deadline]] = []
        taken: set[int] = set(blocked)
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            if _baseline(span):
                continue  # "more than last year", "from 2020 levels", "over 50 years old": not deadlines
            resolved = resolve_deadline(span.text, published, self.periods)
            if resolved is None:
                continue
            start, end = resolved
            chosen.append((span, Deadline(span.text, start.isoformat() if start else None, end.isoformat())))
            taken.update(range(span.start, span.end))
        chosen.sort(key=lambda pair: pair[0].start)
        return chosen

    def _own_deadline(self, q: Quantity, sent: Span, initial: Deadline | None,
                      sent_deadlines: list[tuple[Span, Deadline]], labels: Labels,
                      starts: frozenset[int]) -> Deadline | None:
        """The deadline of the quantity's own clause, else the sentence-initial one, else a nearby one.

        Clauses are split at commas and semicolons. Within a clause the deadline after
        the quantity wins ("A by 2030 and B by 2033"); another clause's deadline counts
        only when this clause continues it ("..., and to reach 15% ...") or plans itself,
        and never across a subordinating word ("even though demand will triple by 2030").
        """
        if not sent_deadlines:
            return initial
        doc = sent.doc
        clause_of = _clause_ids(sent)
        mine = clause_of[q.start - sent.start]
        same = [d for d in sent_deadlines if clause_of[d[0].start - sent.start] == mine]
        attached = _attached(q, same, starts) if same else None
        if attached is not None:
            return attached
        if initial is not None:
            return initial
        own_clause = [i for i in range(sent.start, sent.end) if clause_of[i - sent.start] == mine]
        plans = any("TARGET_CUE" in labels.get(i, ()) for i in own_clause)
        if not plans and _new_statement(doc, own_clause):
            return None  # "..., and the pipeline includes 120 projects": a statement of its own
        pool = [d for d in sent_deadlines if not _subordinate(doc, sent, d[0].start, q.start)]
        return _attached(q, pool, starts) if pool else None

    def _goal_scopes(self, doc: Doc, leadins: list[Span], deadlines: list[tuple[Span, Deadline]]
                     ) -> list[tuple[int, int, Deadline | None]]:
        """Token ranges governed by a goals lead-in, with the lead-in sentence's deadline."""
        scopes = []
        for span in leadins:
            sent = doc[span.start].sent
            in_sent = [d for d in deadlines if sent.start <= d[0].start <= span.end]
            deadline = in_sent[-1][1] if in_sent else None
            end = _paragraph_end(doc, span.end)
            rest = doc[span.end:end].text.strip()
            if not rest:  # lead-in ends its paragraph: the list follows in paragraphs of its own
                k = end
                # A heading without a colon ("Sector allocations") only opens a marked list.
                marked: bool | None = None if span[-1].text in {":", "："} else True
                for _ in range(_MAX_LIST_ITEMS):
                    first = _skip_space(doc, k)
                    if first >= len(doc):
                        break
                    nxt = _paragraph_end(doc, first)
                    para = doc[first:nxt].text
                    is_marked = bool(_LIST_MARKER.match(para))
                    if marked is None:
                        marked = is_marked
                    # A marked list runs while items are marked; an unmarked one while paragraphs are short.
                    if (marked and not is_marked) or (not marked and len(para) >= 300):
                        break
                    end, k = nxt, nxt
            scopes.append((span.end, end, deadline))
        return scopes

    # -- status -----------------------------------------------------------------------

    def _status(self, doc: Doc, sent: Span, q: Quantity, labels: Labels, own: Deadline | None,
                published: date | None, in_goals: bool, inside: frozenset[int]) -> str:
        deadline_past = own is not None and published is not None and own.end < published.isoformat()
        if deadline_past or _is_baseline_value(doc, q):
            return "actual"  # "in 2022"; "up from 14.8 GW today"
        if in_goals:
            return "target"
        cue = self._nearest_cue(doc, sent, q, labels, left_only=True, inside=inside)
        if cue is not None:
            return "target" if cue == "TARGET_CUE" else "actual"
        after = self._nearest_cue(doc, sent, q, labels, inside=inside, clause_only=True)
        if after == "ACTUAL_CUE":
            return "actual"  # "2.9 GW of capacity was added during FY24"
        if own is not None and (published is None or own.end >= published.isoformat()):
            return "target"
        return "target" if after == "TARGET_CUE" else "actual"

    def _nearest_cue(self, doc: Doc, sent: Span, q: Quantity, labels: Labels, *, left_only: bool = False,
                     inside: frozenset[int] = frozenset(), clause_only: bool = False) -> str | None:
        """The status cue nearest before the quantity (else after it, in its clause).

        Cue words inside other quantities ("up to", "exceeding") do not count.
        """
        for i in range(q.start - 1, sent.start - 1, -1):
            if i in inside:
                continue
            if "TARGET_CUE" in labels.get(i, ()):
                # "have earmarked 60 billion" is done; "has pledged to cut" is still a plan.
                perfect = i > sent.start and doc[i - 1].lower_ in {"has", "have", "had"}
                if perfect and not (i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
                    return "ACTUAL_CUE"
                return "TARGET_CUE"
            if "ACTUAL_CUE" in labels.get(i, ()) or (i == q.start - 1 and _past_tense(doc[i], labels)):
                if i > sent.start and doc[i - 1].lower_ in _DETERMINERS:
                    continue  # "the added value", "the installed capacity": an adjective
                # "will be built", "will have planted", "is to be completed": future, not a report.
                if any("TARGET_CUE" in labels.get(k, ()) for k in range(max(sent.start, i - 3), i)):
                    return "TARGET_CUE"
                return "ACTUAL_CUE"
        if left_only:
            return None
        for i in range(q.end, sent.end):
            if i in inside:
                continue
            if "TARGET_CUE" in labels.get(i, ()):
                return "TARGET_CUE"
            if "ACTUAL_CUE" in labels.get(i, ()):
                return "ACTUAL_CUE"
            if doc[i].text in {";", "；"} or (clause_only and doc[i].text in {",", "，"}):
                break
        return None

    # -- clause, metric, kind ------------------------------------------------------------

    def _clause_start(self, doc: Doc, sent: Span, q: Quantity, previous: Quantity | None) -> int:
        floor = max(sent.start, previous.end if previous is not None else sent.start)
        i = q.start - 1
        while i >= floor:
            token = doc[i]
            if token.text == ")" and i - 1 > floor:
                # "The consumer price index (CPI) is expected to ...": a parenthesis inside the clause.
                opening = next((k for k in range(i - 1, max(floor, i - 12) - 1, -1) if doc[k].text == "("), None)
                if opening is not None and opening > floor:
                    i = opening - 1
                    continue
            if token.text in _CLAUSE_PUNCT or token.lower_ in _CLAUSE_WORDS or (token.is_space and "\n" in token.text):
                return i + 1
            i -= 1
        return floor

    def _metric(self, doc: Doc, q: Quantity, clause_start: int, labels: Labels,
                previous: Quantity | None, records: list[Target]) -> str | None:
        """What is measured: the subject before the predicate, or the counted noun phrase."""
        if q.unit_type == "rank":
            return self._phrase(doc, q.end, limit=5)  # "top 20 national high-tech zones"
        region = [i for i in range(clause_start, q.start) if not _any(labels, i, ("DEADLINE", "DEADLINE_CARRY"))]
        # The predicate chain: linking verbs, modals and cues right before the number.
        chain_start = len(region)
        while chain_start > 0 and _any(labels, region[chain_start - 1], _CHAIN_LABELS):
            chain_start -= 1
        subject_ids = region[:chain_start]
        chain = region[chain_start:]
        last_link = doc[chain[-1]].lower_ if chain else None
        verb = None
        if not chain and subject_ids:
            last = doc[subject_ids[-1]]
            imperative = last.i == clause_start and last.is_title  # "2. Build 50 new factories"
            if ((last.is_lower or imperative) and last.is_alpha and last.lower_ not in self.non_count
                    and _verb_position(doc, last.i, clause_start, labels, self.agents)):
                verb, subject_ids = last.lower_, subject_ids[:-1]
        if last_link == "of" and subject_ids:
            # "a total financial support of Rs 500 crore": the noun phrase right before "of".
            k = len(subject_ids)
            while k > 0 and not (doc[subject_ids[k - 1]].lower_ in _DETERMINERS | _PREPOSITIONS
                                 or doc[subject_ids[k - 1]].is_punct
                                 or _any(labels, subject_ids[k - 1], ("TARGET_CUE", "ACTUAL_CUE"))):
                k -= 1
            subject_ids = subject_ids[k:] or subject_ids
        subject = self._clean_subject(doc, subject_ids, labels)
        of_phrase = self._of_phrase(doc, q.end) if q.unit_type in ("unit", "currency") else None
        if q.unit_type == "count" and q.noun_start is not None:
            noun = doc[q.noun_start:q.noun_end].text
            counted_of = self._of_phrase(doc, q.end)
            if counted_of:
                noun = f"{noun} of {counted_of}"  # "2 million units of affordable housing"
            tail = self._tail(doc, q.end)
            if verb is not None and verb.endswith("s"):
                return " ".join(x for x in (noun, tail) if x)  # "wants 500,000 chargers"
            if verb is not None:
                return " ".join(x for x in (noun, past_participle(verb, self.participles), tail) if x)
            if last_link == "of" and subject and len(subject.split()) <= 3 and not _is_pronoun(subject) \
                    and not subject.endswith(("tion", "sion")):  # not "the implementation of 50 projects"
                return " ".join(x for x in (f"{subject} of {noun}", tail) if x)  # "a capacity of 48 lakh chips"
            linked = last_link not in _PREPOSITIONS or doc[q.start].lower_ in _LINKING  # "expected to exceed"
            attached = subject is not None and subject_ids[-1] == q.start - 1 and len(subject.split()) == 1 \
                and doc[q.start].like_num  # "the remaining 25 lakh households": a modifier of the count
            if subject and linked and not attached and not _is_pronoun(subject) and not _is_name(subject):
                return subject
            return " ".join(x for x in (noun, tail) if x)
        junk = (not subject or _is_pronoun(subject) or verb is not None or _is_name(subject)
                or (subject.split()[-1].endswith("ed") and subject.split()[-1].islower())  # "the EU installed"
                or (len(subject.split()) <= 3 and subject.split()[-1].lower() in self.agents)
                or any(_any(labels, i, ("TARGET_CUE", "ACTUAL_CUE")) for i in subject_ids[:-1]))
        if of_phrase and (junk or q.unit_type == "unit" and last_link not in _LINKING):
            return of_phrase  # "2,800 MW of new clean power"
        if q.unit_type == "percent" and last_link == "of" and subject_ids \
                and _any(labels, subject_ids[-1] + 1, ("TARGET_CUE",)) or (
                q.unit_type == "percent" and chain and _any(labels, chain[0], ("TARGET_CUE",))
                and doc[chain[0]].lower_ in _GOAL_NOUNS):
            following = (self._phrase(doc, q.end, limit=6) if q.end < len(doc) and doc[q.end].is_lower
                         and not _any(labels, q.end, ("DEADLINE",)) else None)
            if following:
                return following  # "a goal of 70 percent renewable electricity"
            if subject and not _is_pronoun(subject):
                return subject  # "a GDP growth target of around 5.5 percent this year"
        after = q.extras.get("equivalent_tokens", (0, q.end))[1]  # type: ignore[index]
        if q.unit_type == "currency" and junk:
            target = self._prep_phrase(doc, after, with_preposition=False)
            if target:
                return target  # "set aside Rs 11 lakh crore for capital expenditure"
        if verb is not None and q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
            whole = self._phrase(doc, q.end + 1)
            if whole:
                return f"share of {whole}"  # "renovate at least 3% of the floor area"
        purpose = self._prep_phrase(doc, after) if verb is not None else None
        if verb is not None and q.unit_type == "currency" and subject and not purpose and not _is_pronoun(subject):
            return subject  # "The EU budget will contribute up to €300 million through ..."
        if verb is not None and (not subject or _is_pronoun(subject) or _is_name(subject)
                                 or subject.split()[-1].lower() in self.agents):
            return " ".join(x for x in (verb, purpose) if x)
        agent_subject = subject is not None and subject.split()[-1].lower() in self.agents \
            and len(subject.split()) <= 3
        if q.unit_type == "percent" and (not subject or _is_pronoun(subject) or _is_name(subject) or agent_subject):
            nxt = doc[q.end] if q.end < len(doc) else None
            plain_word = nxt is not None and nxt.is_lower and not _any(
                labels, nxt.i, _CHAIN_LABELS + _CHANGE_LABELS + ("DEADLINE",))
            following = self._phrase(doc, q.end, limit=6) if plain_word else None
            if following:
                return following  # "reach 100 percent clean electricity"
        if subject and q.unit_type == "percent" and len(subject.split()) <= 3 and last_link in _SHARE_LINKS \
                and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
            whole = self._phrase(doc, q.end + 1)
            if whole:
                return f"{subject} share of {whole}"  # "EVs making up 70% of new car sales"
        if subject and not _is_pronoun(subject):
            return subject
        if q.unit_type == "percent" and q.end + 2 < len(doc) and _any(labels, q.end, _CHANGE_LABELS) \
                and doc[q.end + 1].lower_ in {"in", "of"}:
            changed = self._phrase(doc, q.end + 2)
            if changed:
                return changed  # "a 55% reduction in net emissions"
        if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
            whole = self._phrase(doc, q.end + 1)
            if whole:
                return f"share of {whole}"  # "at least 49% of energy use in buildings ..."
        label = self._label_before_colon(doc, clause_start)
        if label:
            return label  # "Education: ₹44,422 crore"
        if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "for":
            purpose = self._phrase(doc, q.end + 1)
            if purpose:
                return purpose  # "- 30% for single-use plastic beverage bottles"
        listed = self._list_subject(doc, q)
        if listed:
            return listed  # "reduction targets for packaging waste per capita: 5% by 2030, 10% by 2035"
        if previous is not None and records and records[-1].metric:
            return records[-1].metric
        return None

    def _list_subject(self, doc: Doc, q: Quantity) -> str | None:
        """What a colon list measures: the words after "targets for/of" before the colon."""
        k = q.start - 1
        while k > 0 and q.start - k < 40 and doc[k].text not in {":", "："} and not doc[k].is_sent_start:
            k -= 1
        if doc[k].text not in {":", "："}:
            return None
        for i in range(k - 1, max(-1, k - 14), -1):
            if doc[i].lower_ in _GOAL_NOUNS or doc[i].lower_ == "benchmarks":
                j = i + 1
                while j < k and doc[j].lower_ in {"for", "of", "on", "in", "to", "the"}:
                    j += 1
                return self._phrase(doc, j) if j < k else None
        return None

    def _label_before_colon(self, doc: Doc, clause_start: int) -> str | None:
        """The label of a list line: the words between the line start and the colon."""
        colon = clause_start - 1
        if colon < 1 or doc[colon].text not in {":", "："}:
            return None
        k = colon
        while k > 0 and colon - k < 8 and not (doc[k - 1].is_space or doc[k - 1].text in _LIST_BULLETS):
            k -= 1
        words = [i for i in range(k, colon) if not doc[i].is_punct]
        if not words or colon - k >= 8 or (k > 0 and not doc[k - 1].is_space and doc[k - 1].text not in _LIST_BULLETS):
            return None
        return doc[words[0]:words[-1] + 1].text

    def _of_phrase(self, doc: Doc, i: int) -> str | None:
        """"500 GW of wind capacity" -> "wind capacity" (also "2,800 megawatts (MW) of ...")."""
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            i += 3
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        return _drop_determiner(self._phrase(doc, i + 1))

    def _prep_phrase(self, doc: Doc, i: int, *, with_preposition: bool = True) -> str | None:
        """"spend 3 billion on rail upgrades" -> "on rail upgrades" (or "rail upgrades")."""
        if i >= len(doc) or doc[i].lower_ not in {"on", "in", "for", "into"}:
            return None
        rest = self._phrase(doc, i + 1)
        if rest and rest.split()[-1].lower() in _TIME_WORDS | {"period"}:
            return None  # "for the period up to FY 2026-27"
        if rest and not with_preposition:
            return _drop_determiner(rest)
        return f"{doc[i].text} {rest}" if rest else None

    def _phrase(self, doc: Doc, i: int, limit: int = 6) -> str | None:
        words: list[int] = []
        while i < len(doc) and len(words) < limit:
            token = doc[i]
            if token.is_space or (token.is_punct and token.text not in {"-", "&"}) or token.lower_ in _PHRASE_STOPS \
                    or token.like_num:
                break
            words.append(i)
            i += 1
        return doc[words[0]:words[-1] + 1].text if words else None

    def _tail(self, doc: Doc, i: int) -> str:
        """A short prepositional tail after a counted noun: "under negotiation", "into operation"."""
        if i + 1 < len(doc) and doc[i].lower_ in {"under", "into", "in"} and doc[i + 1].is_alpha \
                and doc[i + 1].is_lower and doc[i + 1].lower_ not in self.non_count:
            return f"{doc[i].text} {doc[i + 1].text}"
        return ""

    def _clean_subject(self, doc: Doc, ids: list[int], labels: Labels) -> str | None:
        """The noun phrase of a subject region: determiners, conjunctions and verbs trimmed."""
        # Split at the last modal or cue: "Grain output will be stabilized" -> "Grain output";
        # "the EU will cut greenhouse gas emissions" -> "greenhouse gas emissions".
        for k in range(len(ids) - 1, -1, -1):
            if "TARGET_CUE" in labels.get(ids[k], ()):
                before, after = ids[:k], ids[k + 1:]
                passive = False
                while after and (doc[after[0]].lower_ in {"be", "been", "being", "further", "also", "to"}
                                 or _any(labels, after[0], _CHANGE_LABELS)):
                    passive = passive or doc[after[0]].lower_ in {"be", "been", "being"}
                    after = after[1:]
                if passive and after and doc[after[0]].is_lower:
                    after = after[1:]  # "will be held": the participle
                while after and doc[after[0]].is_lower and doc[after[0]].lower_.endswith(("ed", "en")):
                    after = after[1:]
                ids = after if after else before
                break
        if len(ids) > 2 and doc[ids[0]].is_title and doc[ids[1]].lower_ in _PLAN_VERBS | {"sets", "set", "has"}:
            ids = ids[2:]  # "China sets GDP growth (target at ...)" -> "GDP growth"
        ids = _without_parentheses(doc, ids)
        if not ids:
            return None
        # "achieving a total economic volume" -> "a total economic volume", but keep
        # "retail sales of consumer goods in the province" whole.
        first_det = next((k for k, i in enumerate(ids) if doc[i].lower_ in _DETERMINERS
                          and (k == 0 or doc[ids[k - 1]].lower_ not in _PREPOSITIONS)), None)
        if first_det is not None and first_det > 0:
            ids = ids[first_det:]
        while ids and (doc[ids[0]].lower_ in _DETERMINERS or doc[ids[0]].lower_ in _LEADING_JUNK
                       or doc[ids[0]].is_punct or doc[ids[0]].is_space):
            ids = ids[1:]
        while ids and (doc[ids[-1]].is_punct or doc[ids[-1]].is_space or doc[ids[-1]].lower_ in _LEADING_JUNK
                       or doc[ids[-1]].lower_ in _DETERMINERS):
            ids = ids[:-1]
        if not ids:
            return None
        if len(ids) > 12:
            ids = ids[-12:]
        text = "".join(doc[i].text_with_ws for i in ids)
        return " ".join(text.split()) or None

    def _kind(self, doc: Doc, q: Quantity, clause_start: int, labels: Labels) -> str:
        if q.unit_type == "rank":
            return "rank"
        if q.unit_type == "currency":
            return "amount"
        if q.unit_type == "count":
            return "count"
        if q.unit_type == "unit":
            return "quantity"
        if q.unit == "percentage_point":
            return "growth"
        if q.end < len(doc) and doc[q.end].lower_ == "of":
            return "share"  # "70 percent of new construction"
        if q.start > 0 and doc[q.start - 1].lower_ == "by":
            return "growth"  # "(cut emissions) by 55%", "and by 20% by 2035"
        if q.start > 0 and doc[q.start - 1].lower_ == "to":
            return "share"  # "rise to 50%": the level reached, not the change
        window = range(clause_start, min(len(doc), q.end + 3))
        growth = any("GROWTH_CUE" in labels.get(i, ()) and "SHARE_CUE" not in labels.get(i, ())
                     for i in window if not (q.start <= i < q.end))
        before = q.start - 1
        level = before >= 0 and doc[before].lower_ == "to" and any("SHARE_CUE" in labels.get(i, ()) for i in window)
        if growth and not level:
            return "growth"
        return "share"

    def _direction(self, doc: Doc, q: Quantity, clause_start: int, labels: Labels) -> str | None:
        for i in list(range(q.start - 1, clause_start - 1, -1)) + list(range(q.end, min(len(doc), q.end + 3))):
            if "DIRECTION_UP" in labels.get(i, ()):
                return "up"
            if "DIRECTION_DOWN" in labels.get(i, ()):
                return "down"
        return None

    def _base(self, doc: Doc, q: Quantity, kind: str, metric: str | None) -> str | None:
        """The whole of a share: "48 percent of the city's GDP", "the share of X in Y"."""
        if kind != "share":
            return None
        if q.end >= len(doc) or doc[q.end].lower_ != "of":
            match = _SHARE_OF_IN.match(metric or "")
            return match.group(1) if match else None
        k = q.end + 1
        words: list[int] = []
        while k < len(doc) and len(words) < 6 and not doc[k].is_punct and not doc[k].is_space \
                and doc[k].lower_ not in {"and", "by", "in", "that", "which", "will", "is", "was", "to", "for"}:
            words.append(k)
            k += 1
        return doc[words[0]:words[-1] + 1].text if words else None

    # -- actor ------------------------------------------------------------------------

    def _actor(self, doc: Doc, sent: Span, labels: Labels, proper: frozenset[str]) -> str | None:
        """The proper-noun subject of a sentence ("Binhai District will ..."), if any.

        ``proper`` holds the capitalized words the text also uses mid-sentence,
        which tells a name ("Binhai is") from a capitalized first word ("Progress is").
        """
        i = sent.start
        # Skip a sentence-initial deadline, its comma and a leading "The".
        while i < sent.end and (_any(labels, i, ("DEADLINE", "DEADLINE_CARRY")) or doc[i].is_punct
                                or doc[i].is_space or doc[i].lower_ == "the"):
            i += 1
        first = i
        while i < sent.end:
            token = doc[i]
            if token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1)):
                i += 1
            elif token.lower_ in {"-", "of", "for", "and", "&"} and i > first and i + 1 < sent.end and doc[i + 1].is_title:
                i += 1
            else:
                break
        if i == first or doc[first].lower_ in _NOT_ACTORS:
            return None
        verb = doc[i].lower_ if i < sent.end else ""
        strong = verb in _PLAN_VERBS or "TARGET_CUE" in labels.get(i, ())
        # A weak verb ("is", "has") needs evidence that the word is a name: used mid-sentence too.
        if not strong and (verb not in _SUBJECT_VERBS or doc[first].text not in proper):
            return None
        return doc[first:i].text

    def _continues(self, sent: Span, actor: str | None, carried: _Context) -> bool:
        if carried.deadline is None:
            return False
        if actor is not None and carried.actor is not None:
            return actor.split()[0].lower() == carried.actor.split()[0].lower()
        words = [t for t in sent[:3] if not t.is_space and not t.is_punct]
        if not words or actor is not None:
            return False
        if words[0].lower_ in _CONTINUATION_STARTS:
            return True
        # "The city will ...", "The province aims ...": the same body, named by its kind.
        return len(words) > 1 and words[0].lower_ == "the" and words[1].lower_ in self.agents

    # -- output -----------------------------------------------------------------------

    def _record(self, doc: Doc, q: Quantity, sent: Span, status: str, kind: str, direction: str | None,
                deadline: Deadline | None, metric: str | None, base: str | None, actor: str | None) -> Target:
        start_char = doc[q.start].idx
        end_token = doc[q.end - 1]
        end_char = end_token.idx + len(end_token.text)
        equivalent = None
        if q.equivalent is not None:
            value, unit, s, e = q.equivalent
            equivalent = Equivalent(value, unit, _char_slice(doc, s, e))
        sentence = " ".join(sent.text.split())
        return Target(
            status=status, kind=kind, value=q.value, unit=q.unit, comparator=q.comparator,  # type: ignore[arg-type]
            text=_char_slice(doc, start_char, end_char), start=start_char, end=end_char, sentence=sentence,
            value_max=q.value_max, direction=direction, deadline=deadline, metric=metric,  # type: ignore[arg-type]
            base=base, actor=actor, equivalent=equivalent,
            published=_published_iso(doc),
        )


def _char_slice(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without building ``doc.text`` (which joins every token, each call)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return span.text if span is not None else ""


def load_plan_periods_from(patterns: PatternSet) -> dict[int, tuple[int, int]]:
    entries = patterns.lexicon("plan_periods")
    if not entries:
        return load_plan_periods()
    return {int(k): (int(v[0]), int(v[1])) for k, v in entries.items()}


def _published_date(doc: Doc, text: str) -> date | None:
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


def _published_iso(doc: Doc) -> str | None:
    value = doc._.published
    return value.isoformat() if isinstance(value, date) else value


_CUE_LABELS = ("DEADLINE", "DEADLINE_CARRY", "COMPARATOR", "ACTUAL_CUE", "TARGET_CUE", "PREDICATE",
               "GROWTH_CUE", "SHARE_CUE", "DIRECTION_UP", "DIRECTION_DOWN")

Labels = dict[int, set[str]]


def _token_labels(by_label: dict[str, list[Span]]) -> Labels:
    """The cue labels of the span-ruler matches covering each token."""
    labels: Labels = {}
    for label in _CUE_LABELS:
        for span in by_label.get(label, ()):
            for i in range(span.start, span.end):
                labels.setdefault(i, set()).add(label)
    return labels


def _any(labels: Labels, i: int, wanted: tuple[str, ...]) -> bool:
    found = labels.get(i)
    return found is not None and any(label in found for label in wanted)


def _has_label(sent: Span, labels: Labels, label: str) -> bool:
    return any(label in labels.get(i, ()) for i in range(sent.start, sent.end))


def _colon_leadins(doc: Doc, labels: Labels) -> list[Span]:
    """A colon that ends a plan sentence ("The Act sets benchmarks ... by 2030:") opens a goals list;
    so does a short heading line with a plan word ("Sector allocations", "Main targets")."""
    found = []
    line_start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            line = [t for t in doc[line_start:token.i] if not t.is_space]
            if 0 < len(line) <= 6 and not line[-1].is_punct \
                    and any(_any(labels, t.i, ("TARGET_CUE",)) for t in line):
                found.append(doc[line[-1].i:line[-1].i + 1])
            line_start = token.i + 1
    for token in doc:
        if token.text not in {":", "："}:
            continue
        nxt = token.i + 1
        while nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text:
            nxt += 1
        if nxt < len(doc) and not (doc[nxt].is_space and "\n" in doc[nxt].text):
            continue  # the list must start on the next line
        start = token.sent.start
        if any(_any(labels, i, ("TARGET_CUE", "DEADLINE")) for i in range(start, token.i)):
            found.append(doc[token.i:token.i + 1])
    return found


def _is_baseline_value(doc: Doc, q: Quantity) -> bool:
    """The starting point of a change: "up from 14.8 GW", "from 26", "compared with 4.5 GW now"."""
    before = [doc[k].lower_ for k in range(max(0, q.start - 2), q.start)]
    return bool(before) and (before[-1] in {"from", "versus", "vs", "vs."} or before in (
        ["compared", "with"], ["compared", "to"], ["up", "from"], ["down", "from"]))


def _baseline(span: Span) -> bool:
    """A year used as a point of comparison or an age, not as a deadline."""
    doc = span.doc
    words = [t.lower_ for t in span]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    is_range = any(w in {"to", "-", "–", "through", "and"} for w in words[1:])
    if before in _BASELINE_WORDS or after in _BASELINE_FOLLOWERS or after in {"old", "ago", "earlier"}:
        return True
    if words[0] in {"from", "since", "than"} and not is_range:
        return True
    # "over 50 years" is "more than 50 years"; "over the next 5 years" is a period.
    period = is_range or any(w in {"next", "coming", "following"} or t.shape_ == "dddd" for w, t in zip(words, span, strict=True))
    return words[0] == "over" and not period


def _clause_ids(sent: Span) -> list[int]:
    """For each token of the sentence, the number of its comma/semicolon clause."""
    ids, current = [], 0
    for token in sent:
        if token.text in {",", ";", "；", "，"}:
            current += 1
        ids.append(current)
    return ids


def _attached(q: Quantity, deadlines: list[tuple[Span, Deadline]], starts: frozenset[int]) -> Deadline | None:
    """The deadline after the quantity with no other quantity in between, else the nearest one."""
    if not deadlines:
        return None
    after = [d for d in deadlines if d[0].start >= q.end and not any(q.end <= k < d[0].start for k in starts)]
    if after:
        return min(after, key=lambda d: d[0].start)[1]
    return min(deadlines, key=lambda d: min(abs(d[0].start - q.end), abs(q.start - d[0].end)))[1]


def _new_statement(doc: Doc, clause: list[int]) -> bool:
    """A clause that starts a statement of its own: "and the pipeline includes ..." (not "and to reach ...")."""
    words = [i for i in clause if not (doc[i].is_punct or doc[i].is_space)]
    if len(words) < 2 or doc[words[0]].lower_ not in {"and", "but", "so", "yet"}:
        return False
    second = doc[words[1]]
    return second.lower_ in _DETERMINERS or second.is_title or second.lower_ in _PRONOUNS


def _subordinate(doc: Doc, sent: Span, deadline_start: int, quantity_start: int) -> bool:
    """Whether a subordinating word stands between the quantity and a later deadline."""
    low, high = sorted((deadline_start, quantity_start))
    return any(doc[k].lower_ in _SUBORDINATORS for k in range(max(low, sent.start), high))


def _initial_deadline(sent: Span, sent_deadlines: list[tuple[Span, Deadline]]) -> Deadline | None:
    """A deadline that opens the sentence ("By 2025, ..."; "In 2023, ...") governs all of it."""
    for span, deadline in sent_deadlines:
        lead = [t for t in sent.doc[sent.start:span.start] if not (t.is_space or t.is_punct)]
        if not lead or (len(lead) <= 2 and all(t.lower_ in {"and", "also", "meanwhile", "then", "so"} for t in lead)):
            return deadline
    return None


def _paragraph_end(doc: Doc, i: int) -> int:
    while i < len(doc):
        if doc[i].is_space and "\n" in doc[i].text:
            return i
        i += 1
    return len(doc)


def _skip_space(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _past_tense(token: Token, labels: Labels) -> bool:
    """A lowercase "-ed" verb right before a quantity ("joined 120 countries"), not a plan word."""
    return (token.is_lower and token.is_alpha and token.lower_.endswith("ed") and len(token) > 4
            and not _any(labels, token.i, ("TARGET_CUE", "PREDICATE", "COMPARATOR")))


def _verb_position(doc: Doc, i: int, clause_start: int, labels: Labels, agents: frozenset[str]) -> bool:
    """Whether token ``i`` stands where a verb would: after "to", a modal, "and" or at the clause start."""
    if i <= clause_start:
        return True
    before = doc[i - 1]
    if before.lower_ in {"to", "and", "or", ","} or _any(labels, i - 1, ("TARGET_CUE", "ACTUAL_CUE", "PREDICATE")):
        return True
    # "The Act provides $369 billion", "the administration wants 500,000 chargers": a third-person verb.
    word = doc[i].lower_
    return word.endswith("s") and not word.endswith("ss") and (before.is_title or before.lower_ in agents)


def _drop_determiner(phrase: str | None) -> str | None:
    """ "the scheme" -> "scheme"; a phrase that is only a determiner stays as it is."""
    words = (phrase or "").split(" ", 1)
    return words[1] if len(words) == 2 and words[0].lower() in _DETERMINERS else phrase


def _without_parentheses(doc: Doc, ids: list[int]) -> list[int]:
    """Drop parenthetical asides: "the consumer price index (CPI)" -> "the consumer price index"."""
    out: list[int] = []
    depth = 0
    for i in ids:
        if doc[i].text == "(":
            depth += 1
        elif doc[i].text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(i)
    return out


def _is_name(text: str) -> bool:
    """A short proper name ("California", "Qingdao’s"), not a measured noun phrase ("GDP")."""
    words = text.split()
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0].istitle()


def _is_pronoun(text: str) -> bool:
    """ "it", "they", and pronoun-led clauses such as "we want"."""
    return text.lower() in _PRONOUNS or text.split()[0].lower() in {"we", "i", "you", "they", "it", "he", "she"}


def _possessor(metric: str | None) -> str | None:
    """"Qingdao’s GDP" -> "Qingdao"."""
    if not metric:
        return None
    match = re.match(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)*)[’']s\b", metric)
    return match.group(1) if match else None
