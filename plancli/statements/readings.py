"""Other readings of what a quantity measures, and the checks a metric must pass.

A metric is a short noun phrase headed by a noun. These helpers trim a first reading
("packaging made of" -> "packaging"), tell whether it can head a metric, and offer the next
readings in order: the noun after the number, the noun before "worth", the of-phrase after a unit,
the object of a change verb, a list item's own noun, a value paired by "respectively".
"""

from __future__ import annotations

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
from plancli.statements.phrases import drop_determiner, of_phrase, phrase

#: Words that end a list item's noun or separate list items ("30% solar, 15% wind and 8% biomass").
_ITEM_ENDS = frozenset({",", "and", "or", ";", ")", "."})
#: Words after a unit that belong to the unit, not to what is measured ("tonnes per annum of hydrogen").
#: Finite auxiliaries: a metric never contains one ("the GRIP program is investing" -> "the GRIP program").
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "shall"})
_RATE_WORDS = (("per", "annum"), ("per", "year"), ("a", "year"), ("each", "year"), ("per", "day"))


def without_change(metric: str, vocab: Vocabulary) -> str:
    """"rate increase" -> "rate": a level carries the measure, not the change."""
    words = metric.split()
    if len(words) > 1 and words[-1].lower() in set(vocab.change_nouns.values()):
        return " ".join(words[:-1])
    return metric


def whole(metric: str | None) -> str | None:
    """The whole a metric is part of: "renewables in its electricity mix" -> "electricity mix"."""
    words = (metric or "").split()
    k = next((i for i in range(len(words) - 1, 0, -1) if words[i].lower() in {"in", "of"}), None)
    if k is None:
        return None
    rest = [w for w in words[k + 1:] if w.lower() not in DETERMINERS]
    return " ".join(rest) if rest and rest[-1][:1].islower() else None


#: Words that may follow a base year and are not part of it ("over 2005 in the interim", "from 1990 by 2030").
_AFTER_BASE_YEAR = frozenset({"in", "by", "for", "as", "while", "with", "within", "until", "through"})


def _versus(doc: Doc, i: int) -> str | None:
    """The base a change is measured against, at token ``i``: "compared with 2013 levels" -> "2013",
    "against a business-as-usual (BAU) reference path" -> "business-as-usual"."""
    if i + 1 < len(doc) and doc[i].lower_ == "compared" and doc[i + 1].lower_ in {"with", "to"}:
        i += 2
    elif i < len(doc) and doc[i].lower_ in {"from", "under", "against", "versus", "vs", "vs.", "on", "over"}:
        i += 1  # "over 2005", "over the 2007 baseline": a year's or a level's only (see below)
    elif i + 2 < len(doc) and doc[i].lower_ == "of" and doc[i + 2].lower_ in {"levels", "level"}:
        i += 1  # "by 40 per cent of 2007 levels"
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
        if len(words) == 1 and words[0].strip().isdigit() and doc[i].lower_ in _AFTER_BASE_YEAR:
            break  # "over 2005 in the interim"
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


def change_in(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """A percentage followed by its change noun: "a 30% drop in carbon emissions" -> "drop in carbon emissions"."""
    k = q.end
    if q.unit_type != "percent" or k + 2 >= len(doc) or not has_any(labels, k, CHANGE_LABELS) \
            or not doc[k].is_lower or doc[k].lower_ in vocab.change_nouns or doc[k + 1].lower_ not in {"in", "of"}:
        return None
    changed = trimmed(phrase(doc, vocab, k + 2), vocab)
    if not headed(changed, vocab):
        return None
    return f"{doc[k].text} {doc[k + 1].text} {drop_determiner(changed)}"


def with_purpose(doc: Doc, vocab: Vocabulary, q: Quantity, head: str) -> str:
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


def changed_object(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> str | None:
    """The object of the last change verb before the quantity: "cut emissions by 2 Gt of CO2 equivalent"."""
    for i in range(q.start - 1, clause_start - 1, -1):
        if doc[i].lower_ in vocab.change_nouns and doc[i].is_lower:
            j = i + 1
            while j < q.start and doc[j].lower_ in DETERMINERS | {"all"}:
                j += 1
            found = phrase(doc, vocab, j, limit=6) if j < q.start else None
            return found if headed(found, vocab) else None
    return None


#: Longest stretch of tokens a "respectively" value list spans on either side of one value.
_MAX_LIST_TOKENS = 60


def respectively(doc: Doc, q: Quantity, before: tuple[str | None, ...]) -> str | None:
    """Pair a value list ending in "respectively" with the metrics of the same number of earlier quantities."""
    sent_end = _sentence_end(doc, q.start, q.end + _MAX_LIST_TOKENS)  # a long run of numbers is no such list
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
    while k >= max(0, q.start - _MAX_LIST_TOKENS) and (_in_value_list(doc[k]) or doc[k].is_space):
        values_before += doc[k].like_num and not (k > 0 and doc[k - 1].like_num)
        k -= 1
    size = values_before + 1 + values_after
    earlier = before[:len(before) - values_before]
    if size < 2 or len(earlier) < size:
        return None
    return earlier[len(earlier) - size + values_before]


def _sentence_end(doc: Doc, i: int, reach: int) -> int:
    """The end of token ``i``'s sentence or ``reach``, whichever comes first: ``min(doc[i].sent.end, reach)``
    without walking a long sentence to its end."""
    end, reach = i + 1, min(len(doc), reach)
    while end < reach and not doc[end].is_sent_start:
        end += 1
    return end


def _in_value_list(token: Token) -> bool:
    """A token of a value list: numbers, their units and symbols, commas and "and"."""
    return (token.like_num or token.is_currency or token.text in {",", "%"}
            or token.lower_ in {"and", "or", "percent", "per", "cent", "respectively"}
            or (token.is_alpha and not token.is_lower and len(token) <= 3))


def goal_modifier(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int) -> str | None:
    """What a goal noun names: "an energy-intensity target of 35%" and "a 60% e-bus sales target" -> the words."""
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


#: How far after a reduction its base may stand: "by 30% by 2030 and up to 80% by 2050 (over the 2007 baseline)".
_BASE_REACH = 12


def below_base(doc: Doc, q: Quantity, labels: Labels, found: str) -> str:
    """"46% below 2013 levels" -> "<metric> reduction below 2013 levels"; a reduction "compared with 2013 levels"
    or "from a business-as-usual scenario" -> "<metric> reduction from 2013" (or "vs business-as-usual")."""
    i = q.end
    while i < len(doc) and i - q.end < 4 and has_any(labels, i, ("DEADLINE",)):
        i += 1
    if found.lower().endswith("reduction") or found.lower().startswith(("reduction in ", "reduction of ")):
        sent_end = _sentence_end(doc, q.start, q.end + _BASE_REACH)
        base = next((b for b in (_versus(doc, j) for j in range(q.end, sent_end)) if b), None)
        if base:
            linker = "from" if base.isdigit() else "vs"  # "reduction from 2005", "reduction vs business-as-usual"
            return f"{found} {linker} {base}"
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
    empty = next((k for k, w in enumerate(lowered[:3]) if w in {"number", "figure", "tally"}), None)
    if len(words) > 3 and empty is not None and lowered[empty + 1] == "of":
        words = words[empty + 2:]  # "the total number of repaired water points" -> the counted
    if len(words) > 1 and words[0].lower() in vocab.change_nouns and words[0].islower():
        words = words[1:]  # "raising wind power's share (to 35%)"
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


_BARE_INFINITIVE_CAUSATIVES = frozenset({"help", "helps", "helping", "let", "lets", "make", "makes"})


def worth_phrase(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
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
    elif len(words) > 2 and doc[words[1]].is_lower and first.i >= 2 and doc[first.i - 1].lower_ in DETERMINERS \
            and doc[first.i - 2].lower_ in _BARE_INFINITIVE_CAUSATIVES:
        verb, words = doc[words[1]].lower_, words[2:]  # "help the city recover fees worth": the city is the doer
    noun = doc[words[0]:words[-1] + 1].text
    return f"{noun} {past_participle(verb, vocab.participles)}" if verb else noun


def list_item(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels) -> str | None:
    """A percentage in a list of parts, each named right after its number: "30% solar, 15% wind and 8% biomass"."""
    if q.unit_type != "percent" or q.end >= len(doc):
        return None
    name = after_number(doc, vocab, q, labels, limit=3)
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
        doc[i].like_num for i in range(max(0, before - 6), before))  # "40 percent wind energy use and"
    if not (sibling_after or sibling_before):
        return None
    return f"{name} share"


def after_number(doc: Doc, vocab: Vocabulary, q: Quantity, labels: Labels, limit: int = 5) -> str | None:
    """The lowercase noun phrase right after the number: "reach 100 percent clean electricity"."""
    if q.end >= len(doc) or not doc[q.end].is_alpha or not doc[q.end].is_lower \
            or has_any(labels, q.end, CHAIN_LABELS + CHANGE_LABELS + ("DEADLINE",)):
        return None
    found = phrase(doc, vocab, q.end, limit=limit)
    return found if headed(found, vocab) else None


def unit_of(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """The of-phrase after a unit, past a rate ("3 million tonnes per annum of blue ammonia production")."""
    if q.unit_type not in ("unit", "currency"):
        return None
    i = q.end
    for first, second in _RATE_WORDS:
        if i + 1 < len(doc) and doc[i].lower_ == first and doc[i + 1].lower_ == second:
            i += 2
            break
    return of_phrase(doc, vocab, i)


def refers_back(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels) -> bool:
    """Whether the clause names its measure only by a pronoun or a goal noun ("The aim is to cut them by 35%")."""
    for i in range(clause_start, q.start):
        word = doc[i].lower_
        if word in {"it", "them", "this", "that"} and i > clause_start and doc[i - 1].is_lower:
            return True  # the object of a verb: "to reduce them by 45%"
        if word in vocab.goal_nouns and i + 1 < q.start and doc[i + 1].lower_ in {"is", "was"}:
            return True  # "The goal is to reach 65 per cent"
    return False


def with_change(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, found: str) -> str:
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
