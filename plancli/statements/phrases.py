"""Noun phrases around a quantity: the subject before it, "of ..." and "for ..." phrases after it, list labels."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from plancli.quantities import Quantity
from plancli.statements.common import CHANGE_LABELS, DETERMINERS, PREPOSITIONS, PRONOUNS, Labels, Vocabulary, has_any
from plancli.statements.common import tokens_of



#: What a count is given per ("30,000 homes per year").
_RATE_NOUNS = frozenset({"year", "annum", "month", "week", "day", "capita"})


def list_subject(doc: Doc, vocab: Vocabulary, q: Quantity) -> str | None:
    """What a colon list measures: the words after "targets for/of" (or "the following") before the colon."""
    k = q.start - 1
    while k > 0 and q.start - k < 40 and doc[k].text not in {":", "："} and not doc[k].is_sent_start:
        k -= 1
    if doc[k].text not in {":", "："}:
        colon = _list_colon(doc, q.start)
        if colon is None:
            return None
        k = colon
    following = next((i for i in range(k - 1, max(-1, k - 16), -1) if doc[i].lower_ == "following"), None)
    if following is not None:
        words = [t.text for t in doc[following + 1:k] if not t.is_space and not t.like_num]
        if 0 < len(words) <= 10:
            return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")  # "the following portions of ..."
    for i in range(k - 1, max(-1, k - 14), -1):
        if doc[i].lower_ in vocab.goal_nouns or doc[i].lower_ == "benchmarks":
            j = i + 1
            while j < k and doc[j].lower_ in {"for", "of", "on", "in", "to", "the"}:
                j += 1
            return phrase(doc, vocab, j) if j < k else None
    return None

def _list_colon(doc: Doc, start: int) -> int | None:
    """The colon ending a lead-in over numbered or bulleted lines, one of which holds token ``start``."""
    k = start - 1
    while k > 0 and start - k < 160:
        token = doc[k]
        if token.text in {":", "："}:
            return k if k + 1 < len(doc) and "\n" in doc[k + 1].text else None
        if token.is_space and "\n" in token.text:
            j = k + 1
            while j < start and doc[j].like_num and j + 1 < len(doc) and doc[j + 1].text == "(":
                j += 1  # a line number before "(1)"
            if j < len(doc) and doc[j].text != "(" and doc[j].text not in {"-", "*", "•", "–"}:
                return None
        k -= 1
    return None


def label_before_colon(doc: Doc, vocab: Vocabulary, clause_start: int) -> str | None:
    """The label of a list line: the words between the line start and the colon."""
    colon = clause_start - 1
    if colon < 1 or doc[colon].text not in {":", "："}:
        return None
    k = colon
    while k > 0 and colon - k < 8 and not (doc[k - 1].is_space or doc[k - 1].text in vocab.list_bullets):
        k -= 1
    words = [i for i in range(k, colon) if not doc[i].is_punct]
    if not words or colon - k >= 8 or (k > 0 and not doc[k - 1].is_space and doc[k - 1].text not in vocab.list_bullets):
        return None
    return doc[words[0]:words[-1] + 1].text

def of_phrase(doc: Doc, vocab: Vocabulary, i: int) -> str | None:
    """"500 GW of wind capacity" -> "wind capacity" (also "2,800 megawatts (MW) of ...")."""
    if i < len(doc) and doc[i].text == "(":
        i = next((j + 1 for j in range(i + 2, min(len(doc), i + 6)) if doc[j].text == ")"), i)  # "(2,858 miles)"
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    return drop_determiner(phrase(doc, vocab, i + 1))

def prep_phrase(doc: Doc, vocab: Vocabulary, i: int, *, with_preposition: bool = True) -> str | None:
    """"spend 3 billion on rail upgrades" -> "on rail upgrades" (or "rail upgrades")."""
    if i >= len(doc) or doc[i].lower_ not in {"on", "in", "for", "into"}:
        return None
    rest = phrase(doc, vocab, i + 1)
    if rest and any(w.lower() in vocab.time_words | {"period"} for w in rest.split()):
        return None  # "for the period up to FY 2026-27"
    if rest and not with_preposition:
        return drop_determiner(rest)
    return f"{doc[i].text} {rest}" if rest else None

def phrase(doc: Doc, vocab: Vocabulary, i: int, limit: int = 6) -> str | None:
    """The plain noun phrase starting at token ``i``: words up to a stop word, number, punctuation or line break.

    A coordination that ends the phrase is kept whole ("new bus and heavy-duty van sales").
    """
    span = phrase_span(doc, vocab, i, limit)
    return doc[span[0]:span[1]].text if span else None


def phrase_span(doc: Doc, vocab: Vocabulary, i: int, limit: int = 6) -> tuple[int, int] | None:
    """The token span (start, end) of :func:`phrase`."""
    words: list[int] = []
    while i < len(doc) and len(words) < limit:
        token = doc[i]
        paired = _paired_end(doc, vocab, i) if words and token.lower_ == "and" else None
        if paired is not None:
            words.extend(range(i, paired))
            break
        stop = token.lower_ in vocab.phrase_stops and not (not words and token.lower_ in {"each", "every"})
        if token.is_space or (token.is_punct and token.text not in {"-", "&"}) or stop \
                or token.like_num or (token.text == "-" and i > 0 and doc[i - 1].whitespace_):
            break  # a spaced dash is a bullet or an aside, not a hyphen
        words.append(i)
        i += 1
    return (words[0], words[-1] + 1) if words else None

def _paired_end(doc: Doc, vocab: Vocabulary, i: int) -> int | None:
    """Where a coordination at "and" (token ``i``) ends, if it ends the phrase: "wind and solar",
    "bus and heavy-duty van sales" (up to three plain words, a hyphenated compound counting as one; a single
    word before "to" may be a verb: "and contribute to")."""
    if not doc[i - 1].is_alpha or not doc[i - 1].is_lower:
        return None
    verbs = vocab.plan_verbs | vocab.linking_verbs | vocab.subject_verbs | frozenset(vocab.change_nouns)
    j = i + 1
    count = 0
    while j < len(doc) and count < 3:
        word = doc[j]
        if not (word.is_alpha and word.is_lower) or word.lower_ in vocab.phrase_stops or word.lower_ in verbs \
                or word.lower_ in {"more", "less", "fewer", "most"}:
            break
        j += 1
        while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and doc[j + 1].is_alpha:
            j += 2  # "light-duty"
        count += 1
    if count == 0:
        return None
    end = doc[j] if j < len(doc) else None
    if end is None or (end.is_punct and end.text != "-") or end.is_space \
            or (end.lower_ in vocab.phrase_stops and end.lower_ != "than" and (end.lower_ != "to" or count > 1)):
        return j
    return None


#: Prepositions whose bare noun after a counted noun says where or for whom ("parking spaces at underground
#: garages", "intersections on main roads", "schools for rural children"), besides "in", "into" and "under".
_PLACE_TAILS = frozenset({"at", "on", "for"})


def tail(doc: Doc, vocab: Vocabulary, i: int) -> str:
    """A short prepositional tail after a counted noun: "under negotiation", "into operation", "per year"."""
    if i + 1 < len(doc) and doc[i].lower_ == "per" and doc[i + 1].lower_ in _RATE_NOUNS:
        return f"{doc[i].text} {doc[i + 1].text}"
    placed = i + 1 < len(doc) and doc[i].lower_ in _PLACE_TAILS and doc[i + 1].lower_ not in DETERMINERS \
        and doc[i + 1].lower_ not in vocab.time_words and _compound_word(doc[i + 1], vocab)
    if i + 1 < len(doc) and (doc[i].lower_ in {"under", "into", "in"} or placed) and doc[i + 1].is_alpha \
            and doc[i + 1].is_lower and doc[i + 1].lower_ not in vocab.non_count:
        end = i + 2
        while end < len(doc) and end - i < 5 and _compound_word(doc[end], vocab):
            end += 1  # "people in carbon neutrality sectors", not "people in carbon"
        while end > i + 2 and not _compound_word(doc[end - 1], vocab, final=True):
            end -= 1
        return doc[i:end].text
    return ""


def _compound_word(token: Token, vocab: Vocabulary, final: bool = False) -> bool:
    """Whether ``token`` continues a lowercase compound noun after "in" ("carbon neutrality sectors"); a ``final``
    word must also be able to end it (no "-ly" adverb, "-ed" participle or "-ing" form)."""
    word = token.lower_
    plain = token.is_alpha and token.is_lower and not token.like_num and word not in DETERMINERS \
        and word not in PREPOSITIONS and word not in vocab.prepositions and word not in vocab.phrase_stops \
        and word not in vocab.metric_rejects and word not in vocab.time_words and word not in vocab.linking_verbs \
        and word not in vocab.non_count and word not in {"and", "or", "will", "would", "to", "be"}
    return plain and not (final and word.endswith(("ly", "ed", "ing")))

def clean_subject(doc: Doc, vocab: Vocabulary, ids: list[int], labels: Labels) -> str | None:
    """The noun phrase of a subject region: determiners, conjunctions and verbs trimmed."""
    # Split at the last modal or cue: "Grain output will be stabilized" -> "Grain output";
    # "the EU will cut greenhouse gas emissions" -> "greenhouse gas emissions".
    for k in range(len(ids) - 1, -1, -1):
        if "TARGET_CUE" in labels.get(ids[k], ()):
            before, after = ids[:k], ids[k + 1:]
            named_before = any(doc[i].lower_ not in DETERMINERS for i in before)
            if named_before and after and doc[ids[k]].lower_ in vocab.goal_nouns \
                    and doc[after[0]].lower_ in {"has", "have", "had", "is", "are", "was", "were", "will"}:
                ids = before  # "the rice production target has been fixed at": what the goal is for
                break
            passive = False
            while after and (doc[after[0]].lower_ in {"be", "been", "being", "further", "also", "to"}
                             or has_any(labels, after[0], CHANGE_LABELS)):
                passive = passive or doc[after[0]].lower_ in {"be", "been", "being"}
                after = after[1:]
            if passive and after and doc[after[0]].is_lower:
                after = after[1:]  # "will be held": the participle
            while after and doc[after[0]].is_lower and doc[after[0]].lower_.endswith(("ed", "en")):
                after = after[1:]
            ids = after if after else before
            break
    planned_for = next((k for k in range(len(ids) - 2, 0, -1) if doc[ids[k]].lower_ == "for"
                        and doc[ids[k - 1]].lower_ in vocab.plan_verbs | {"plan", "aim", "calls", "call", "pushes"}),
                       None)
    if planned_for is not None:
        ids = ids[planned_for + 1:]  # "Norda also plans for EVs (to account for 75% of sales)" -> "EVs"
    if len(ids) > 2 and doc[ids[0]].is_title and doc[ids[1]].lower_ in vocab.plan_verbs | {"sets", "set", "has"}:
        ids = ids[2:]  # "China sets GDP growth (target at ...)" -> "GDP growth"
    said = next((k for k in range(len(ids) - 2, -1, -1) if doc[ids[k]].lower_ in vocab.reporting_verbs), None)
    if said is not None:
        ids = ids[said + 1:]  # "The minister said currently the steel industry (is worth ...)": what was said
        while ids and doc[ids[0]].lower_ in {"that", "currently", "now", "today"}:
            ids = ids[1:]
    ids = without_parentheses(doc, ids)
    if not ids:
        return None
    # "achieving a total economic volume" -> "a total economic volume", but keep
    # "retail sales of consumer goods in the province" whole.
    first_det = next((k for k, i in enumerate(ids) if doc[i].lower_ in DETERMINERS
                      and (k == 0 or doc[ids[k - 1]].lower_ not in PREPOSITIONS)), None)
    if first_det is not None and first_det > 0:
        ids = ids[first_det:]
    # "the council expects the rate" -> "the rate": a later determiner after a verb starts the measured noun.
    later_det = next((k for k in range(len(ids) - 2, 0, -1) if doc[ids[k]].lower_ in DETERMINERS
                      and doc[ids[k - 1]].is_lower and doc[ids[k - 1]].is_alpha
                      and doc[ids[k - 1]].lower_ not in PREPOSITIONS | vocab.prepositions), None)
    if later_det is not None:
        ids = ids[later_det:]
    while ids and (doc[ids[0]].lower_ in DETERMINERS or doc[ids[0]].lower_ in vocab.leading_junk
                   or doc[ids[0]].is_punct or doc[ids[0]].is_space):
        ids = ids[1:]
    while ids and (doc[ids[-1]].is_punct or doc[ids[-1]].is_space or doc[ids[-1]].lower_ in vocab.leading_junk
                   or doc[ids[-1]].lower_ in DETERMINERS):
        ids = ids[:-1]
    if not ids:
        return None
    if len(ids) > 12:
        ids = ids[-12:]
    text = "".join(doc[i].text_with_ws for i in ids)
    return " ".join(text.split()) or None



def verb_position(doc: Doc, i: int, clause_start: int, labels: Labels, agents: frozenset[str]) -> bool:
    """Whether token ``i`` stands where a verb would: after "to", a modal, "and" or at the clause start."""
    if i <= clause_start:
        return True
    before = doc[i - 1]
    if before.lower_ in {"to", "and", "or", ","} or has_any(labels, i - 1, ("TARGET_CUE", "ACTUAL_CUE", "PREDICATE")):
        return True
    if before.lower_ in {"with", "by", "through", "via"} and doc[i].lower_.endswith("ing") and doc[i].is_lower:
        return True  # a gerund after a preposition: "along with training 2 million people"
    # "The Act provides $369 billion", "the administration wants 500,000 chargers": a third-person verb.
    word = doc[i].lower_
    return word.endswith("s") and not word.endswith("ss") and (before.is_title or before.lower_ in agents)


def drop_determiner(phrase: str | None) -> str | None:
    """ "the scheme" -> "scheme"; a phrase that is only a determiner stays as it is."""
    words = (phrase or "").split(" ", 1)
    return words[1] if len(words) == 2 and words[0].lower() in DETERMINERS else phrase


def without_parentheses(doc: Doc, ids: list[int]) -> list[int]:
    """Drop parenthetical asides: "the consumer price index (CPI)" -> "the consumer price index"."""
    out: list[int] = []
    depth = 0
    texts = tokens_of(doc).text
    for i in ids:
        if texts[i] == "(":
            depth += 1
        elif texts[i] == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(i)
    return out


def is_name(text: str, vocab: Vocabulary) -> bool:
    """A short proper name ("California", "Qingdao’s"), not a measured noun phrase ("GDP"; lexicon
    ``measure_acronyms`` ends a place's measure: "Local GDP")."""
    words = text.split()
    if len(words) > 1 and words[-1].isupper() and words[-1].isalpha() and words[-1] in vocab.measure_acronyms:
        return False  # "Regional GDP": a place's measure, not a name
    first = words[0].removesuffix("'s").removesuffix("\u2019s")  # "China's Eastern Province": a place's name
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and first.istitle()


def is_pronoun(text: str) -> bool:
    """ "it", "they", and pronoun-led clauses such as "we want"."""
    return text.lower() in PRONOUNS or text.split()[0].lower() in {"we", "i", "you", "they", "it", "he", "she"}
