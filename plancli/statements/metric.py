"""Metric and base: what a quantity measures ("the added value of the digital economy") and the whole of a share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from plancli.normalize.numbers import past_participle
from plancli.quantities import Quantity
from plancli.statements.common import (
    CHAIN_LABELS,
    CHANGE_LABELS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    Labels,
    Vocabulary,
    has_any,
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
    prep_phrase,
    tail,
    verb_position,
)

_SHARE_OF_IN = re.compile(r"^(?:share|proportion|percentage|ratio|portion)\s+of\s+.+?\s+in\s+(?:the\s+)?(.+)$",
                          re.IGNORECASE)


#: "renewables in its power mix": a part in a whole.
_SHARE_IN = re.compile(r"^(\w[\w-]*) in (?:its |the |their )?(.+)$")
#: Words that end a list item's noun or separate list items ("20% solar, 20% wind and 12% hydro").
_ITEM_ENDS = frozenset({",", "and", "or", ";", ")", "."})
#: Words after a unit that belong to the unit, not to what is measured ("tonnes per annum of hydrogen").
#: Finite auxiliaries: a metric never contains one ("the GRIP program is investing" -> "the GRIP program").
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "shall"})
_RATE_WORDS = (("per", "annum"), ("per", "year"), ("a", "year"), ("each", "year"), ("per", "day"))


@dataclass(frozen=True)
class Earlier:
    """Metrics stated before a quantity: the previous quantity's in the same sentence, and the last one at all."""

    in_sentence: str | None = None
    last: str | None = None
    sentence: tuple[str | None, ...] = ()  # every earlier quantity's metric in the same sentence


def metric(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
           earlier: Earlier | None = None) -> str | None:
    """What is measured, as a short noun phrase headed by a noun.

    The first reading (the subject, the counted noun, an of-phrase) is checked: a reading that ends in a
    function word, adverb or verb ("from", "currently", "made") gives way to the noun after the number,
    the noun before "worth", the of-phrase after the unit, and last the metric said before.
    A change verb before the measured noun names the change: "cut emissions by 40%" -> "emissions reduction".
    """
    earlier = earlier or Earlier()
    worth = _worth_phrase(doc, vocab, q)
    if worth:
        return worth  # "attract investments worth $2 billion" -> "investments attracted"
    item = _list_item(doc, vocab, q, labels)
    if item:
        whole = next((_whole(m) for m in earlier.sentence if _whole(m)), None)
        return f"{item} of {whole}" if whole else item  # "20% solar, 20% wind" -> "wind share (of the mix)"
    change = _change_in(doc, vocab, q, labels)
    if change:
        return change  # "- 30% drop in nationwide carbon emissions"
    paired = _respectively(doc, q, earlier.sentence)
    if paired:
        return paired  # "rate A of 9% and rate B of 41% will rise to 10% and 43%, respectively"
    raw = _reading(doc, vocab, q, clause_start, labels, earlier.in_sentence)
    found = trimmed(raw, vocab)
    unit_of = _unit_of(doc, vocab, q)
    if found != raw and headed(unit_of, vocab):
        found = unit_of  # "The policy has set a target of 5 Mt per annum of green hydrogen production"
    if not headed(found, vocab):
        found = None
        counted = doc[q.noun_start:q.noun_end].text if q.unit_type == "count" and q.noun_start is not None else None
        for candidate in (counted, _goal_modifier(doc, vocab, q, clause_start), _after_number(doc, vocab, q, labels),
                          unit_of, _changed_object(doc, vocab, q, clause_start)):
            if headed(candidate, vocab):
                found = candidate
                break
    if found is None and (earlier.in_sentence or _refers_back(doc, vocab, q, clause_start, labels)):
        found = earlier.in_sentence or earlier.last
        if found and q.start > 0 and doc[q.start - 1].lower_ != "by":
            found = _without_change(found, vocab)  # "... increase by 0.5 points until it reaches 13%": the level
    if found is None:
        return None
    if found.lower() in set(vocab.change_nouns.values()) and earlier.last:
        # "the 30 per cent reduction target": the change of what the text measured before.
        return earlier.last if found.lower() in earlier.last.lower() else f"{found} in {earlier.last}"
    if q.unit_type == "percent" and found.lower().startswith("of "):
        found = "share of " + " ".join(w for w in found.split()[1:2] if w.lower() != "all") \
            + "".join(" " + w for w in found.split()[2:])  # "35% of all EU energy"
        found = " ".join(found.split())
    if len(found.split()) == 1:
        found = _with_purpose(doc, vocab, q, found)
    if q.unit_type == "currency" and q.start >= 2 and doc[q.start - 2].lower_ == "to" and doc[q.start - 1].is_lower \
            and doc[q.start - 1].is_alpha and doc[q.start - 1].lower_ not in vocab.metric_rejects | vocab.non_count \
            and found.split()[-1].lower() not in vocab.participles.values() and not found.endswith("ed") \
            and doc[q.end:].text.find(found) in range(0, 40):
        found = f"{found} {past_participle(doc[q.start - 1].lower_, vocab.participles)}"  # "to collect $1 bn in revenue"
    share_in = _SHARE_IN.match(found) if q.unit_type == "percent" and q.start > 0 and doc[q.start - 1].lower_ == "to" \
        else None
    if share_in and not any(w in found.lower() for w in ("share", "proportion", "rate", "ratio", "percentage")):
        found = f"{share_in.group(1)} share of {share_in.group(2)}"  # "raise renewables in its power mix to 40%"
    return _below_base(doc, q, labels, _with_change(doc, vocab, q, clause_start, found))


def _without_change(metric: str, vocab: Vocabulary) -> str:
    """"rate increase" -> "rate": a level carries the measure, not the change."""
    words = metric.split()
    if len(words) > 1 and words[-1].lower() in set(vocab.change_nouns.values()):
        return " ".join(words[:-1])
    return metric


def _whole(metric: str | None) -> str | None:
    """The whole a metric is part of: "renewables in its electricity mix" -> "electricity mix"."""
    words = (metric or "").split()
    k = next((i for i in range(len(words) - 1, 0, -1) if words[i].lower() in {"in", "of"}), None)
    if k is None:
        return None
    rest = [w for w in words[k + 1:] if w.lower() not in DETERMINERS]
    return " ".join(rest) if rest and rest[-1][:1].islower() else None


def _versus(doc: Doc, i: int) -> str | None:
    """The base a change is measured against, at token ``i``: "compared with 2013 levels" -> "2013",
    "from a business-as-usual (BAU) baseline scenario" -> "business-as-usual"."""
    if i + 1 < len(doc) and doc[i].lower_ == "compared" and doc[i + 1].lower_ in {"with", "to"}:
        i += 2
    elif i < len(doc) and doc[i].lower_ in {"from", "under", "against", "versus", "vs", "vs.", "on"}:
        i += 1
    else:
        return None
    while i < len(doc) and doc[i].lower_ in DETERMINERS:
        i += 1
    words: list[str] = []
    closed = False
    while i < len(doc) and len(words) < 6 and (doc[i].is_alpha or doc[i].like_num or doc[i].text in {"-", "(", ")"}):
        if doc[i].lower_ in {"levels", "level", "scenario", "baseline", "projections"}:
            closed = True
            break
        if doc[i].text in {"(", ")"}:
            i += 1
            continue
        if doc[i].like_num and not (len(doc[i].text) == 4 and doc[i].text.isdigit()):
            return None  # "from 22% to 35%": a value, not a base
        words.append(doc[i].text_with_ws if doc[i].text == "-" or doc[i + 1:i + 2].text == "-" else doc[i].text + " ")
        i += 1
    text = "".join(words).strip()
    year = text.isdigit() and len(text) == 4
    return text if text and (closed or year) and not text.endswith("-") else None


def _change_in(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """A percentage followed by its change noun: "a 30% drop in carbon emissions" -> "drop in carbon emissions"."""
    k = q.end
    if q.unit_type != "percent" or k + 2 >= len(doc) or not has_any(labels, k, CHANGE_LABELS) \
            or not doc[k].is_lower or doc[k].lower_ in vocab.change_nouns or doc[k + 1].lower_ not in {"in", "of"}:
        return None
    changed = trimmed(phrase(doc, vocab, k + 2), vocab)
    if not headed(changed, vocab):
        return None
    return f"{doc[k].text} {doc[k + 1].text} {drop_determiner(changed)}"


def _with_purpose(doc: Doc, vocab: Vocabulary, q: Quantity, head: str) -> str:
    """A bare head noun takes the "for ..." words after the unit: "a capacity of 1,200 GW for wind and solar power"."""
    if q.end >= len(doc) or doc[q.end].lower_ != "for":
        return head
    words: list[str] = []
    i = q.end + 1
    while i < len(doc) and len(words) < 6 and doc[i].is_alpha and (
            doc[i].lower_ not in vocab.phrase_stops or doc[i].lower_ == "and" and words and i + 1 < len(doc)
            and doc[i + 1].is_alpha and doc[i + 1].is_lower):
        words.append(doc[i].text)
        i += 1
    if not words or words[0].lower() in DETERMINERS or not headed(" ".join(words), vocab):
        return head
    return f"{' '.join(words)} {head}"


def _changed_object(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> str | None:
    """The object of the last change verb before the quantity: "cut emissions by 2 Gt of CO2 equivalent"."""
    for i in range(q.start - 1, clause_start - 1, -1):
        if doc[i].lower_ in vocab.change_nouns and doc[i].is_lower:
            j = i + 1
            while j < q.start and doc[j].lower_ in DETERMINERS | {"all"}:
                j += 1
            found = phrase(doc, vocab, j, limit=6) if j < q.start else None
            return found if headed(found, vocab) else None
    return None


def _respectively(doc: Doc, q: Quantity, before: tuple[str | None, ...]) -> str | None:
    """Pair a value list ending in "respectively" with the metrics of the same number of earlier quantities."""
    sent_end = doc[q.start].sent.end
    values_after = 0
    i = q.end
    while i < sent_end and doc[i].lower_ != "respectively":
        if not (_in_value_list(doc[i]) or doc[i].is_space):
            return None
        values_after += doc[i].like_num and not doc[i - 1].like_num
        i += 1
    if i >= sent_end:
        return None
    values_before = 0
    k = q.start - 1
    while k >= 0 and (_in_value_list(doc[k]) or doc[k].is_space):
        values_before += doc[k].like_num and not (k > 0 and doc[k - 1].like_num)
        k -= 1
    size = values_before + 1 + values_after
    earlier = before[:len(before) - values_before]
    if size < 2 or len(earlier) < size:
        return None
    return earlier[len(earlier) - size + values_before]


def _in_value_list(token: Token) -> bool:
    """A token of a value list: numbers, their units and symbols, commas and "and"."""
    return (token.like_num or token.is_currency or token.text in {",", "%"}
            or token.lower_ in {"and", "or", "percent", "per", "cent", "respectively"}
            or (token.is_alpha and not token.is_lower and len(token) <= 3))


def _goal_modifier(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> str | None:
    """What a goal noun names: "an emissions-intensity target of 45%" and "a 50% EV sales target" -> the words."""
    goal = None
    if q.start >= 2 and doc[q.start - 1].lower_ == "of" and doc[q.start - 2].lower_ in vocab.goal_nouns:
        goal = q.start - 2
        start = goal
        while start > clause_start and (doc[start - 1].is_alpha or doc[start - 1].text == "-"):
            if doc[start - 1].lower_ in DETERMINERS | PREPOSITIONS or doc[start - 1].lower_ in vocab.metric_rejects:
                break
            start -= 1
        words = doc[start:goal].text if start < goal else None
    else:
        end = q.end
        while end < len(doc) and end - q.end < 4 and doc[end].is_alpha and doc[end].lower_ not in vocab.goal_nouns:
            end += 1
        if end == q.end or end >= len(doc) or doc[end].lower_ not in vocab.goal_nouns:
            return None
        words = doc[q.end:end].text  # "a 50% EV sales target"
    return words if headed(words, vocab) else None


def _below_base(doc: Doc, q: Quantity, labels: Labels, found: str) -> str:
    """"46% below 2013 levels" -> "<metric> reduction below 2013 levels"; a reduction "compared with 2013 levels"
    or "from a business-as-usual scenario" -> "<metric> reduction vs 2013"."""
    i = q.end
    while i < len(doc) and i - q.end < 4 and has_any(labels, i, ("DEADLINE",)):
        i += 1
    if found.lower().endswith("reduction"):
        sent_end = doc[q.start].sent.end
        base = next((b for b in (_versus(doc, j) for j in range(q.end, min(q.end + 8, sent_end))) if b), None)
        return f"{found} vs {base}" if base else found
    if i + 1 >= len(doc) or doc[i].lower_ not in {"below", "under"} or not (
            doc[i + 1].like_num and len(doc[i + 1].text) == 4):
        return found
    levels = " levels" if i + 2 < len(doc) and doc[i + 2].lower_ in {"levels", "level"} else ""
    change = "" if "reduction" in found.lower() else " reduction"
    return f"{found}{change} below {doc[i + 1].text}{levels}"


def trimmed(text: str | None, vocab: Vocabulary) -> str | None:
    """A reading without its verb tail or trailing function words.

    "annual investment is expected" -> "annual investment"; "packaging made of" -> "packaging";
    a reading left as only an agent ("policy has set" -> "policy") is no metric.
    """
    if not text:
        return text
    words = text.split()
    aux = next((k for k in range(1, len(words)) if words[k].lower() in _AUXILIARIES), None)
    if aux is not None:
        words = words[:aux]
    cut = aux is not None
    lowered = [w.lower() for w in words]
    if len(words) > 3 and "number" in lowered[:3] and lowered[lowered.index("number") + 1] == "of":
        words = words[lowered.index("number") + 2:]  # "the total number of upgraded access points" -> the counted
    if len(words) > 1 and words[0].lower() in vocab.change_nouns and words[0].islower():
        words = words[1:]  # "increasing nuclear energy's share (to 20%)"
        while len(words) > 1 and (words[0].lower() in vocab.leading_junk or words[0].lower() in DETERMINERS):
            words = words[1:]
    if words[-1].lower() == "equivalent":
        return None  # a unit's tail: "tonnes of CO2 equivalent"
    while words and _junk_end(words[-1], vocab):
        words = words[:-1]
        cut = True
    if not words or cut and len(words) == 1 and words[0].lower() in vocab.agents:
        return None
    return " ".join(words)


def _junk_end(word: str, vocab: Vocabulary) -> bool:
    last = word.lower().strip("’'")
    return (last in vocab.metric_rejects or last in PREPOSITIONS or last in DETERMINERS or last in vocab.prepositions
            or last in vocab.phrase_stops or last in {"and", "or", "-"})


def headed(text: str | None, vocab: Vocabulary) -> bool:
    """Whether ``text`` can be a metric: it ends in a word that may head a noun phrase."""
    if not text:
        return False
    words = text.split()
    last = words[-1].lower().strip("’'")
    if last in vocab.metric_rejects or last in PREPOSITIONS or last in PRONOUNS or last in DETERMINERS \
            or last in vocab.phrase_stops or last in vocab.prepositions:
        return False
    if all(w.lower() in vocab.time_words or w.lower() in vocab.metric_rejects for w in words):
        return False  # "recent years"
    return any(ch.isalpha() for ch in last)


def _worth_phrase(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """"attract investments worth Rs 500 crore" -> "investments attracted"; "orders worth $3 million" -> "orders"."""
    k = q.start - 1
    if k < 1 or doc[k].lower_ != "worth":
        return None
    words: list[int] = []
    i = k - 1
    while i >= 0 and len(words) < 4 and doc[i].is_alpha and doc[i].lower_ not in DETERMINERS | PREPOSITIONS \
            and doc[i].lower_ not in vocab.metric_rejects and doc[i].lower_ not in {"and", "or"}:
        words.insert(0, i)
        i -= 1
    if not words:
        return None
    verb = None
    first = doc[words[0]]
    if len(words) > 1 and first.is_lower and first.lower_ not in vocab.non_count \
            and (first.i == 0 or doc[first.i - 1].lower_ in {"to", "and", ","} or doc[first.i - 1].is_sent_start):
        verb, words = first.lower_, words[1:]  # "to attract investments worth"
    noun = doc[words[0]:words[-1] + 1].text
    return f"{noun} {past_participle(verb, vocab.participles)}" if verb else noun


def _list_item(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """A percentage in a list of parts, each named right after its number: "20% solar, 20% wind and 12% hydro"."""
    if q.unit_type != "percent" or q.end >= len(doc):
        return None
    name = _after_number(doc, vocab, q, labels, limit=3)
    if not name:
        return None
    end = q.end + len(name.split())
    after = doc[end].text.lower() if end < len(doc) else "."
    if after not in _ITEM_ENDS:
        return None
    nxt = end + 1
    while nxt < len(doc) and (doc[nxt].lower_ in {"and", "or"} or doc[nxt].is_space):
        nxt += 1
    before = q.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    sibling_after = after in {",", "and", "or"} and nxt < len(doc) and doc[nxt].like_num
    sibling_before = before >= 1 and doc[before].text in {",", "and", "or"} and any(
        doc[i].like_num for i in range(max(0, before - 4), before))
    if not (sibling_after or sibling_before):
        return None
    return f"{name} share"


def _after_number(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels, limit: int = 5) -> str | None:
    """The lowercase noun phrase right after the number: "reach 100 percent clean electricity"."""
    if q.end >= len(doc) or not doc[q.end].is_alpha or not doc[q.end].is_lower \
            or has_any(labels, q.end, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",)):
        return None
    found = phrase(doc, vocab, q.end, limit=limit)
    return found if headed(found, vocab) else None


def _unit_of(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """The of-phrase after a unit, past a rate ("5 million tonnes per annum of green hydrogen production")."""
    if q.unit_type not in ("unit", "currency"):
        return None
    i = q.end
    for first, second in _RATE_WORDS:
        if i + 1 < len(doc) and doc[i].lower_ == first and doc[i + 1].lower_ == second:
            i += 2
            break
    return of_phrase(doc, vocab, i)


def _refers_back(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> bool:
    """Whether the clause names its measure only by a pronoun or a goal noun ("The aim is to reduce them by 45%")."""
    for i in range(clause_start, q.start):
        word = doc[i].lower_
        if word in {"it", "them", "this", "that"} and i > clause_start and doc[i - 1].is_lower:
            return True  # the object of a verb: "to reduce them by 45%"
        if word in vocab.goal_nouns and i + 1 < q.start and doc[i + 1].lower_ in {"is", "was"}:
            return True  # "The goal is to reach 50 per cent"
    return False


def _with_change(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, found: str) -> str:
    """"cut its emissions by 40%" -> "emissions reduction": a change verb before the measured noun, for a change."""
    if q.start < 1 or doc[q.start - 1].lower_ != "by":
        return found
    words = found.split()
    gerund = vocab.change_nouns.get(words[0].lower())
    if gerund is not None and len(words) > 1:
        rest = words[2:] if words[1].lower() in {"all", "its", "their", "the"} and len(words) > 2 else words[1:]
        return f"{' '.join(rest)} {gerund}"  # "reducing emissions" -> "emissions reduction"
    first = words[0].lower()
    verb = q.start - 2
    if verb >= clause_start and doc[verb].is_lower and doc[verb].lower_ in vocab.change_nouns:
        noun = vocab.change_nouns[doc[verb].lower_]
        if noun not in found.lower() and first not in {doc[verb].lower_}:
            return f"{found} {noun}"  # "the rate will increase by 0.5 points" -> "rate increase"
    for i in range(clause_start, q.start):
        noun = vocab.change_nouns.get(doc[i].lower_)
        if noun is None or not doc[i].is_lower or noun in found.lower():
            continue
        j = i + 1
        while j < q.start and doc[j].lower_ in DETERMINERS | {"all"}:
            j += 1
        if j < q.start and (doc[j].lower_ == first or doc[j].lower_ in PRONOUNS):
            return f"{found} {noun}"
    return found


def _reading(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
             previous_metric: str | None) -> str | None:
    """The first reading: the subject before the predicate, or the counted noun phrase.

    ``previous_metric`` is the metric of the previous quantity in the same sentence, the last resort.
    """
    if q.unit_type == "rank":
        return phrase(doc, vocab, q.end, limit=5)  # "top 20 national high-tech zones"
    region = [i for i in range(clause_start, q.start) if not has_any(labels, i, ("DEADLINE", "DEADLINE_CARRY"))]
    # The predicate chain: linking verbs, modals and cues right before the number.
    chain_start = len(region)
    while chain_start > 0 and has_any(labels, region[chain_start - 1], CHAIN_LABELS):
        chain_start -= 1
    subject_ids = region[:chain_start]
    chain = region[chain_start:]
    last_link = doc[chain[-1]].lower_ if chain else None
    verb = None
    if not chain and subject_ids:
        last = doc[subject_ids[-1]]
        imperative = last.i == clause_start and last.is_title  # "2. Build 50 new factories"
        if ((last.is_lower or imperative) and last.is_alpha and last.lower_ not in vocab.non_count
                and verb_position(doc, last.i, clause_start, labels, vocab.agents)):
            verb, subject_ids = last.lower_, subject_ids[:-1]
    if last_link == "of" and subject_ids:
        # "a total financial support of Rs 500 crore": the noun phrase right before "of".
        k = len(subject_ids)
        while k > 0 and not (doc[subject_ids[k - 1]].lower_ in DETERMINERS | PREPOSITIONS
                             or doc[subject_ids[k - 1]].is_punct
                             or has_any(labels, subject_ids[k - 1], ("TARGET_CUE", "ACTUAL_CUE"))):
            k -= 1
        subject_ids = subject_ids[k:] or subject_ids
    subject = clean_subject(doc, vocab, subject_ids, labels)
    unit_of = of_phrase(doc, vocab, q.end) if q.unit_type in ("unit", "currency") else None
    if q.unit_type == "count" and q.noun_start is not None:
        noun = doc[q.noun_start:q.noun_end].text
        counted_of = of_phrase(doc, vocab, q.end)
        if counted_of:
            noun = f"{noun} of {counted_of}"  # "2 million units of affordable housing"
        tail_words = tail(doc, vocab, q.end)
        if verb is not None and verb.endswith("s"):
            return " ".join(x for x in (noun, tail_words) if x)  # "wants 500,000 chargers"
        if verb is not None:
            return " ".join(x for x in (noun, past_participle(verb, vocab.participles), tail_words) if x)
        if last_link == "of" and subject and len(subject.split()) <= 3 and not is_pronoun(subject) \
                and not subject.endswith(("tion", "sion")):  # not "the implementation of 50 projects"
            return " ".join(x for x in (f"{subject} of {noun}", tail_words) if x)  # "a capacity of 48 lakh chips"
        linked = last_link not in PREPOSITIONS or doc[q.start].lower_ in vocab.linking_verbs  # "expected to exceed"
        attached = subject is not None and subject_ids[-1] == q.start - 1 and len(subject.split()) == 1 \
            and doc[q.start].like_num  # "the remaining 25 lakh households": a modifier of the count
        if subject and linked and not attached and not is_pronoun(subject) and not is_name(subject):
            return subject
        return " ".join(x for x in (noun, tail_words) if x)
    junk = (not subject or is_pronoun(subject) or verb is not None or is_name(subject)
            or (subject.split()[-1].endswith("ed") and subject.split()[-1].islower())  # "the EU installed"
            or (len(subject.split()) <= 3 and subject.split()[-1].lower() in vocab.agents)
            or any(has_any(labels, i, ("TARGET_CUE", "ACTUAL_CUE")) for i in subject_ids[:-1]))
    if unit_of and (junk or q.unit_type == "unit" and last_link not in vocab.linking_verbs):
        return unit_of  # "2,800 MW of new clean power"
    if q.unit_type == "percent" and last_link == "of" and subject_ids \
            and has_any(labels, subject_ids[-1] + 1, ("TARGET_CUE",)) or (
            q.unit_type == "percent" and chain and has_any(labels, chain[0], ("TARGET_CUE",))
            and doc[chain[0]].lower_ in vocab.goal_nouns):
        following = (phrase(doc, vocab, q.end, limit=6) if q.end < len(doc) and doc[q.end].is_lower
                     and not has_any(labels, q.end, ("DEADLINE",)) else None)
        if following:
            return following  # "a goal of 70 percent renewable electricity"
        if subject and not is_pronoun(subject):
            return subject  # "a GDP growth target of around 5.5 percent this year"
    after = q.extras.get("equivalent_tokens", (0, q.end))[1]  # type: ignore[index]
    if q.unit_type == "currency" and junk:
        target = prep_phrase(doc, vocab, after, with_preposition=False)
        if target:
            return target  # "set aside Rs 11 lakh crore for capital expenditure"
    if verb is not None and q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole = phrase(doc, vocab, q.end + 1)
        if whole:
            return f"share of {whole}"  # "renovate at least 3% of the floor area"
    purpose = prep_phrase(doc, vocab, after) if verb is not None else None
    if verb is not None and q.unit_type == "currency" and subject and not purpose and not is_pronoun(subject):
        return subject  # "The EU budget will contribute up to €300 million through ..."
    if verb is not None and (not subject or is_pronoun(subject) or is_name(subject)
                             or subject.split()[-1].lower() in vocab.agents):
        return " ".join(x for x in (verb, purpose) if x)
    agent_subject = subject is not None and subject.split()[-1].lower() in vocab.agents \
        and len(subject.split()) <= 3
    if q.unit_type == "percent" and (not subject or is_pronoun(subject) or is_name(subject) or agent_subject):
        nxt = doc[q.end] if q.end < len(doc) else None
        plain_word = nxt is not None and nxt.is_lower and not has_any(
            labels, nxt.i, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",))
        following = phrase(doc, vocab, q.end, limit=6) if plain_word else None
        if following:
            return following  # "reach 100 percent clean electricity"
    if subject and q.unit_type == "percent" and len(subject.split()) <= 3 and last_link in vocab.share_links \
            and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole = phrase(doc, vocab, q.end + 1)
        if whole:
            return f"{subject} share of {whole}"  # "EVs making up 70% of new car sales"
    if subject and not is_pronoun(subject):
        return subject
    if q.unit_type == "percent" and q.end + 2 < len(doc) and has_any(labels, q.end, CHANGE_LABELS) \
            and doc[q.end + 1].lower_ in {"in", "of"}:
        changed = phrase(doc, vocab, q.end + 2)
        if changed:
            return changed  # "a 55% reduction in net emissions"
    if q.unit_type == "percent" and q.end + 1 < len(doc) and doc[q.end].lower_ == "of":
        whole = phrase(doc, vocab, q.end + 1)
        if whole:
            return f"share of {whole}"  # "at least 49% of energy use in buildings ..."
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
    return previous_metric or None



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

