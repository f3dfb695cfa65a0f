"""Metric and base: what a quantity measures ("the added value of the digital economy") and the whole of a share."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from plancli.normalize.numbers import past_participle
from plancli.quantities import Quantity
from plancli.statements.common import (
    CHAIN_LABELS,
    CHANGE_LABELS,
    DETERMINERS,
    PREPOSITIONS,
    Labels,
    Vocabulary,
    has_any,
)
from plancli.statements.phrases import (
    clean_subject,
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


def metric(doc: Doc, vocab: Vocabulary, q: Quantity, clause_start: int, labels: Labels,
           previous_metric: str | None) -> str | None:
    """What is measured: the subject before the predicate, or the counted noun phrase.

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

