"""Metric and base: what a quantity measures ("the added value of the digital economy") and the whole of a share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from plancli.normalize.numbers import past_participle
from plancli.quantities import Quantity
from plancli.quantity_parts import RATE_ADVERBS, RATE_LEADS, YEAR_WORDS
from plancli.statements import kind as kind_room
from plancli.statements.common import (
    CHAIN_LABELS,
    CHANGE_LABELS,
    DETERMINERS,
    PREPOSITIONS,
    Labels,
    Vocabulary,
    doc_text,
    has_any,
    tokens_of,
)
from plancli.statements.phrases import (
    clean_subject,
    drop_determiner,
    is_name,
    is_pronoun,
    label_before_colon,
    list_subject,
    of_phrase,
    phrase,
    phrase_span,
    prep_phrase,
    tail,
    verb_position,
)
from plancli.statements.readings import (
    after_number,
    below_base,
    change_in,
    changed_object,
    goal_modifier,
    headed,
    list_item,
    refers_back,
    respectively,
    trimmed,
    unit_of,
    whole,
    with_change,
    with_purpose,
    without_change,
    worth_phrase,
)

_SHARE_OF_IN = re.compile(r"^(?:share|proportion|percentage|ratio|portion)\s+of\s+.+?\s+in\s+(?:the\s+)?(.+)$",
                          re.IGNORECASE)
#: "renewables in its power mix": a part in a whole.
_SHARE_IN = re.compile(r"^(\w[\w-]*) in (?:its |the |their )?(.+)$")


_POWER_UNITS = frozenset({"kW", "MW", "GW", "TW", "kilowatt", "megawatt", "gigawatt", "terawatt"})
_POWER_HEADS = frozenset({"capacity", "capacities", "output", "generation", "load", "demand", "supply"})
_SHARE_HEADS = frozenset({"share", "proportion", "percentage", "portion", "ratio"})
#: Verbs whose subject is a part of the whole after "N% of" ("renewables supply 50% of the electricity").
_SUPPLY_VERBS = frozenset({"supply", "supplies", "contribute", "contributes", "provide", "provides", "generate",
                           "generates", "meet", "meets"})
#: Verbs whose past participle says nothing about a share of a whole ("reach 30% of", "exceed 40% of").
_BARE_SHARE_VERBS = frozenset({"reach", "achieve", "hit", "exceed", "attain", "surpass", "have", "make", "set",
                               "bring"})
#: Money verbs and the noun of what they fund ("the government will invest $2 bn in grids" -> "investment in grids").
_SPENDING_NOUNS = {"invest": "investment", "spend": "spending", "allocate": "allocation"}
#: Verbs that bring a quantity about without acting on it ("enable 30 GW of rooftop solar").
_ENABLING = frozenset({"enable", "enables", "help", "helps", "support", "supports", "allow", "allows", "facilitate"})
#: Nouns of change besides the change verbs' own ("a drop of 2.5 percent in ...").
_CHANGE_WORDS = frozenset({"drop", "rise", "decline", "fall", "growth", "gain", "decrease"})
#: Adverbs between a verb and its number ("deliver only 500 homes").
_FOCUS_ADVERBS = frozenset({"only", "just", "merely", "even", "still", "also"})
#: Verbs that take another verb right after them ("help deliver 500 homes", "include treating 900 patients").
_CATENATIVES = frozenset({"help", "helps", "helping", "include", "includes", "including", "involve", "involves"})
#: Nouns that name no measured thing on their own ("this value", "the figure", "on average").
_GENERIC_NOUNS = frozenset({"value", "figure", "number", "amount", "level", "average", "total", "sum", "previous",
                            "one"})
#: A comparison that trails a noun before the number ("a figure as high as 150 trillion").
_ANAPHOR_TAIL = re.compile(r"\s+as\s+(?:high|much|many|low|large|big|little|few)$", re.IGNORECASE)
#: Verbs that start or end an action noun ("start construction of 3 projects" -> "projects started").
_PHASE_VERBS = frozenset({"start", "begin", "complete", "finish", "commence", "launch", "accelerate"})
#: Things whose power rating is their capacity ("the wind farm will generate 60 MW of power").
_FACILITIES = frozenset({"project", "plant", "park", "farm", "dam", "station", "facility", "complex"})
#: What a bare amount in a unit of area or length measures ("cover 2 million hectares" -> "area covered").
_DIMENSION_NOUNS = {"hectare": "area", "acre": "area", "km**2": "area", "m**2": "area", "mile**2": "area",
                    "km": "length", "mile": "length"}
#: Things a money value sizes ("a $1 trillion economy" -> "size of economy").
_SIZED = frozenset({"economy", "market", "industry", "sector"})
#: Possessives that open a whole but say nothing of it ("30% of their income").
_POSSESSIVES = frozenset({"their", "its", "our", "his", "her", "my", "your"})
_MODALS = frozenset({"must", "would", "should", "shall", "will", "can", "could", "may", "might"})
#: Words before a number that make it an added amount ("an additional 250 MW").
_ADDED = frozenset({"additional", "another", "extra"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
#: A subject reading that is only the actor ("The island aims to reach 70 percent ...") names no metric; nor does
#: a plural agent that is a verb's subject ("Public agencies are required to ...").
_ACTOR_SUBJECTS = frozenset({"island", "country", "nation", "government", "ministry", "city", "province", "county",
                             "company", "administration"})


@dataclass(frozen=True)
class Earlier:
    """Metrics stated before a quantity: the previous quantity's in the same sentence, and the last one at all."""

    in_sentence: str | None = None
    last: str | None = None
    sentence: tuple[str | None, ...] = ()  # every earlier quantity's metric in the same sentence
    headline: bool = False  # the quantity stands in the document's headline


def metric(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
           earlier: Earlier | None = None) -> str | None:
    """What is measured, as a short noun phrase headed by a noun, named the way a plan's indicator is
    (see :func:`_read` and :func:`_finished`)."""
    found = _read(doc, vocab, q, clause_start, labels, earlier)
    named = _finished(doc, vocab, q, clause_start, labels, found) if found else _listed(earlier)
    if named is not None and named.startswith("share of ") and earlier is not None:
        named = _part_before(doc, vocab, q, earlier.in_sentence, named[len("share of "):]) or named
    if named is not None and not {"from", "below", "vs"} & set(named.lower().split()):
        named = below_base(doc, q, labels, named)  # "a 35% emissions reduction by 2030 over 2005"
    return _initialled(doc, vocab, named) if named else named


#: Verbs by which a figure's subject, after "and", is a share of a whole ("... surpass $9 bn and account for 25%
#: of GDP", "... and equal 2% of GDP"), besides lexicon ``share_links``.
_SHARE_VERBS = frozenset({"contribute", "contributes", "equal", "equals", "equaling", "equalling", "amount"})
#: Comparator words before a figure ("more than 25%") and the words that end a percentage ("4.9 per cent").
_BEFORE_FIGURE = frozenset({"more", "than", "less", "about", "around", "over", "nearly", "at", "least", "up"})
_PERCENT_ENDS = frozenset({"%", "percent", "cent", "pc", "pct"})


def _part_before(doc: Doc, vocab: Vocabulary, q: Quantity, said: str | None, whole: str) -> str | None:
    """A share that names only its whole ("3% of GDP") is a share of what the figure before it in the sentence
    measured when the two are one subject's: "cut the budget deficit from 4.9% to 3% of GDP" -> "budget deficit to
    GDP" (a ratio part, lexicon ``ratio_parts``), "output will surpass $9 bn and account for 25% of GDP" ->
    "output share of GDP"."""
    changes = vocab.change_words | set(vocab.change_nouns.values())
    if not said or said.startswith("share") or " share of " in said or _generic(said) \
            or said.split()[-1].lower() in changes or q.end >= len(doc) or doc[q.end].lower_ != "of":
        return None
    k = q.start - 1
    while k > 0 and doc[k].lower_ in _BEFORE_FIGURE:
        k -= 1  # "and account for more than 25%"
    ranged = k > 2 and doc[k].lower_ == "to" and (doc[k - 1].like_num or doc[k - 1].lower_ in _PERCENT_ENDS) \
        and any(doc[j].lower_ == "from" for j in range(max(0, k - 4), k - 1))
    linked = False
    if not ranged:
        verbs = 0
        while k > 0 and verbs < 3 and (doc[k].lower_ in vocab.share_links | _SHARE_VERBS or doc[k].lower_ == "to"):
            k, verbs = k - 1, verbs + 1
        linked = verbs > 0 and doc[k].lower_ == "and" and any(doc[j].like_num for j in range(max(0, k - 3), k))
    if not ranged and not linked:
        return None
    if said.split()[-1].lower() in vocab.ratio_parts:
        return f"{said} to {whole}"
    return f"{said} share of {whole}"


def _initialled(doc: Doc, vocab: Vocabulary, found: str) -> str:
    """A measure written out in full reads as its initials where the article writes them too ("gross domestic
    product growth" -> "GDP growth" in an article that says "GDP"; lexicon ``spelled_measures``)."""
    lowered = found.lower()
    for spelled in vocab.spelled_measures:
        if spelled not in lowered:  # the cheap test first: most metrics name no spelled measure
            continue
        words = re.compile(rf"\b{re.escape(spelled)}\b", re.IGNORECASE)
        if not words.search(found):
            continue
        initials = "".join(word[0] for word in spelled.split()).upper()
        if re.search(rf"\b{initials}\b", doc_text(doc)):
            found = words.sub(initials, found)
    return found


def _read(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
          earlier: Earlier | None = None) -> str | None:
    """What is measured, as a short noun phrase headed by a noun (see :func:`_metric`).

    A goal noun alone ("a target of 32 million vehicle sales", "a goal of 5,000 new homes") says that
    the figure is a goal, not what it measures, and a bare possessive ("province's") names no thing:
    the counted noun is the metric, else there is none.
    """
    found = _metric(doc, vocab, q, clause_start, labels, earlier) or _from_to_subject(doc, vocab, q, clause_start, labels)
    found = _ANAPHOR_TAIL.sub("", found).strip() or None if found else found  # "a figure as high as N"
    having = _having(doc, vocab, q) if found is not None and found.startswith("share of ") else None
    if having:
        found = f"{found[len('share of '):]} with {having}"  # "80% of villages will have paved roads"
    counted = doc[q.noun_start:q.noun_end].text if q.unit_type == "count" and q.noun_start is not None \
        and q.noun_end is not None else None
    being = _being(doc, vocab, q) if found is not None and found.startswith("share of ") and not having else None
    if being and found is not None:
        found = f"{being} {found}"  # "30% of local production to be EVs" -> "EVs share of local production"
    done = _done(doc, vocab, q) if found is not None and (found.startswith("share of ") or found == counted) else None
    if done and found is not None and done not in found:
        # "95% of these projects will be completed"; "33,000 homes will be built per annum"
        after = _after_word(doc, q, done)
        rate = tail(doc, vocab, after) if after < len(doc) and doc[after].lower_ == "per" else ""
        found = " ".join(x for x in (found, done, rate) if x)
    if found is not None and (_generic(found) or _pointed_share(doc, q, clause_start, found)):
        said = (earlier or Earlier()).in_sentence or (earlier or Earlier()).last
        # "by 2030 this value will reach 9.5%": the value named before, else the counted noun or unit
        found = said if said and not _generic(said) else None
    if found is not None and q.unit_type == "currency" and q.start > 0 and doc[q.start - 1].lower_ != "by" \
            and not any(doc[i].lower_ in vocab.change_nouns or doc[i].lower_ in set(vocab.change_nouns.values())
                        for i in range(q.end, min(len(doc), q.end + 3))):
        found = _level(doc, q, found, vocab)  # "grow 10% a year, to exceed 2.2 trillion yuan": the level
    possessive = found is not None and found.endswith(("'s", "\u2019s"))  # "province's": a fragment, no head
    goal_words = vocab.goal_nouns | DETERMINERS
    if found is None or not possessive and not _no_thing(found, vocab) and any(
            w.lower() not in goal_words for w in found.replace("'s", "").split()):
        return found
    if q.unit_type == "count" and q.noun_start is not None and q.noun_end is not None:
        return _additional(doc, vocab, q, doc[q.noun_start:q.noun_end].text) or None
    said = earlier.last if earlier is not None and not _generic(earlier.last or "value") \
        and _goal_set(doc, vocab, q, clause_start) else None  # "meet the target of 4 million tons"
    return after_number(doc, vocab, q, labels) or unit_of(doc, vocab, q) or said


def _listed(earlier: Earlier | None) -> str | None:
    """A figure whose own words name nothing ("followed by 11.8%, 13.7% and 11.5%", "Rs1.5 trillion for 2027-28")
    continues what the figure before it in the same sentence measured."""
    if earlier is None:
        return None
    said = earlier.in_sentence
    return said if said and not _generic(said) else None


def _finished(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels, found: str) -> str:
    """A reading named as a plan's indicator is: a share says "share" ("the proportion of X" -> "share of X",
    "raise renewables to 40%" -> "share of renewables"), a change by a percentage says which way it goes
    ("cut emissions by 40%" -> "emissions reduction", "GDP is to rise by 5%" -> "GDP growth"), and a yearly
    figure says "annual"."""
    words = found.split()
    while len(words) > 1 and words[0].lower() in vocab.goal_qualifiers and words[1].lower() not in vocab.metric_rejects \
            and any(w.lower() not in vocab.goal_nouns for w in words[1:]) and _judges_goal(doc, vocab, q, words):
        words = words[1:]  # "an ambitious growth target of 7%": growth
    found = " ".join(words)
    if len([w for w in words if not _owner(w, vocab)]) > 1:
        words = [w for k, w in enumerate(words) if k == len(words) - 1 or not _owner(w, vocab)]
        found = " ".join(words)  # "the revenue of Norland's software industry": what is measured, not whose
    if len(words) > 2 and words[0].lower() in vocab.share_synonyms and words[1].lower() in {"of", "in"}:
        found = " ".join(["share", *words[1:]])  # "proportion of nonfossil power"
    if q.unit_type == "currency":
        found = _spent(doc, vocab, q, found)
    if q.unit_type != "percent":
        return _yearly(doc, vocab, q, _per_thing(doc, vocab, q, found))
    found = _ratio_named(doc, vocab, labels, q, found) or _percent_named(doc, vocab, q, clause_start, labels, found)
    found = _share_source(doc, vocab, q, labels, found)
    changed = found.split()[-1].lower() in vocab.change_words | set(vocab.change_nouns.values())
    return _yearly(doc, vocab, q, found) if changed else found


def _judges_goal(doc: Doc, vocab: Vocabulary, q: Quantity, words: list[str]) -> bool:
    """Whether the qualifier opening ``words`` judges a goal noun that follows it in the text ("an ambitious growth
    target", "a binding emissions goal") or follows the figure ("2,000 targeted acres"), not a word of a fixed term
    ("official development assistance")."""
    sent = doc[q.start].sent
    span = len(words) + 1
    for i in range(max(sent.start, q.start - 30), min(sent.end, q.end + 30) - 1):
        if doc[i].lower_ == words[0].lower() and doc[i + 1].text == words[1]:
            if i == q.end or i > 0 and doc[i - 1].like_num:
                return True  # "2,000 targeted acres of parkland": the figure is the goal
            return any(doc[j].lower_ in vocab.goal_nouns for j in range(i + 1, min(sent.end, i + span + 1)))
    return False


#: Words between a share's whole and the "from" of its source: "(50% of procurement) is sourced from".
_SOURCE_LINKING = frozenset({"is", "are", "be", "will", "to", "being", "should", "must", "shall"})


def _share_source(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels, found: str) -> str:
    """A share whose whole comes from a source names the source: "produce 100% of its electricity from carbon-free
    sources" -> "share of electricity from carbon-free sources", "50% of procurement is sourced from local
    production" -> "share of procurement from local production"; not a baseline ("from 2005 levels")."""
    words = found.split()
    if len(words) < 3 or words[0].lower() != "share" or words[1].lower() != "of" or " from " in f" {found} ":
        return found
    window = range(q.end, min(len(doc), q.end + 12))
    k = next((j for j in window if doc[j].lower_ == words[-1].lower()), None)
    if k is None and len(words) > 3:  # a participle after the whole: "share of power drawn"
        k = next((j for j in window if doc[j].lower_ == words[-2].lower()), None)
    if k is None:
        return found
    j = k + 1
    while j < len(doc) and j - k < 4 and doc[j].lower_ in _SOURCE_LINKING:
        j += 1
    if j < len(doc) and j > k + 1 and doc[j].is_alpha and doc[j].is_lower and doc[j].lower_.endswith(("ed", "ing")):
        j += 1  # "is sourced from", "coming from"
    elif j < len(doc) and doc[j].is_alpha and doc[j].is_lower and doc[j].lower_.endswith(("ed", "ing")) \
            and j + 1 < len(doc) and doc[j + 1].lower_ == "from":
        j += 1  # "generated from"
    if j + 1 >= len(doc) or doc[j].lower_ != "from" or doc[j + 1].like_num \
            or has_any(labels, j + 1, ("DEADLINE", "DEADLINE_CARRY")):
        return found
    span = phrase_span(doc, vocab, j + 1, limit=4)
    if span is None or span[1] < len(doc) and doc[span[1]].lower_ == "to":
        return found  # "schools from kindergarten to grade 9": a range, not a source
    source = doc[span[0]:span[1]].text
    if not headed(source, vocab) or _period_only(source, vocab) \
            or any(ch.isdigit() for ch in source) or source.split()[-1].lower() in {"level", "levels"}:
        return found
    return f"{found} from {drop_determiner(source)}"


#: Money verbs by the noun of what they fund, in their other forms ("invests", "injected").
_MONEY_VERBS = {f"{stem}{end}": noun for stem, noun in (("invest", "investment"), ("inject", "investment"),
                                                        ("spend", "spending"), ("allocat", "allocation"))
                for end in (("", "s", "ing", "ed") if stem != "allocat" else ("e", "es", "ing", "ed"))}

def _spent(doc: Doc, vocab: Vocabulary, q: Quantity, found: str) -> str:
    """An amount a money verb takes is that spending: "invest $2 bn in rail upgrades" -> "investment in rail
    upgrades", "plans to inject 2 trillion won" -> "investment"."""
    k = q.start - 1
    while k >= 0 and q.start - k < 6 and doc[k].lower_ in vocab.amount_leads:
        k -= 1
    noun = _MONEY_VERBS.get(doc[k].lower_) if k >= 0 else None
    if noun is None or noun in found.lower():
        return found
    after = q.extras.get("equivalent_tokens", (0, q.end))[1]  # type: ignore[index]
    if after + 2 < len(doc) and doc[after].text == "(":
        after = next((j + 1 for j in range(after, min(len(doc), after + 12)) if doc[j].text == ")"), after)
    if after < len(doc) and doc[after].lower_ == "towards":
        purpose = phrase(doc, vocab, after + 1)
    else:
        purpose = prep_phrase(doc, vocab, after, with_preposition=False)
    if purpose:
        return f"{noun} in {drop_determiner(purpose)}"
    last = found.split()[-1]
    plain = last.isalpha() and last.islower() and not last.endswith("ed") and not is_name(found, vocab)
    return f"{found} {noun}" if plain else noun  # "the grid program is investing $10 bn": its investment


def _verb_before_amount(doc: Doc, vocab: Vocabulary, q: Quantity) -> bool:
    """A money amount right after a plain verb, so that a noun after it is the object's head ("achieve $5 trillion
    GDP", "earn $2 billion revenue")."""
    before = doc[q.start - 1]
    return q.unit_type == "currency" and before.is_lower and before.is_alpha \
        and before.lower_ not in PREPOSITIONS | vocab.prepositions | vocab.phrase_stops | vocab.amount_leads


#: Words that open a period after a noun ("growth next year", "cars this decade").
_PERIOD_OPENERS = frozenset({"this", "next", "last"})


def _period_start(doc: Doc, vocab: Vocabulary, labels: Labels, span: tuple[int, int]) -> int:
    """Where a period starts inside the phrase ``span`` (a deadline, a time word, "next ..."), else its end."""
    return next((i for i in range(*span) if has_any(labels, i, ("DEADLINE",)) or doc[i].lower_ in vocab.time_words
                 or doc[i].lower_ in _PERIOD_OPENERS), span[1])


def _rate_after(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """A percentage set right before a rate's name is that rate, whoever the clause's subject is ("reaffirmed
    confidence in a 4.2 percent GDP growth rate", "sees 7.5 percent economic growth")."""
    if q.unit_type != "percent" or q.end >= len(doc) or not doc[q.end].is_alpha \
            or not (doc[q.end].is_lower or doc[q.end].is_upper) or has_any(labels, q.end, CHAIN_LABELS + ("DEADLINE",)):
        return None
    span = phrase_span(doc, vocab, q.end, limit=5)
    if span is None:
        return None
    end = _period_start(doc, vocab, labels, span)  # "economic growth next year"
    words = [t.lower_ for t in doc[span[0]:end]]
    heads = vocab.percent_heads - {"share", "shares", "proportion", "percentage", "portion", "mix", "level"}
    if len(words) < 2 or words[-1] not in heads or any(w in DETERMINERS | vocab.phrase_stops for w in words):
        return None
    return doc[span[0]:end].text


def _more_after(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """"25 percent more rail freight" -> "rail freight increase", "20% fewer road deaths" -> "road deaths
    reduction": a percentage before a comparative is a change of the noun after it, not a share; a period after
    the noun is when ("20 percent more cars next year" -> "cars increase")."""
    if q.unit_type != "percent" or q.end + 1 >= len(doc) or doc[q.end].lower_ not in {"more", "fewer", "less"}:
        return None
    span = phrase_span(doc, vocab, q.end + 1, limit=4)
    if span is None:
        return None
    end = _period_start(doc, vocab, labels, span)
    named = doc[span[0]:end].text
    if not named or not headed(named, vocab) or not named.islower() or named.split()[0] in {"than", "of"}:
        return None
    return f"{named} {'increase' if doc[q.end].lower_ == 'more' else 'reduction'}"


def _before_relative(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> str | None:
    """The noun a relative clause before or around the quantity hangs on: "Export revenue, which was $16.1 billion
    in 2024, is projected to rise to $18.2 billion" measures export revenue in both figures."""
    start = max(doc[q.start].sent.start, q.start - 20)
    linking = vocab.linking_verbs | vocab.auxiliary_openings
    comma = next((j for j in range(q.start - 1, start - 1, -1) if doc[j].text == "," and j + 2 < len(doc)
                  and doc[j + 1].lower_ == "which" and doc[j + 2].lower_ in linking), None)
    if comma is None:
        return None
    begin = doc[comma].sent.start
    begin = next((j + 1 for j in range(comma - 1, begin - 1, -1) if doc[j].lower_ == "that"), begin)  # "said that X"
    subject = trimmed(clean_subject(doc, vocab, list(range(begin, comma)), labels), vocab)
    return subject if headed(subject, vocab) and not is_name(subject, vocab) and not is_pronoun(subject) else None


#: Labels of the words after an amount's "in" that end what it is in ("in 2030", "in growth").
_NOT_MONEY_NOUN = ("DEADLINE", *CHAIN_LABELS, *CHANGE_LABELS)


def _money_in(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """An amount "in" a plain noun is that noun's amount: "$60 billion in exports", "€80 billion in grants",
    "KRW 5 trillion in public investment" (a money verb's "in" is where the money goes: see :func:`_spent`)."""
    if q.unit_type != "currency":
        return None
    after = q.extras.get("equivalent_tokens", (0, q.end))[1]  # type: ignore[index]
    if after + 1 >= len(doc) or doc[after].lower_ != "in" or has_any(labels, after + 1, _NOT_MONEY_NOUN):
        return None
    k = q.start - 1
    while k >= 0 and q.start - k < 6 and doc[k].lower_ in vocab.amount_leads:
        k -= 1
    if k >= 0 and doc[k].lower_ in _MONEY_VERBS:
        return None
    span = phrase_span(doc, vocab, after + 1, limit=5)
    end = next((i for i in range(*span) if doc[i].lower_ in DETERMINERS | _PERIOD_OPENERS | {"each", "every"}
                or has_any(labels, i, _NOT_MONEY_NOUN)), span[1]) if span else 0
    words = doc[span[0]:end] if span and end > span[0] else None
    if words is None or not all(t.is_lower or t.text == "-" for t in words):
        return None  # "in the states", "in Kenya": where, not what
    text = words.text
    if not headed(text, vocab) or any(t.lower_ in vocab.time_words for t in words):
        return None
    verb = doc[k] if k >= 1 and doc[k - 1].lower_ in _MODALS | {"to"} else None
    if verb is not None and verb.is_lower and verb.is_alpha \
            and verb.lower_ not in vocab.metric_rejects | vocab.non_count | PREPOSITIONS:
        return f"{text} {_participle(verb.lower_, vocab)}"  # "to collect $1 billion in revenue": revenue collected
    return text


_GDP_SPELLED = re.compile(r"^(?:the |its |their )?gross domestic product$", re.IGNORECASE)


def _ratio_named(doc: Doc, vocab: Vocabulary, labels: Labels, q: Quantity, found: str) -> str | None:
    """"cut the budget deficit to 4% of GDP" -> "budget deficit to GDP" (also "budget gap", "net borrowing"; the
    measures a percentage of a whole puts in ratio to it are lexicon ``ratio_parts``)."""
    words = [w.lower() for w in found.split()]
    if words[-1] not in vocab.ratio_parts or {"of", "to", "share"} & set(words) or q.end + 1 >= len(doc) \
            or doc[q.end].lower_ != "of":
        return None
    whole_words = _whole(doc, vocab, labels, q.end + 1)
    if not whole_words:
        return None
    return f"{found} to {'GDP' if _GDP_SPELLED.match(whole_words) else whole_words}"


def _owner(word: str, vocab: Vocabulary) -> bool:
    """A possessive naming whose figure it is: a name ("Norland's", "EU’s") or an agent ("province's")."""
    stem = word[:-2] if word.endswith(("'s", "’s")) and len(word) > 2 else None
    return stem is not None and (stem[:1].isupper() or stem.lower() in vocab.agents)


def _percent_named(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels, found: str) -> str:
    """A percentage's reading with the share or the change it is ("share of X", "X reduction", "GDP growth")."""
    words = {w.lower().strip("’'") for w in found.replace("-", " ").split()}
    changes = set(vocab.change_nouns.values()) | vocab.change_words | set(vocab.change_nouns)
    kind = kind_room.kind(doc, q, clause_start, labels)[0]
    if kind == "share" and not words & (vocab.percent_heads | vocab.goal_nouns | changes | {"to"}):
        whole_words = _whole(doc, vocab, labels, q.end + 1) if q.end + 1 < len(doc) and doc[q.end].lower_ == "of" \
            else None
        if whole_words and not set(whole_words.lower().split()) & set(found.lower().split()):
            return f"{found} share of {whole_words}"  # "industry will account for 30% of GDP"
        # "raise renewables to 40%"; "to" names a ratio ("debt to GDP")
        ratio = found.split()[-1].lower() in vocab.ratio_parts  # "fiscal deficits below 4%": a ratio, no share
        return found if whole_words or ratio else f"share of {found}"
    named_share = _share_after(doc, vocab, q)
    if named_share:
        return named_share  # "an 80% renewables share in the power mix"
    if found.startswith("share of ") and _cut_before(doc, vocab, q):
        return f"{found[len('share of '):]} reduction"  # "cutting 50% of procedures": procedures, reduced by half
    growth = bool(words & vocab.growth_subjects)
    if kind == "growth" and not words & (changes | vocab.percent_heads):
        direction = kind_room.direction(doc, q, clause_start, labels) or _earlier_change(doc, vocab, q)
        if direction == "down":
            return f"{found} reduction"  # "Transport must cut its emissions by 42%"
        if direction == "up":
            return f"{found} {'growth' if growth else 'increase'}"  # "construction by 5.0 per cent"
    if growth and found.endswith(" increase"):
        return f"{found[:-len('increase')]}growth"  # "the regional GDP will increase by 5.5%"
    return found


#: Words before a verb inside a reading that leave the verb's object as the measure ("include increasing X").
_VERB_LEADS = frozenset({"to", "and", "include", "includes", "including", "notably", "by", "of"})


def _from_verb(found: str, vocab: Vocabulary) -> str:
    """A reading from its last change or steering verb on: "the government to cut greenhouse gas emissions",
    "efforts to double renewable energy production", "include increasing labour productivity" name the actor or
    another verb before the verb whose object is measured."""
    words = found.split()
    verbs = vocab.steering_verbs | frozenset(vocab.change_nouns)
    k = next((i for i in range(len(words) - 2, 0, -1) if words[i] in verbs and (
        words[i - 1].lower() in _VERB_LEADS or words[i].endswith("ing"))), None)
    return " ".join(words[k:]) if k is not None else found


def _without_verb(found: str, vocab: Vocabulary) -> str:
    """"keeping inflation", "raising real economic growth", "ramping up green investments" -> the verb's object."""
    words = found.split()
    k = 0
    while k < len(words) - 1 and (words[k].lower() in vocab.steering_verbs or words[k].lower() in vocab.change_nouns
                                  or not k and words[k] in vocab.reach_verbs
                                  or k and words[k] in {"up", "down"}):
        k += 1
    while 0 < k < len(words) - 1 and words[k].lower() in DETERMINERS:
        k += 1
    return " ".join(words[k:]) if k else _opening_gerund(found, vocab)


def _opening_gerund(found: str, vocab: Vocabulary) -> str:
    """A list line opened by a capitalized action gerund measures its object, done: "Allocating credit lines" ->
    "credit lines allocated", "Launching 300 projects" -> "projects launched" (not a sector: "Housing starts", nor a
    state: "Remaining budget", lexicon ``state_gerunds``)."""
    words = found.split()
    first = words[0]
    if len(words) < 2 or not first.istitle() or not first.endswith("ing") or len(first) < 6 \
            or first.lower() in vocab.sector_gerunds or first.lower() in vocab.state_gerunds \
            or not words[1].isalpha() or not words[1].islower() \
            or words[1] in DETERMINERS or words[1] in PREPOSITIONS or words[1] in vocab.prepositions:
        return found
    return f"{' '.join(words[1:])} {_participle(first, vocab)}"


def _level(doc: Doc, q: Quantity, found: str, vocab: Vocabulary) -> str:
    """The level a change leads to: "annual contribution rate increase" -> "contribution rate"."""
    level = without_change(found, vocab)
    if level == found and len(found.split()) > 1 and found.endswith(" growth") \
            and found.split()[-2].lower() in vocab.growth_subjects and not found.split()[-2].endswith(("ic", "al")):
        level = found[:-len(" growth")]  # "exports growth" (not "economic growth"): the exports
    if level == found or not level.startswith("annual ") or " ".join(level.split()[:2]).lower() \
            in doc[q.start].sent.text.lower():
        return level  # "the annual revenue ... will grow by 12%, to exceed ...": the text's own "annual"
    return level[len("annual "):]  # an "annual" that came with the change


def _share_after(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """A share named right after the percentage: "a 10% share in total sales", "an 80% renewables share of power"."""
    k = q.end
    while k < min(len(doc), q.end + 3) and doc[k].lower_ != "share" and (doc[k].is_alpha or doc[k].text == "-") \
            and doc[k].lower_ not in vocab.phrase_stops:
        k += 1
    if k + 2 >= len(doc) or doc[k].lower_ != "share" or doc[k + 1].lower_ not in {"in", "of"}:
        return None
    whole_words = drop_determiner(phrase(doc, vocab, k + 2, limit=5))
    return f"{doc[q.end:k + 1].text} of {whole_words}" if whole_words else None


#: How far back in its sentence an elliptical "X by N%" looks for the change verb it shares ("cut A by 30%, B by 20%").
_ELLIPSIS_REACH = 40


def _earlier_change(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """"up" or "down" from the last change verb of the sentence before an elliptical "X by N%" ("agriculture is
    to expand by 1.5 per cent, mining by 2.8 per cent")."""
    if q.start < 1 or doc[q.start - 1].lower_ != "by":
        return None
    start = max(doc[q.start].sent.start, q.start - _ELLIPSIS_REACH)
    noun = next((vocab.change_nouns[doc[k].lower_] for k in range(q.start - 2, start - 1, -1)
                 if doc[k].is_lower and doc[k].lower_ in vocab.change_nouns), None)
    return None if noun is None else "down" if noun == "reduction" else "up"


def _cut_before(doc: Doc, vocab: Vocabulary, q: Quantity) -> bool:
    """Whether a verb of reduction takes the percentage as its object ("reduce at least 80% of emissions")."""
    k = q.start - 1
    while k >= 0 and k > q.start - 4 and (doc[k].is_lower and doc[k].lower_ in {"at", "least", "about", "around",
                                                                                   "up", "to", "some", "nearly"}):
        k -= 1
    return k >= 0 and doc[k].is_lower and vocab.change_nouns.get(doc[k].lower_) == "reduction"


#: Words after "per" that make a rate in time or a percentage, not a figure per thing.
_PER_TIME = frozenset({"cent", "annum", "day", "week", "quarter", "hour", "minute", "second"})


def _per_thing(doc: Doc, vocab: Vocabulary, q: Quantity, found: str) -> str:
    """A figure given per thing says per what: "a dividend of 0.3 euros per share" -> "dividend per share",
    "five tonnes of CO2 per resident" -> "CO2 per resident"; a rate in time is :func:`_yearly`'s, and a unit's
    own "per" ("kg per hectare") is the unit's."""
    if " per " in f" {found.lower()} ":
        return found
    tokens = tokens_of(doc)
    lower, alpha = tokens.lower, tokens.alpha
    at = next((k for k in range(q.end, min(len(doc) - 1, q.end + 5))
               if lower[k] == "per" and all(alpha[j] for j in range(q.end, k))), None)
    if at is None or not alpha[at + 1] or lower[at + 1] in _PER_TIME | vocab.time_words | YEAR_WORDS:
        return found
    words = ["per", lower[at + 1]]
    if at + 3 < len(doc) and lower[at + 2] == "of" and alpha[at + 3] and lower[at + 3] not in found.lower().split():
        words += ["of", doc[at + 3].text]  # "per ton of clinker"
    return f"{found} {' '.join(words)}"


def _yearly(doc: Doc, vocab: Vocabulary, q: Quantity, found: str) -> str:
    """A figure given per year says so: a noun takes "annual" ("grow 6 per cent annually" -> "annual ... growth",
    "7 million tourists a year" -> "annual tourists"), an action keeps the text's adverb ("homes built yearly",
    "staff trained annually"; "a year" -> "per year")."""
    lowered = found.lower().split()
    if {"annual", "annually", "year", "yearly", "annum", "years"} & set(lowered):
        return found
    k = q.end
    tokens = tokens_of(doc)
    punct, like_num, space, lower = tokens.punct, tokens.like_num, tokens.space, tokens.lower
    while k < min(len(doc), q.end + 6) and not punct[k] and not like_num[k] and not space[k]:
        rate = lower[k] if lower[k] in RATE_ADVERBS else None
        if rate is None and lower[k] in RATE_LEADS and k + 1 < len(doc) \
                and lower[k + 1] in YEAR_WORDS:
            rate = f"per {lower[k + 1]}"
        if rate is not None:
            done = lowered[-1] in vocab.participle_forms or lowered[-1].endswith("ed") and found[-1].islower()
            return f"{found} {rate}" if done else f"annual {found}"
        k += 1
    return found


#: Openings of a verb phrase that a reading sometimes keeps instead of a noun ("has been fixed", "means connecting").
_VERB_OPENINGS = ("has been ", "have been ", "had been ", "means ", "focus on ", "focuses on ")


def _verb_after(doc: Doc, q: Quantity, reach: int, room: int, found: Callable[[int], bool]) -> int | None:
    """The first token within ``reach`` after the quantity's next word where ``found`` holds, with ``room``
    tokens after it in the doc; None past punctuation or another number (the part's own clause ends)."""
    for k in range(q.end + 1, min(len(doc) - room, q.end + reach)):
        if doc[k].is_punct or doc[k].like_num:
            return None
        if found(k):
            return k
    return None


def _having(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """What the counted part will have: "80 percent of villages will have paved roads" -> "paved roads"."""
    k = _verb_after(doc, q, 10, 1, lambda k: doc[k].lower_ in {"have", "has"} and doc[k - 1].lower_ in _MODALS)
    return None if k is None else drop_determiner(phrase(doc, vocab, k + 1, limit=4))


#: Words between a counted part and its "be" + participle ("are expected to be trained").
_AUXILIARIES = frozenset({"to", "are", "is", "expected", "planned", "set", "likely", "also", "then", "due"})


def _being(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """What the part is to be: "30% of local production to be EVs" -> "EVs" (a noun, not a participle)."""
    k = _verb_after(doc, q, 8, 2, lambda k: doc[k].lower_ == "to" and doc[k + 1].lower_ == "be")
    if k is None:
        return None
    word = doc[k + 2]
    if not word.is_alpha or word.lower_.endswith(("ed", "en")) or word.lower_ in vocab.phrase_stops \
            or word.lower_ in vocab.participle_forms or word.lower_ in vocab.metric_rejects:
        return None
    return drop_determiner(phrase(doc, vocab, k + 2, limit=3))


def _done(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """The participle said of the counted part: "95% of these projects will be completed" -> "completed"."""
    start = q.end + 2 if q.unit_type == "percent" and q.end < len(doc) and doc[q.end].lower_ == "of" else q.end
    first = next((j for j in range(start, min(len(doc), start + 8)) if doc[j].lower_ in _MODALS | _AUXILIARIES),
                 None)  # the part's own words ("of these projects") come before the verb
    if first is None:
        return None
    k = _verb_after(doc, q, 9, 1, lambda k: doc[k].lower_ == "be" and doc[k - 1].lower_ in _MODALS | {"to"} and all(
        doc[j].lower_ in _MODALS | _AUXILIARIES for j in range(first, k)))
    if k is None:
        return None
    word = doc[k + 1]
    sourced = k + 2 < len(doc) and doc[k + 2].lower_ == "from"  # "shall be derived from solar": a source
    participle = word.lower_.endswith(("ed", "en")) or word.lower_ in vocab.participle_forms
    phrasal = k + 2 < len(doc) and doc[k + 2].lower_ in {"up", "out", "off"}  # "set up": leave it
    return word.lower_ if word.is_lower and word.is_alpha and participle and not sourced and not phrasal else None


def _after_word(doc: Doc, q: Quantity, word: str) -> int:
    """The token after the first ``word`` behind the quantity (the end of the document if none)."""
    return next((k + 1 for k in range(q.end, min(len(doc), q.end + 10)) if doc[k].lower_ == word), len(doc))


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _pointed_share(doc: Doc, q: Quantity, clause_start: int, found: str) -> bool:
    """Whether a bare share noun is pointed back at: "raise this percentage to 10 percent"."""
    word = found.lower()
    return word in _SHARE_HEADS | _BARE_RATES and any(
        doc[i].lower_ == word and doc[i - 1].lower_ in _DEMONSTRATIVES for i in range(max(clause_start, 1), q.start))


def _generic(found: str) -> bool:
    """Whether a reading is only a generic noun after determiners ("this value", "the figure", "average")."""
    words = [w for w in found.lower().split() if w not in DETERMINERS | _DEMONSTRATIVES]
    return len(words) == 1 and (words[0] in _GENERIC_NOUNS or words[0][:-1] in _GENERIC_NOUNS)  # also plurals


def _no_thing(found: str, vocab: Vocabulary) -> bool:
    """Whether a reading names no measured thing: one lower-case verb or adverb form ("followed",
    "committing", "incrementally"; a capitalised "Housing" may be the subject) or a verb phrase ("has been
    fixed"); lexicon ``sector_gerunds``: -ing nouns that name a sector ("mining by 2.8 per cent")."""
    words = found.split()
    if len(words) == 1:
        return words[0].islower() and words[0].endswith(("ing", "ed", "ly")) and words[0] not in vocab.sector_gerunds
    return found.lower().startswith(_VERB_OPENINGS)


def _period_only(found: str, vocab: Vocabulary) -> bool:
    """Whether a reading names only a period ("fiscal year", "term", "the year"; lexicons ``time_words`` and
    ``period_qualifiers``), not what is measured."""
    words = [w for w in found.lower().replace("-", " ").split() if w not in DETERMINERS]
    return bool(words) and all(w in vocab.time_words or w in vocab.period_qualifiers for w in words)


def _from_to_subject(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> str | None:
    """The subject of a change from one figure to another: "The size of the sector will grow from 8 trillion
    yuan in 2020 to 14 trillion yuan in 2025" measures "size of the sector" in both figures."""
    at = q.start - 1
    if at < clause_start or doc[at].lower_ not in ("from", "to"):
        return None
    if doc[at].lower_ == "to":
        at = next((j for j in range(at - 1, max(clause_start, at - 12) - 1, -1) if doc[j].lower_ == "from"), -1)
        if at < clause_start:
            return None
    verb = at - 1
    while verb >= clause_start and has_any(labels, verb, CHAIN_LABELS + CHANGE_LABELS):
        verb -= 1
    if verb == at - 1 or verb < clause_start:
        return None  # no verb of change before "from", or no subject before it
    subject = trimmed(clean_subject(doc, vocab, list(range(clause_start, verb + 1)), labels), vocab)
    return subject if headed(subject, vocab) else None


def _metric(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
            earlier: Earlier | None = None) -> str | None:
    """What is measured, as a short noun phrase headed by a noun.

    The first reading (the subject, the counted noun, an of-phrase) is checked: a reading that ends in a
    function word, adverb or verb ("from", "currently", "made") gives way to the noun after the number,
    the noun before "worth", the of-phrase after the unit, and last the metric said before.
    A change verb before the measured noun names the change: "cut emissions by 40%" -> "emissions reduction".
    Last, the reading is completed: "N% X" is the share of X, an action verb or noun adds its participle
    ("offshore wind capacity deployed", "homes built"), "to be delivered" and "an additional" are kept.
    """
    earlier = earlier or Earlier()
    worth = worth_phrase(doc, vocab, q)
    if worth:
        return worth  # "attract investments worth $2 billion" -> "investments attracted"
    item = list_item(doc, vocab, q, labels)
    if item:
        part_of = next((whole(m) for m in earlier.sentence if whole(m)), None)
        return f"{item} of {part_of}" if part_of else item  # "20% solar, 20% wind" -> "wind share (of the mix)"
    change = change_in(doc, vocab, q, labels)
    if change:
        return change  # "- 25% drop in regional methane emissions"
    paired = respectively(doc, q, earlier.sentence)
    if paired:
        return paired  # "rate A of 9% and rate B of 41% will rise to 10% and 43%, respectively"
    supplied = _supplied_share(doc, vocab, q, clause_start, labels) or _part_from(doc, vocab, q, earlier.in_sentence) \
        or _glossed(doc, vocab, q)
    if supplied:
        return supplied  # "geothermal supplies up to 35% of the heat"
    if q.unit_type in ("unit", "currency") and q.start > 0 and (doc[q.start - 1].lower_ in {"a", "an", "the"}
                                                           or _verb_before_amount(doc, vocab, q)) \
            and q.end < len(doc) and doc[q.end].is_alpha and doc[q.end].lower_ not in vocab.phrase_stops \
            and not has_any(labels, q.end, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",)):
        named = phrase(doc, vocab, q.end, limit=4)
        if named and len(named.split()) > 1 and named.split()[-1].lower() in vocab.goal_nouns:
            named = named.rsplit(" ", 1)[0]  # "achieve a $2 trillion economy target": the economy
        if named and headed(named, vocab) and q.unit_type == "currency" and named.split()[-1].lower() in _SIZED:
            return f"size of {named}"  # "a $1 trillion economy"
        if named and headed(named, vocab):
            return _capacity(vocab, q, named)  # "the 2,000MW hydropower dam": the thing the value sizes
    money_in = _money_in(doc, vocab, q, labels) or _rate_after(doc, vocab, q, labels) or _more_after(doc, vocab, q, labels)
    if money_in:
        return money_in  # "$60 billion in exports and $5 billion in grants", "a 4.2 percent GDP growth rate"
    if q.end < len(doc) and doc[q.end].is_alpha and not (q.start > 0 and doc[q.start - 1].lower_ == "of"):
        goal_words = goal_modifier(doc, vocab, q, clause_start)
        plain = goal_words is not None and not any(
            w.lower() in vocab.phrase_stops or w.lower() in vocab.metric_rejects for w in goal_words.split()) \
            and goal_words.lower() not in set(vocab.change_nouns.values())
        if goal_words and plain:
            # "meeting the 15% biofuel blending target is doubtful": what the goal names
            return _percent_share(doc, vocab, q, clause_start, labels, goal_words)
    raw = _reading(doc, vocab, q, clause_start, labels, earlier.in_sentence)
    if raw and " to " in f" {raw.lower()} " and q.unit_type == "percent" and q.end + 1 < len(doc) \
            and doc[q.end].lower_ == "of":
        whole_words = _whole(doc, vocab, labels, q.end + 1)
        if whole_words:
            raw = _share_done(doc, vocab, q, whole_words)  # "the ability to locally make 40% of our fertiliser needs"
    found = trimmed(raw, vocab)
    purpose = _capacity_for(doc, vocab, q)
    if purpose and not _POWER_HEADS & set((found or "").lower().split()):
        found = purpose  # "a target of 4 GW for electrolysers": what the power is for, not the plan
    if (not found or found.split()[0].lower() in vocab.auxiliary_openings) and q.unit_type != "percent":
        found = _before_relative(doc, vocab, q, clause_start, labels)  # "X, which was $16 bn, is projected to ..."
    if found and len(found.split()) > 1 and found.split()[0] in {"up", "down"}:
        found = found.split(" ", 1)[1]  # "speed up economic growth to 7%": the particle of a phrasal verb
    if found and _period_only(found, vocab):
        # "5.1 percent for fiscal year 2028-29", "a long-term goal of $36 billion": when, not what
        found = earlier.in_sentence
    named_after = _qualified_after(doc, vocab, q, labels) if found and q.unit_type == "percent" \
        and (is_name(found, vocab) or found.lower() in vocab.goal_qualifiers | _BENCHMARKS) else None
    if named_after:
        found = named_after  # "Norland: 3.1% targeted economic growth rate": what follows, not the name
    head = found.split()[-1].lower() if found else ""
    if found and len(found.split()) <= 2 and (head in _ACTOR_SUBJECTS or head in vocab.agents
                                                  and head.endswith("s") and found != raw):
        found = None  # the actor, not what it measures
    found = _after_weekday(found, vocab)
    if earlier.headline and found:
        found = _headline_object(doc, vocab, q, labels, found)
    source = _source(doc, vocab, q)
    if source and (found is None or is_name(found, vocab) or is_pronoun(found) or found.lower().startswith("from ")
                   or not headed(found, vocab) or found == earlier.in_sentence):
        found = source  # "$20 billion from woven garments", "Norland will have 300 GW from solar and wind"
    unit_words = unit_of(doc, vocab, q)
    if found != raw and headed(unit_words, vocab):
        found = unit_words  # "The plan has set a target of 3 Mt per annum of green ammonia production"
    if not headed(found, vocab) or _action_only(found, vocab):
        found = None
        counted = doc[q.noun_start:q.noun_end].text if q.unit_type == "count" and q.noun_start is not None else None
        for candidate in (counted, goal_modifier(doc, vocab, q, clause_start), after_number(doc, vocab, q, labels),
                          unit_words, changed_object(doc, vocab, q, clause_start), _of_whole(doc, vocab, labels, q),
                          _capacity_for(doc, vocab, q)):
            if headed(candidate, vocab) and not _period_only(candidate or "", vocab):
                found = candidate
                break
    found = _shared_head(doc, q, found)
    if found is not None and q.unit_type == "unit" and q.start > 0 and doc[q.start - 1].lower_ == "of" \
            and headed(unit_words, vocab) and len(found.split()) <= 3 \
            and found.split()[-1].lower() in _POWER_HEADS | {"production"} and unit_words \
            and unit_words.lower() not in found.lower():
        found = f"{unit_words} {found}"  # "a production capacity of 5 Mt per annum of green hydrogen"
    if found is None:
        found = _fronted_subject(doc, vocab, q, clause_start, labels)
    if found is None and not earlier.in_sentence:
        found = _apposed(doc, vocab, q)
    if found is None and (earlier.in_sentence or refers_back(doc, vocab, q, clause_start, labels)):
        found = earlier.in_sentence or earlier.last
        if found and q.start > 0 and doc[q.start - 1].lower_ != "by":
            found = _level(doc, q, found, vocab)  # "... increase by 0.5 points a year until it reaches 13%": the level
    if found is None and earlier.last and _goal_set(doc, vocab, q, clause_start):
        found = earlier.last  # "officials will revise the 2030 goal to 120 trillion yen": the goal said before
    if (found is None or found.lower() in _BARE_RATES) and (earlier.in_sentence or earlier.last) \
            and _named_aim(doc, vocab, q, clause_start):
        found = earlier.in_sentence or earlier.last  # "X aims for 5 percent, Y targets around 5.5 percent"
    if found is None:
        found = _verb_object(doc, vocab, q)
    if found is None and earlier.last and _bare_line(doc, vocab, q, labels):
        found = earlier.last  # "(2) 30 percent by 2025;", "By 2025: 40% reduction": what the lead-in measured
    if found is None:
        return None
    found = _antecedent(doc, vocab, q, clause_start, found)
    if found.isupper() and " " not in found and earlier.in_sentence and any(
            doc[i].text == found and i + 1 < len(doc) and doc[i + 1].lower_ in vocab.goal_nouns
            for i in range(clause_start, q.start)):
        found = earlier.in_sentence  # "a carbon sink of 31 Gt, which would surpass the NDC target of 3 Gt"
    if found.lower() in set(vocab.change_nouns.values()) and earlier.last:
        # "the 25 per cent reduction target": the change of what the text measured before.
        return earlier.last if found.lower() in earlier.last.lower() else f"{found} in {earlier.last}"
    if q.unit_type == "percent" and found.lower().startswith("of "):
        found = "share of " + " ".join(w for w in found.split()[1:2] if w.lower() != "all") \
            + "".join(" " + w for w in found.split()[2:])  # "35% of all EU energy"
        found = " ".join(found.split())
    if len(found.split()) == 1:
        purposed = with_purpose(doc, vocab, q, found)
        purpose = purposed[:-len(found)].strip()
        if purpose and found.lower() in (earlier.in_sentence or "").lower().split() and headed(purpose, vocab) \
                and not _period_only(purpose, vocab):
            found = purpose  # "60 GW for solar and 20 GW for wind": the second's own purpose, not the first's
        elif not _period_only(purposed[:-len(found)], vocab):
            found = purposed  # "a capacity of 1,200 GW for wind", not "growth for fiscal year 2028-29"
    if q.unit_type == "currency" and q.start >= 2 and doc[q.start - 2].lower_ == "to" and doc[q.start - 1].is_lower \
            and doc[q.start - 1].is_alpha and doc[q.start - 1].lower_ not in vocab.metric_rejects | vocab.non_count \
            and found.split()[-1].lower() not in vocab.participle_forms and not found.endswith("ed") \
            and _text_after(doc, q.end, 40 + len(found)).find(found) in range(0, 40):
        found = f"{found} {_participle(doc[q.start - 1].lower_, vocab)}"  # "to collect $1 bn in revenue"
    share_in = _SHARE_IN.match(found) if q.unit_type == "percent" and q.start > 0 and doc[q.start - 1].lower_ == "to" \
        else None
    if share_in and share_in.group(1).lower() in set(vocab.change_nouns.values()) | _CHANGE_WORDS:
        found = share_in.group(2)  # "a reduction in inflation to 6%": the level of what changes, no share
    elif share_in and not any(w in found.lower() for w in ("share", "proportion", "rate", "ratio", "percentage")):
        found = f"{share_in.group(1)} share of {share_in.group(2)}"  # "raise renewables in its power mix to 40%"
    found = _percent_share(doc, vocab, q, clause_start, labels, found)
    found = _unit_done(doc, vocab, q, clause_start, labels, _capacity(vocab, q, found))
    found = below_base(doc, q, labels, with_change(doc, vocab, q, clause_start, _from_verb(found, vocab)))
    found = _without_verb(found, vocab)
    found = _to_be_done(doc, vocab, q, found)
    return _additional(doc, vocab, q, found)


#: Prepositions that join a measured noun to its whole inside one noun phrase ("share in the power mix").
_INNER_LINKS = frozenset({"in", "of", "on"})


def _apposed(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """A figure set off by a comma or a spaced dash right after a noun phrase measures that phrase: "growth targets,
    4.3 percent for fiscal year 2026-27" -> "growth", "its goal for the renewable share in the power mix, up to 35% by
    2030" -> "renewable share in the power mix", "figures in foreign investment - $110 billion". The phrase is read back from the comma to a determiner, pronoun or
    preposition that does not join it to its whole; a closing goal noun is dropped."""
    k = q.start - 1
    dash = k >= 1 and doc[k].text in {"-", "\u2013", "\u2014"} and doc[k].whitespace_ and doc[k - 1].whitespace_
    if k < 1 or doc[k].text != "," and not dash:
        return None
    k -= 1
    while k >= 0 and doc[k].lower_ in vocab.goal_nouns:
        k -= 1  # "growth targets, 4.3 percent"
    ids: list[int] = []
    while k >= 0 and len(ids) < 10:
        token = doc[k]
        low = token.lower_
        joined = ids and k > 0 and doc[k - 1].lower_ in _INNER_LINKS
        if low in DETERMINERS or low in _POSSESSIVES:
            if not joined:
                break
            ids[:0] = [k - 1, k]  # "share in the power mix": the whole belongs to the phrase
            k -= 2
            continue
        if not (token.is_alpha or token.text == "-" and ids) or low in PREPOSITIONS or low in vocab.prepositions \
                or low in vocab.phrase_stops or low in vocab.metric_rejects or low in vocab.goal_nouns \
                or low in vocab.linking_verbs or low in _MODALS:
            break
        ids.insert(0, k)
        k -= 1
    if len(ids) == 1 and k >= 0 and doc[k].lower_ in vocab.linking_verbs:
        return None  # "the target is higher - 45% by 2030": a lone word after "is" says how it is, it names nothing
    found = doc[ids[0]:ids[-1] + 1].text if ids else None
    if found is None or not headed(found, vocab) or _period_only(found, vocab) or is_name(found, vocab):
        return None
    return found


def _action_only(found: str | None, vocab: Vocabulary) -> bool:
    """A reading that is a preposition and a gerund ("towards completing", "for building") names an action, no thing."""
    words = (found or "").lower().split()
    return len(words) == 2 and (words[0] in PREPOSITIONS or words[0] in vocab.prepositions) \
        and words[1].endswith("ing") and words[1] not in vocab.sector_gerunds


def _bare_line(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> bool:
    """Whether the quantity stands on a list line that names nothing but a list number, a deadline or a change
    ("(2) 30 percent by 2025;", "By 2025: 40% reduction from 2010"): the line measures what its lead-in did."""
    allowed = vocab.bare_line_words | set(vocab.change_nouns.values())

    def plain(i: int) -> bool:
        token = doc[i]
        return (token.is_punct or token.like_num or token.lower_ in allowed
                or has_any(labels, i, ("DEADLINE", "DEADLINE_CARRY")))

    k = q.start - 1
    while k >= 0 and not (doc[k].is_space and "\n" in doc[k].text):
        if q.start - k > 8 or not plain(k):
            return False
        k -= 1
    if k < 0 or not _lead_line(doc, k):
        return False  # a headline, or a line after prose that leads into nothing
    j = q.end
    while j < len(doc) and not (doc[j].is_space and "\n" in doc[j].text):
        if j - q.end > 8 or not plain(j):
            return False
        j += 1
    return True


def _lead_line(doc: Doc, end: int) -> bool:
    """Whether the last non-blank line before token ``end`` leads into a list (ends in ":" or ";") or is a
    short line with a number (an earlier item of the same list)."""
    k = end
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return False
    if doc[k].text in {":", "：", ";"}:
        return True
    start = k
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    return k - start < 14 and any(doc[i].like_num for i in range(start, k + 1))


def _headline_object(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels, found: str) -> str:
    """A headline puts its actor first and a present-tense verb after it ("Poland passes higher offshore wind
    target of 18 GW", "Nation eyes $100 bln export earnings by 2026"): what is measured follows the verb (less a
    closing goal noun), or the number when the reading is the actor alone ("EU: 40% Renewable Energy by 2030")."""
    words = found.split()
    cut = next((k for k, w in enumerate(words) if k and w.lower() in vocab.headline_verbs), None)
    if cut is not None:
        rest = words[cut + 1:]
        while rest and rest[-1].lower() in vocab.goal_nouns:
            rest.pop()  # "sets renewable energy goal: 100%"
        if headed(" ".join(rest), vocab):
            return " ".join(rest)
    if len(words) <= 3 and all(w[:1].isupper() for w in words) and q.end < len(doc) and doc[q.end].is_alpha \
            and not has_any(labels, q.end, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",)):
        after = phrase(doc, vocab, q.end, limit=5)  # a headline's words may be capitalized
        if after and headed(after, vocab):
            return after
    return found


def _shared_head(doc: Doc, q: Quantity, found: str | None) -> str | None:
    """ "80 million domestic and 70 million foreign visitors": the first number's metric takes the shared noun."""
    if not found or q.unit_type != "count" or q.noun_start is None or q.noun_end is None \
            or q.noun_end <= q.noun_start or found != doc[q.noun_start:q.noun_end].text \
            or doc[q.noun_end - 1].lower_.startswith(q.unit):
        return found
    head = next((doc[k] for k in range(q.noun_end, min(len(doc), q.noun_end + 8))
                 if doc[k].is_alpha and doc[k].lower_.startswith(q.unit)), None)
    return f"{found} {head.text}" if head is not None else found


def _after_weekday(found: str | None, vocab: Vocabulary) -> str | None:
    """ "president announced on Wednesday a round of investments" -> "round of investments": the words after a
    day named in the reading."""
    if not found:
        return found
    words = found.split()
    cut = max((k for k, w in enumerate(words[:-1]) if w.lower() in _WEEKDAYS), default=None)
    if cut is None:
        return found
    rest = words[cut + 1:]
    while rest and rest[0].lower() in DETERMINERS:
        rest = rest[1:]
    return " ".join(rest) if headed(" ".join(rest), vocab) else found


def _text_after(doc: Doc, start: int, chars: int) -> str:
    """The first ``chars`` characters of ``doc[start:].text``, without building the rest of the document."""
    if start >= len(doc):
        return ""
    begin = doc[start].idx
    end = doc[-1].idx + len(doc[-1].text)
    return doc_text(doc)[begin:min(end, begin + chars)]


def _percent_share(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels, found: str) -> str:
    """"reach 100 percent clean electricity", "a 50% EV sales target" -> "share of clean electricity": a percentage
    set right before a noun is that noun's share."""
    if q.unit_type != "percent" or kind_room.kind(doc, q, clause_start, labels)[0] != "share":
        return found
    head = _text_after(doc, q.end, len(found))
    if not head.startswith(found) or doc[q.end].lower_ in vocab.phrase_stops | DETERMINERS \
            or doc[q.end].lower_ in vocab.subordinators | {"if", "whether", "not"} or len(found.split()) < 2:
        return found  # "40% decide to ...", "75% renewable by 2030": not a noun phrase
    after = q.end + len(head.split())
    if after < len(doc) and (doc[after].lower_ in DETERMINERS | {"that", "to"} or doc[after].like_num):
        return found  # "32% think that ...": a verb and its object
    words = {w.lower().strip("’'") for w in found.replace("-", " ").split()}
    if words & (vocab.percent_heads | vocab.goal_nouns | set(vocab.change_nouns.values()) | set(vocab.change_nouns)) \
            or any(w.endswith("ing") for w in words):
        return found  # "a 20% cut", "90% coverage", "20 percent ethanol blending"
    return f"share of {found}"


def _antecedent(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, found: str) -> str:
    """"Ruritania has 1,320MW of installed capacity. It plans to double that capacity to 2,700MW" -> "installed
    capacity": a bare head noun after "that"/"the" takes the one modifier it had in the sentences before."""
    head = found.lower()
    if " " in found or not found.islower() or head in vocab.metric_rejects:
        return found
    mention = next((i for i in range(q.start - 1, max(clause_start, q.start - 8) - 1, -1)
                    if doc[i].lower_ == head), None)
    if mention is None or mention == 0 or doc[mention - 1].lower_ not in {"the", "that", "this", "these", "those"}:
        return found
    sent = doc[q.start].sent
    back = sent.start
    for _ in range(2):  # the two sentences before
        if back > 0:
            back = doc[back - 1].sent.start
    modifiers = {doc[i - 1].lower_ for i in range(max(back, 1, mention - 200), mention - 1)
                 if doc[i].lower_ == head and doc[i - 1].is_alpha and doc[i - 1].is_lower
                 and doc[i - 1].lower_ not in DETERMINERS | PREPOSITIONS | vocab.phrase_stops | vocab.metric_rejects
                 and doc[i - 1].lower_ not in vocab.linking_verbs | _MODALS | _POSSESSIVES}
    return f"{modifiers.pop()} {found}" if len(modifiers) == 1 else found


def _whole(doc: Doc, vocab: Vocabulary, labels: Labels, i: int) -> str | None:
    """The whole after "N% of" at token ``i``, with its place: "the water used in each province"."""
    span = phrase_span(doc, vocab, i)
    if span is None:
        return None
    start, end = span
    while end - start > 1 and doc[start].lower_ in DETERMINERS | _POSSESSIVES | {"all"}:
        start += 1  # "30% of their income", "35% of all the energy"
    while end - start > 1 and doc[end - 1].lower_ in DETERMINERS | PREPOSITIONS | vocab.phrase_stops:
        end -= 1  # "the total floor area of the (buildings they own)"
    if doc[end - 1].lower_ in DETERMINERS | PREPOSITIONS:
        return None
    k = end + 1
    if end < len(doc) and doc[end].lower_ == "in" and not has_any(labels, end, ("DEADLINE", "DEADLINE_CARRY")):
        place = phrase_span(doc, vocab, k, limit=3)
        if place is not None:
            cut = next((j for j in range(place[0], place[1]) if doc[j].lower_ in _MODALS | vocab.linking_verbs), None)
            place = (place[0], cut) if cut is not None and cut > place[0] else None if cut is not None else place
        if place is not None:
            words = doc[place[0]:place[1]]
            after = doc[place[1]] if place[1] < len(doc) else None
            closed = after is None or after.is_punct or after.is_space or after.lower_ in vocab.phrase_stops \
                or after.lower_ in vocab.linking_verbs | _MODALS \
                or has_any(labels, after.i, ("TARGET_CUE", "PREDICATE"))
            if closed and not any(t.lower_ in vocab.time_words or t.like_num for t in words) \
                    and not has_any(labels, place[0], ("DEADLINE",)) and not _period_only(words.text, vocab):
                end = place[1]  # "of all water used in the region"
    return doc[start:end].text


def _qualified_after(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """The noun phrase after the number past words that judge a goal: "3.1% targeted economic growth rate"."""
    at = q.end
    while at < len(doc) and doc[at].lower_ in vocab.goal_qualifiers:
        at += 1
    if at >= len(doc) or not (doc[at].is_alpha and doc[at].is_lower) \
            or has_any(labels, at, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",)):
        return None
    found = phrase(doc, vocab, at, limit=5)
    return found if headed(found, vocab) else None


def _of_whole(doc: Doc, vocab: Vocabulary, labels: Labels, q: Quantity) -> str | None:
    """"plans targeting 60% of electricity generation" with nothing else named -> "share of electricity generation"."""
    if q.unit_type != "percent" or q.end + 1 >= len(doc) or doc[q.end].lower_ != "of":
        return None
    whole_words = _whole(doc, vocab, labels, q.end + 1)
    return f"share of {whole_words}" if whole_words and headed(whole_words, vocab) else None


def _share_done(doc: Doc, vocab: Vocabulary, q: Quantity, whole_words: str) -> str:
    """"spend 30% of income on housing" -> "share of income spent on housing": what the verb does to the whole."""
    verb = doc[q.start - 1] if q.start > 0 else None
    if verb is None or not (verb.is_alpha and verb.is_lower) or verb.lower_ in _BARE_SHARE_VERBS \
            or verb.lower_.endswith(("ly", "ed", "en")) or verb.lower_ in vocab.change_nouns \
            or verb.lower_ in vocab.linking_verbs | vocab.share_links | vocab.metric_rejects | vocab.non_count:
        return f"share of {whole_words}"
    done = _participle(verb.lower_, vocab)
    adverb = doc[q.start - 2].lower_ if q.start > 1 and doc[q.start - 2].lower_.endswith("ly") \
        and doc[q.start - 2].is_alpha else None  # "to locally produce"
    k = next((j for j in range(q.end + 1, min(len(doc), q.end + 14)) if _text_after(
        doc, j, len(whole_words.split()[-1])).startswith(whole_words.split()[-1]) and j + 1 < len(doc)), None)
    purpose = prep_phrase(doc, vocab, k + 1) if k is not None and doc[k + 1].lower_ in {"on", "into"} else None
    return " ".join(x for x in (f"share of {whole_words}", done, adverb, purpose) if x)


def _supplied_share(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> str | None:
    """"renewables supply 45% of the power", "hydro, which is expected to provide 30% of the
    power" -> "renewables share of power": the subject of a supply verb is the part."""
    if q.unit_type != "percent" or q.start < 3 or q.end + 1 >= len(doc) or doc[q.end].lower_ != "of":
        return None
    verb = q.start - 1
    linked = doc[verb].lower_ in {"up", "for"} and doc[verb - 1].lower_ in vocab.share_links
    if linked:
        verb -= 1  # "make up", "account for": a subject before them is read as usual
    elif doc[verb].lower_ not in _SUPPLY_VERBS:
        return None
    whole_words = _whole(doc, vocab, labels, q.end + 1)
    part = None if linked else _noun_before(doc, vocab, labels, verb - 1)
    if part is None:
        sent_start = doc[q.start].sent.start
        which = next((k for k in range(verb - 1, max(sent_start, q.start - 12), -1)
                      if doc[k].lower_ == "which" and doc[k - 1].text == ","), None)
        part = _noun_before(doc, vocab, labels, which - 2) if which is not None else None
    if part is None:
        part = _fronted_subject(doc, vocab, q, clause_start, labels)  # "Electric cars, now 5% of sales, should ..."
    if not part or not whole_words or part.lower() in vocab.agents:
        return None
    return f"{part} share of {whole_words}"


def _glossed(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """"to meet the country's emissions target (161 MtCO2e)": a value in brackets glosses the noun phrase before."""
    if q.start < 2 or doc[q.start - 1].text != "(" or not doc[q.start - 2].is_alpha:
        return None
    k = q.start - 2
    words: list[int] = []
    while k >= 0 and len(words) < 5 and doc[k].is_alpha and doc[k].lower_ not in DETERMINERS | PREPOSITIONS \
            and doc[k].lower_ not in vocab.phrase_stops | vocab.linking_verbs | _MODALS | vocab.metric_rejects \
            and not (doc[k].is_lower and doc[k].lower_.endswith(("ed", "ing")) and words):
        words.insert(0, k)
        k -= 1
    if k >= 0 and (doc[k].like_num or doc[k].is_currency or doc[k].is_alpha and doc[k].is_lower
                   and doc[k].lower_ not in DETERMINERS | PREPOSITIONS):
        return None  # "400 km (248 miles)": a conversion; "will meet NDC targets (...)": not a clean noun phrase
    if any(doc[i].lower_ in vocab.time_words for i in words):
        return None  # "(49.9% in the previous year)"
    text = doc[words[0]:words[-1] + 1].text if words else None
    if not text or is_name(text, vocab) or not headed(text, vocab) or text.lower() in vocab.goal_nouns:
        return None
    return text


def _part_from(doc: Doc, vocab: Vocabulary, q: Quantity, whole_metric: str | None) -> str | None:
    """"double capacity to 5,000MW, including 10% from renewable sources" -> "renewable sources share of capacity":
    a percentage from a source, inside an amount the sentence gave before."""
    if q.unit_type != "percent" or not whole_metric or q.start == 0 or q.end + 1 >= len(doc) \
            or doc[q.start - 1].lower_ not in {"including", "with"} or doc[q.end].lower_ != "from":
        return None
    part = drop_determiner(phrase(doc, vocab, q.end + 1, limit=4))
    if not part or not headed(part, vocab) or "share" in whole_metric.lower():
        return None
    return f"{part} share of {whole_metric}"


def _noun_before(doc: Doc, vocab: Vocabulary, labels: Labels, k: int) -> str | None:
    """The plain noun phrase (up to four words) ending at token ``k``: "have renewables (supply)" -> "renewables"."""
    words: list[int] = []
    while k >= 0 and len(words) < 4:
        token = doc[k]
        if token.text == "-" and k > 0 and words and not token.whitespace_ and not doc[k - 1].whitespace_ \
                and doc[k - 1].is_alpha:
            words[:0] = [k - 1, k]  # "non-fossil"
            k -= 2
            continue
        if not token.is_alpha or token.lower_ in DETERMINERS | PREPOSITIONS | vocab.prepositions \
                or token.lower_ in vocab.linking_verbs | vocab.phrase_stops | vocab.metric_rejects | _POSSESSIVES \
                or labels.get(k):
            break
        words.insert(0, k)
        k -= 1
    if not words or not (doc[words[-1]].is_lower or len(words) == 1 and doc[words[0]].is_sent_start):
        return None  # a lowercase noun phrase, or one word opening the sentence ("Wind, which supplies ...")
    return doc[words[0]:words[-1] + 1].text


def _unit_done(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels, found: str) -> str:
    """"deploy 30 GW of offshore wind" -> "offshore wind capacity deployed": what an action verb does to a physical
    quantity named after it ("Lay 80,000 square meters of new pavement" -> "new pavement laid")."""
    if q.unit_type != "unit" or q.start == 0 or found.split()[0].lower() not in {
            t.lower_ for t in doc[q.end:q.end + 8]}:
        return found
    verb = doc[q.start - 1]
    word = verb.lower_
    last = found.split()[-1].lower()
    if not (verb.is_alpha and (verb.is_lower or verb.i == clause_start)) or word.endswith(("ly", "ed", "en", "s")) \
            or word in _BARE_SHARE_VERBS | _SUPPLY_VERBS | _ENABLING | vocab.linking_verbs | vocab.share_links \
            or word in vocab.phrase_stops | vocab.metric_rejects | vocab.non_count | DETERMINERS | PREPOSITIONS \
            or word in vocab.change_nouns or last.endswith("ed") or last in vocab.participle_forms:
        return found
    if not (word.endswith("ing") or verb_position(doc, verb.i, clause_start, labels, vocab.agents)):
        return found
    return f"{found} {_participle(word, vocab)}"


def _to_be_done(doc: Doc, vocab: Vocabulary, q: Quantity, found: str) -> str:
    """"14 GW of storage capacity to be delivered" -> "storage capacity delivered"."""
    if q.unit_type not in ("unit", "count") or found.split()[-1].lower().endswith("ed"):
        return found
    last = found.split()[-1].lower()
    k = next((j for j in range(q.end - 1, min(len(doc), q.end + 8)) if doc[j].lower_ == last), None)
    if k is None or k + 3 >= len(doc) or doc[k + 1].lower_ != "to" or doc[k + 2].lower_ != "be":
        return found
    done = doc[k + 3]
    if done.is_alpha and done.is_lower and (done.lower_.endswith("ed") or done.lower_ in vocab.participle_forms):
        return f"{found} {done.text}"
    return found


def _additional(doc: Doc, vocab: Vocabulary, q: Quantity, found: str) -> str:
    """"an additional 250MW of wind capacity", "another 3 GW" -> "additional ...": the added amount is measured."""
    if q.start == 0 or doc[q.start - 1].lower_ not in _ADDED or q.unit_type == "percent":
        return found
    lowered = found.lower().split()
    if any(w in lowered for w in ("additional", "another", "more", "new", "extra", "further")) \
            or lowered[-1] in set(vocab.change_nouns.values()) \
            or not {t.lower_ for t in doc[q.end:q.end + 8]} & set(lowered):
        return found  # the added thing is named right after the amount
    return f"additional {found}"


def _fronted_subject(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> str | None:
    """The sentence's subject before an aside, when the clause has none: "Coal power, which now dominates the
    mix, is expected to fall to 30%"; "The levy, currently capped at 5%, will rise to 8%"."""
    sent = doc[q.start].sent
    comma = next((i for i in range(sent.start, min(clause_start, sent.start + 10)) if doc[i].text == ","), None)
    if comma is None or comma == sent.start or comma + 1 >= clause_start:
        return None
    aside = doc[comma + 1]
    if not (aside.is_alpha and aside.is_lower) or not any(doc[i].text == "," for i in range(comma + 2, clause_start)):
        return None
    first = doc[sent.start]
    if first.lower_ in PREPOSITIONS | vocab.prepositions | vocab.subordinators or first.like_num \
            or first.lower_.endswith(("ing", "ed")):
        return None  # "In 2023, ...", "By 2030, ...", "While ..., ...", "Speaking on the occasion, ..."
    ids = list(range(sent.start, comma))
    if any(doc[i].like_num or labels.get(i) for i in ids):
        return None  # a clause of its own, not a noun phrase
    subject = clean_subject(doc, vocab, ids, labels)
    if not subject or is_pronoun(subject) or is_name(subject, vocab) or len(subject.split()) > 6 \
            or not headed(subject, vocab):
        return None
    return subject


#: Words after a ranked noun that only say where the ranking is ("top 10 countries in the world for ...").
_WORLD_WORDS = frozenset({"world", "globe", "globally", "worldwide", "the", "in", "on", "earth"})


def _rank(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """What a rank measures: "top 10 countries for quality of healthcare" -> "rank for quality of healthcare",
    "the top five steelmakers" -> "rank among steelmakers", "the top four universities in Asia" -> "rank among
    universities in Asia"."""
    span = phrase_span(doc, vocab, q.end, limit=5)
    if span is None:
        return None
    ranked = doc[span[0]:span[1]].text
    k = span[1]
    while k < len(doc) and doc[k].lower_ in _WORLD_WORDS and k - span[1] < 4:
        k += 1
    if k < len(doc) and doc[k].lower_ == "for":
        measured = phrase(doc, vocab, k + 1, limit=5)
        if measured:
            of = of_phrase(doc, vocab, k + 1 + len(measured.split()))
            return f"rank for {measured}" + (f" of {of}" if of else "")  # "for quality of healthcare"
    if span[1] + 1 < len(doc) and doc[span[1]].lower_ == "in" and doc[span[1] + 1].is_title \
            and doc[span[1] + 1].lower_ not in _WORLD_WORDS:
        place = phrase(doc, vocab, span[1] + 1, limit=3)
        return f"rank among {ranked} in {place}"
    return f"rank among {ranked}"


#: Words between an amount and "from" its source.
_SOURCE_LINKS = frozenset({"will", "is", "are", "be", "come", "comes", "targeted", "expected", "earned"})


def _source(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """Where an amount comes from, as its metric: "$20 billion from woven garments" -> "woven garments",
    "300 GW from solar and wind" -> "solar and wind capacity", "25 percent from wind" -> "wind share"."""
    at = q.end
    while at + 1 < len(doc) and at - q.end < 3 and doc[at].lower_ in _SOURCE_LINKS:
        at += 1  # "$40 billion is targeted from", "50 GW will come from"
    if at + 1 >= len(doc) or doc[at].lower_ != "from" or q.unit_type not in ("currency", "unit", "percent"):
        return None
    found = drop_determiner(phrase(doc, vocab, at + 1, limit=6))
    if not found or not doc[at + 1].is_alpha or any(w.lower() in vocab.baseline_words | vocab.time_words | {"levels"}
                                                    for w in found.split()):
        return None
    found = " ".join(w for w in found.split() if w.lower() not in vocab.metric_rejects) or None
    if not found:
        return None
    if q.unit_type == "percent":
        return f"{found} share"
    return _capacity(vocab, q, found)


def _goal_set(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> bool:
    """Whether a goal noun is set to the value: "revise the goal to N", "set the target at N"."""
    if q.end < len(doc) and doc[q.end].lower_ in vocab.goal_nouns and q.start > 0 \
            and doc[q.start - 1].lower_ in DETERMINERS:
        return True  # "we will achieve the 50 per cent target"
    if q.start >= 2 and doc[q.start - 1].lower_ == "of" and doc[q.start - 2].lower_ in vocab.goal_nouns:
        return True  # "meet the target of 4 million tons" with nothing said of what
    if q.start < 2 or doc[q.start - 1].lower_ not in {"to", "at"}:
        return False
    return any(doc[i].lower_ in vocab.goal_nouns for i in range(max(clause_start, q.start - 4), q.start - 1))


#: A reading that is only a benchmark's name ("achieve the standard 30 percent childcare coverage").
_BENCHMARKS = frozenset({"standard", "norm", "benchmark"})
#: Nouns that name a figure as a rate without saying of what ("set their sights on rates of 5 percent").
_BARE_RATES = frozenset({"rate", "rates"})
#: Words between names that still leave a name-only subject ("A and B both aim for ...").
_NAME_JOINS = frozenset({"and", ",", "both", "also", "each"})


def _named_aim(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> bool:
    """Whether a percentage is aimed at by a subject that is only a name, with no measured noun after it:
    "Eastland aims for about 5 percent, Westland targets 5.5 percent" (lexicon ``plan_verbs``) goes on with what
    was measured before."""
    if q.unit_type != "percent" or q.end < len(doc) and doc[q.end].is_alpha and doc[q.end].is_lower \
            and doc[q.end].lower_ not in {"or", "this", "next", "in", "by", "for"}:
        return False
    k = clause_start
    while k < q.start and (doc[k].is_title or doc[k].lower_ in _NAME_JOINS):
        k += 1
    if k == clause_start or k >= q.start or not any(doc[i].is_title for i in range(clause_start, k)):
        return False
    verb = doc[k - 1] if doc[k - 1].is_title and doc[k - 1].lower_ in vocab.plan_verbs | {"set", "sets"} else doc[k]
    return verb.lower_ in vocab.plan_verbs | {"set", "sets"} \
        and not any(doc[i].lower_ in vocab.goal_nouns for i in range(k, q.start))


def _opens_phrase(token: Token, subject: str | None, vocab: Vocabulary) -> bool:
    """Whether the word after a number opens the measured noun phrase: a lower-case word, or after a name
    (a headline's "Westland Targets 40% Solar Power", "Norvia aims 5% GDP growth") a capitalised one."""
    return token.is_lower or token.is_alpha and (token.is_title or token.is_upper) and subject is not None \
        and is_name(subject, vocab)


def _participle(word: str, vocab: Vocabulary) -> str:
    """The past participle of a verb, a gerund or an action noun: "build", "building", "construction" -> "built"."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        lower = lower[:-3] + "y"  # "supplies"
    elif lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3 and lower not in vocab.participles:
        lower = lower[:-1]  # "provides"
    if lower in vocab.participles or not lower.endswith("ing") or len(lower) < 5:
        return past_participle(lower, vocab.participles)
    stem = lower[:-3]
    undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None  # "cutting" -> "cut"
    for candidate in (stem, stem + "e", undoubled):
        if candidate and candidate in vocab.participles:
            return vocab.participles[candidate]
    return past_participle(stem, vocab.participles)  # "creating" -> "created", "planning" -> "planned"


def _verb_object(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """A verb with a bare amount and no noun: "to produce 100 MW" -> "power output", "to raise $5 m" -> "funds raised"."""
    head = "funds" if q.unit_type == "currency" else "power" if q.unit_type == "unit" and q.unit in _POWER_UNITS \
        else _DIMENSION_NOUNS.get(q.unit or "") if q.unit_type == "unit" else None
    at = q.start - 1 if q.start > 0 and doc[q.start - 1].lower_ in _ADDED else q.start  # "to put additional N acres"
    if head is None or at < 2:
        return None
    verb = doc[at - 1]
    if doc[at - 2].lower_ not in _MODALS | {"to"} or not (verb.is_alpha and verb.is_lower) \
            or verb.lower_ in vocab.linking_verbs | vocab.non_count | vocab.phrase_stops:
        return None
    if head == "power" and verb.lower_ in {"produce", "generate", "supply"}:
        return "power output"  # what a plant produces is its output
    if head == "power":
        head = "capacity"  # "deliver 24 GW": a power rating is a capacity
    return f"{head} {_participle(verb.lower_, vocab)}"


def _capacity_for(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """"a target of 5 GW (gigawatts) for electrolysers" -> "electrolyser capacity": what a power rating is for."""
    if q.unit_type != "unit" or q.unit not in _POWER_UNITS:
        return None
    at = q.end
    if at < len(doc) and doc[at].text == "(":
        at = next((k + 1 for k in range(at, min(len(doc), at + 5)) if doc[k].text == ")"), at)
    if at + 1 >= len(doc) or doc[at].lower_ != "for" or not doc[at + 1].is_lower:
        return None
    named = phrase(doc, vocab, at + 1, limit=3)
    if not named or not headed(named, vocab):
        return None
    return named if _POWER_HEADS & set(named.lower().split()) else f"{named} capacity"


def _capacity(vocab: Vocabulary, q: Quantity, found: str) -> str:
    """"add 300 MW of storage" -> "storage capacity": power units measure capacity."""
    last = found.split()[-1]
    if q.unit_type == "unit" and q.unit in _POWER_UNITS and last.islower() and not found.endswith("s") \
            and last not in _POWER_HEADS and len(found.split()) <= 4 \
            and last not in vocab.metric_rejects and " to " not in found \
            and not any(w in _POWER_HEADS for w in found.lower().split()):
        return f"{found} capacity"
    return found


def _planned_by(doc: Doc, vocab: Vocabulary, chain: list[int], subject: str) -> bool:
    """Whether the subject only adopted the plan whose verb acts on the figure: "the cabinet approved a plan to
    achieve 30 percent X", "Norland OKs plan to reach ..." (lexicons ``plan_nouns``, ``headline_verbs``)."""
    last = subject.split()[-1]
    verb_like = last.islower() and last.endswith("ed") or last.lower() in vocab.headline_verbs \
        or last.lower() in {"oks", "ok's"}
    return verb_like and any(doc[i].lower_ in vocab.plan_nouns | vocab.goal_nouns and i + 1 < len(doc)
                             and doc[i + 1].lower_ == "to" for i in chain)


#: Prepositions that put a period after the measured noun ("a net profit in the period of EUR 5 bn").
_PERIOD_LINKS = frozenset({"in", "for", "over", "during"})


def _phrase_back(doc: Doc, labels: Labels, ids: list[int], k: int) -> int:
    """Where the noun phrase ending before ``ids[k]`` starts: after a determiner, preposition, punctuation or cue."""
    while k > 0 and not (doc[ids[k - 1]].lower_ in DETERMINERS | PREPOSITIONS or doc[ids[k - 1]].is_punct
                         or has_any(labels, ids[k - 1], ("TARGET_CUE", "ACTUAL_CUE"))):
        k -= 1
    return k


def _reading(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
             previous_metric: str | None) -> str | None:
    """The first reading: the subject before the predicate, or the counted noun phrase.

    ``previous_metric`` is the metric of the previous quantity in the same sentence, the last resort.
    """
    if q.unit_type == "rank":
        return _rank(doc, vocab, q)
    region = [i for i in range(clause_start, q.start) if not has_any(labels, i, ("DEADLINE", "DEADLINE_CARRY"))]
    # The predicate chain: linking verbs, modals and cues right before the number.
    chain_start = len(region)
    while chain_start > 0 and has_any(labels, region[chain_start - 1], CHAIN_LABELS):
        chain_start -= 1
    subject_ids = region[:chain_start]
    texts = tokens_of(doc).text
    dash = next((k for k in range(q.start - 1, clause_start, -1) if texts[k] in {"-", "–", "—"}
                 and doc[k - 1].whitespace_ and doc[k].whitespace_), None)
    if dash is not None:
        subject_ids = [i for i in subject_ids if i > dash]  # "Norland's plan - 30% of sales to be EVs": a new clause
    chain = region[chain_start:]
    last_link = doc[chain[-1]].lower_ if chain else None
    if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "in":
        changes = set(vocab.change_nouns.values()) | _CHANGE_WORDS
        change_word = next((doc[i].lower_ for i in chain if doc[i].lower_ in changes), None)
        measured = phrase(doc, vocab, q.end + 1, limit=6) if change_word else None
        if measured:
            return f"{change_word} in {measured}"  # "a drop of 2.5 percent in energy use per unit of GDP"
    verb = None
    while not chain and len(subject_ids) > 1 and (doc[subject_ids[-1]].lower_ in _FOCUS_ADVERBS or doc[
            subject_ids[-1]].lower_ in _ADDED and doc[subject_ids[-2]].lower_ not in DETERMINERS):
        subject_ids = subject_ids[:-1]  # "plans to deliver only 56,000 dwellings", "to put additional 5,000 acres"
    if not chain and subject_ids:
        last = doc[subject_ids[-1]]
        # "2. Build 50 new factories"; a headline's "Agency to Hire 500 Nurses"
        imperative = last.is_title and (last.i == clause_start or last.i > 0 and doc[last.i - 1].lower_ == "to")
        steered = last.i > clause_start and doc[last.i - 1].lower_ in vocab.steering_verbs \
            and (doc[last.i - 1].is_title or last.i - 1 == clause_start)  # an imperative's object: "Keep inflation within"
        if ((last.is_lower or imperative) and last.is_alpha and last.lower_ not in vocab.non_count and not steered
                and verb_position(doc, last.i, clause_start, labels, vocab.agents)):
            verb, subject_ids = last.lower_, subject_ids[:-1]
        elif last.is_lower and last.is_alpha and last.lower_ not in vocab.non_count | vocab.phrase_stops \
                and len(subject_ids) > 1 and doc[subject_ids[-2]].lower_ in _CATENATIVES:
            verb, subject_ids = last.lower_, subject_ids[:-2]  # "help deliver 500 homes": the second verb's
    if last_link == "of" and subject_ids:
        # "a total financial support of Rs 500 crore": the noun phrase right before "of".
        k = _phrase_back(doc, labels, subject_ids, len(subject_ids))
        within = k - 1
        while within > 0 and doc[subject_ids[within]].lower_ in DETERMINERS:
            within -= 1
        if 0 < within < k - 1 and doc[subject_ids[within]].lower_ in _PERIOD_LINKS \
                and _period_only(" ".join(doc[i].text for i in subject_ids[k:]), vocab):
            start = _phrase_back(doc, labels, subject_ids, within)
            if start > 0:
                subject_ids, k = subject_ids[:within], start  # "a net profit in the period of": the profit
        share_at = next((j for j in range(len(subject_ids) - 2, max(len(subject_ids) - 6, 0) - 1, -1)
                         if doc[subject_ids[j]].lower_ in _SHARE_HEADS and doc[subject_ids[j] + 1].lower_ == "of"
                         and not any(doc[x].is_punct for x in subject_ids[j:])), None)
        if share_at is not None and share_at < k:
            k = share_at  # "a share of total capacity of 41%": the share, not the whole
        goal = next((i for i in chain if doc[i].lower_ in vocab.goal_nouns), None)
        bare = q.end >= len(doc) or not doc[q.end].is_lower or has_any(labels, q.end, ("DEADLINE",))
        if k == len(subject_ids) and goal is not None and bare:
            # "pressing for a binding target of 28% by 2035": the goal itself, not the clause before it
            return " ".join(doc[i].text for i in chain if i <= goal and doc[i].is_alpha and doc[i].is_lower
                            and doc[i].lower_ not in DETERMINERS)
        subject_ids = subject_ids[k:] or subject_ids
    lowers = tokens_of(doc).lower
    named = [i for i in subject_ids if lowers[i] not in DETERMINERS]
    if verb is None and not chain and len(named) > 1 and doc[named[-1]].is_lower and doc[named[-1]].is_alpha \
            and has_any(labels, named[-1], ("PREDICATE",)) and doc[named[-1]].lower_ not in vocab.goal_nouns \
            and named[-1] == subject_ids[-1] - 1 and doc[subject_ids[-1]].lower_ in {"a", "an"} \
            and doc[named[-1]].lower_ not in PREPOSITIONS | vocab.prepositions:
        verb = doc[named[-1]].lower_  # "that the state achieve a 15 percent increase": the verb before the number
        subject_ids = [i for i in subject_ids if i < named[-1]]
    subject = clean_subject(doc, vocab, subject_ids, labels)
    if subject and _planned_by(doc, vocab, chain, subject):
        subject = None  # "the cabinet approved a plan to achieve 30 percent X": who planned, not what is measured
    if subject and len(subject.split()) > 1 and subject.split()[-1].lower() in vocab.plan_verbs:
        subject = " ".join(subject.split()[:-1])  # "Norland hopes (to contribute ...)": the actor
    verb_to = False
    if verb is None and subject and subject_ids and subject == doc[subject_ids[-1]].text and subject.isalpha() \
            and subject.islower() and subject_ids[-1] > 0 and subject.lower() not in vocab.non_count \
            and doc[subject_ids[-1] - 1].lower_ in _MODALS | {"to"}:
        verb, subject = subject, None  # "plans to switch to 100%": a verb with no object, no subject
        if doc[subject_ids[-1] + 1].lower_ in PREPOSITIONS:
            verb_to = True  # "lead to 600 fewer cases": no action on the counted thing
    unit_words = of_phrase(doc, vocab, q.end) if q.unit_type in ("unit", "currency") else None
    if q.unit_type == "count" and q.noun_start is not None:
        noun = doc[q.noun_start:q.noun_end].text
        counted_of = of_phrase(doc, vocab, q.end)
        if counted_of and noun.lower() not in counted_of.lower():
            noun = f"{noun} of {counted_of}"  # "2 million units of affordable housing"
        tail_words = tail(doc, vocab, q.end)
        if verb is not None and verb.endswith("s"):
            return " ".join(x for x in (noun, tail_words) if x)  # "wants 500,000 chargers"
        if verb is not None and not verb_to:
            return " ".join(x for x in (noun, _participle(verb, vocab), tail_words) if x)
        gerund = subject.split()[-1] if subject and last_link == "of" else ""
        if gerund.endswith("ing") and _no_thing(gerund, vocab) and len(gerund) > 5:
            # "goals include constructing of 1 million housing units" -> "housing units constructed"
            return " ".join(x for x in (noun, _participle(gerund, vocab), tail_words) if x)
        if last_link == "of" and subject and len(subject.split()) <= 3 and not is_pronoun(subject) \
                and not subject.endswith(("tion", "sion")):  # not "the implementation of 50 projects"
            per = tail_words.startswith("per ")  # "a capacity of 48 lakh chips per day": the rate is the unit's
            return " ".join(x for x in (f"{subject} of {noun}", "" if per else tail_words) if x)
        if subject and last_link == "of" \
                and subject.split()[-1].lower().endswith(("tion", "sion", "ment")):
            action = subject.split()[-1].lower()
            done = vocab.participles.get(action) if action in vocab.participles and len(subject.split()) <= 2 else None
            phase = subject.split()[0].lower()
            if len(subject.split()) == 2 and phase in _PHASE_VERBS:
                done = _participle(phase, vocab)  # "start construction of 3 projects" -> "projects started"
            # "the construction of 900 homes" -> "homes built"
            return " ".join(x for x in (noun, done, tail_words) if x)
        linked = last_link not in PREPOSITIONS or doc[q.start].lower_ in vocab.linking_verbs  # "expected to exceed"
        attached = subject is not None and subject_ids[-1] == q.start - 1 and len(subject.split()) == 1 \
            and doc[q.start].like_num  # "the remaining 25 lakh households": a modifier of the count
        agent = subject is not None and len(subject.split()) <= 3 and subject.split()[-1].lower() in vocab.agents
        if subject and linked and not attached and not is_pronoun(subject) and not is_name(subject, vocab) \
                and not agent:
            return subject
        return " ".join(x for x in (noun, tail_words) if x)
    junk = (not subject or is_pronoun(subject) or verb is not None or is_name(subject, vocab)
            or (subject.split()[-1].endswith("ed") and subject.split()[-1].islower())  # "the EU installed"
            or (len(subject.split()) <= 3 and subject.split()[-1].lower() in vocab.agents)
            or any(has_any(labels, i, ("TARGET_CUE", "ACTUAL_CUE")) for i in subject_ids[:-1]))
    if unit_words and q.unit in _POWER_UNITS and unit_words.lower() in {"power", "electricity", "energy"} \
            and subject and not is_pronoun(subject) and subject.split()[-1].lower() in _FACILITIES:
        return subject  # "this wind farm will generate 60MW of power": the project's capacity
    if unit_words and (junk or q.unit_type == "unit" and last_link not in vocab.linking_verbs):
        return unit_words  # "2,800 MW of new clean power"
    if q.unit_type == "percent" and last_link == "of" and subject_ids \
            and has_any(labels, subject_ids[-1] + 1, ("TARGET_CUE",)) or (
            q.unit_type == "percent" and chain and has_any(labels, chain[0], ("TARGET_CUE",))
            and doc[chain[0]].lower_ in vocab.goal_nouns):
        following = (phrase(doc, vocab, q.end, limit=6)
                     if q.end < len(doc) and _opens_phrase(doc[q.end], subject, vocab)
                     and not has_any(labels, q.end, ("DEADLINE",)) else None)
        if following:
            return following  # "a goal of 70 percent renewable electricity"
        if subject and not is_pronoun(subject) and not is_name(subject, vocab):
            return subject  # "a GDP growth target of around 5.5 percent this year"
    after = q.extras.get("equivalent_tokens", (0, q.end))[1]  # type: ignore[index]
    if q.unit_type == "currency" and (not subject or is_name(subject, vocab)) and after < len(doc) \
            and doc[after].is_alpha and doc[after].is_title and not labels.get(after):
        titled = phrase(doc, vocab, after, limit=4)
        if titled:
            return titled  # a headline's "Westland Targeting US$21bn Investments"
    if q.unit_type == "currency" and junk:
        target = prep_phrase(doc, vocab, after, with_preposition=False)
        if target:
            return target  # "set aside Rs 11 lakh crore for capital expenditure"
    if verb is not None and q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole_words = _whole(doc, vocab, labels, q.end + 1)
        if whole_words:
            return _share_done(doc, vocab, q, whole_words)  # "renovate at least 3% of the floor area"
    purpose = prep_phrase(doc, vocab, after) if verb is not None else None
    if verb is not None and q.unit_type == "currency" and subject and verb in _SPENDING_NOUNS \
            and any(w.lower() in vocab.agents for w in subject.split()[-2:]):
        later = next((p for p in (prep_phrase(doc, vocab, j) for j in range(after, min(len(doc), after + 10))
                                  if doc[j].lower_ in {"in", "on", "into"} and not doc[j - 1].is_punct) if p), None)
        return " ".join(x for x in (_SPENDING_NOUNS[verb], purpose or later) if x)  # "invest $2 bn a year in grids"
    if verb is not None and q.unit_type == "currency" and subject and not purpose and not is_pronoun(subject):
        return subject  # "The EU budget will contribute up to €300 million through ..."
    bare_verb = verb is not None and (not subject or is_pronoun(subject) or is_name(subject, vocab)
                                      or subject.split()[-1].lower() in vocab.agents)
    acting = subject is not None and is_name(subject, vocab) and any(
        doc[i].lower_ in vocab.plan_verbs for i in subject_ids + chain)  # "Norland hopes to ...": the actor
    if bare_verb and purpose:
        return f"{verb} {purpose}"
    agent_subject = subject is not None and subject.split()[-1].lower() in vocab.agents \
        and len(subject.split()) <= 3
    if q.unit_type == "percent" and (not subject or is_pronoun(subject) or is_name(subject, vocab) or agent_subject
                                     or bare_verb):
        whole_words = _whole(doc, vocab, labels, q.end + 1) if q.end + 1 < len(doc) and doc[q.end].lower_ == "of" \
            and last_link not in vocab.share_links else None
        if whole_words:
            return f"share of {whole_words}"  # "The state aims to have 70% of its buses run on electricity"
        nxt = doc[q.end] if q.end < len(doc) else None
        if nxt is not None and q.end + 2 < len(doc) and has_any(labels, q.end, CHANGE_LABELS) \
                and doc[q.end + 1].lower_ in {"in", "of"} and phrase(doc, vocab, q.end + 2):
            return f"{nxt.lower_} in {phrase(doc, vocab, q.end + 2)}"  # "achieve a 15 percent increase in X"
        plain_word = nxt is not None and _opens_phrase(nxt, subject, vocab) and not has_any(
            labels, nxt.i, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",))
        following = phrase(doc, vocab, q.end, limit=6) if plain_word else None
        if following:
            return following  # "reach 100 percent clean electricity"
    if q.unit_type == "percent" and (acting or bare_verb) and q.end + 1 < len(doc) and doc[q.end].lower_ == "to" \
            and (verb in _SUPPLY_VERBS | {"contribute", "add"} or any(
                doc[i].lower_ in _SUPPLY_VERBS | {"contribute", "add"} for i in chain)):
        whole_words = _whole(doc, vocab, labels, q.end + 1)
        if whole_words:
            return f"share of {whole_words}"  # "contribute 10 percent to the world's lithium demand"
    if bare_verb:
        return None  # a verb alone names no measured thing ("switch to 100%", "cover 2 million hectares")
    if subject and q.unit_type == "percent" and len(subject.split()) <= 3 and last_link in vocab.share_links \
            and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole_words = _whole(doc, vocab, labels, q.end + 1)
        if whole_words:
            return f"{subject} share of {whole_words}"  # "EVs making up 70% of new car sales"
    if subject and not is_pronoun(subject) and not acting:
        return subject
    if q.unit_type == "percent" and q.end + 2 < len(doc) and has_any(labels, q.end, CHANGE_LABELS) \
            and doc[q.end + 1].lower_ in {"in", "of"}:
        changed = phrase(doc, vocab, q.end + 2)
        if changed:
            return f"{doc[q.end].lower_} in {changed}"  # "a 55% reduction in net emissions"
    if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole_words = _whole(doc, vocab, labels, q.end + 1)
        if whole_words:
            return f"share of {whole_words}"  # "at least 49% of energy use in buildings ..."
    label = label_before_colon(doc, vocab, clause_start)
    if label:
        return label  # "Education: ₹44,422 crore"
    if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "for":
        purpose = phrase(doc, vocab, q.end + 1)
        if purpose:
            return purpose  # "- 30% for single-use plastic beverage bottles"
    listed = list_subject(doc, vocab, q)
    if listed:
        return listed  # "reduction targets for packaging waste per capita: 5% by 2030, 10% by 2035"
    if previous_metric:
        return previous_metric
    if q.unit_type == "percent" and q.end < len(doc) and has_any(labels, q.end, CHANGE_LABELS) \
            and doc[q.end].lower_ in set(vocab.change_nouns.values()) | _CHANGE_WORDS:
        return doc[q.end].lower_  # "By 2030: 50% reduction from 2010 levels": at least the change
    return None



def base(doc: Doc, vocab: Vocabulary, q: Quantity, kind: str, metric: str | None) -> str | None:
    """The whole of a share: "48 percent of the city's GDP", "the share of X in Y"."""
    if kind != "share":
        return None
    if q.end >= len(doc) or doc[q.end].lower_ != "of":
        match = _SHARE_OF_IN.match(metric or "")
        return match.group(1) if match else None
    k = q.end + 1
    words: list[int] = []
    while k < len(doc) and len(words) < 6 and not doc[k].is_punct and not doc[k].is_space \
            and doc[k].lower_ not in vocab.base_stops:
        words.append(k)
        k += 1
    return doc[words[0]:words[-1] + 1].text if words else None

