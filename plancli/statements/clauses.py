"""Clauses: where a quantity's clause starts, which comma clause each token is in, goals lead-ins."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from plancli.quantities import Quantity
from plancli.statements.common import DETERMINERS, PRONOUNS, Labels, Vocabulary, has_any, positions_of, tokens_of

_LIST_MARKER = re.compile(r"^\s*(?:[•\-*–·▪◦●]|\(?\d{1,2}[.)、]|\(?[a-zA-Z][.)]|(?:first|second|third|fourth|fifth)"
                          r"(?:ly)?\b)", re.IGNORECASE)
_COLONS = frozenset({":", "："})
_CLAUSE_MARKS = frozenset({",", ";", "；", "，"})
_FACT_VERBS = frozenset({"is", "are", "was", "were", "stands", "stood"})
#: Words that open a clause with a subject of its own after a comma splice.
_NEW_SUBJECTS = frozenset({"my", "our", "we", "i", "their", "they", "his", "her", "he", "she"})


def clause_start(doc: Doc, sent: Span, q: Quantity, previous: Quantity | None, vocab: Vocabulary) -> int:
    """The first token of the quantity's clause: after clause punctuation, a clause word or the previous quantity."""
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
        if token.text in vocab.clause_breaks or token.lower_ in vocab.clause_words \
                or (token.is_space and "\n" in token.text):
            return i + 1
        i -= 1
    return floor


def clause_ids(sent: Span) -> list[int]:
    """For each token of the sentence, the number of its comma/semicolon clause."""
    ids, current = [], 0
    for text in tokens_of(sent.doc).text[sent.start:sent.end]:
        if text in _CLAUSE_MARKS:
            current += 1
        ids.append(current)
    return ids


def new_statement(doc: Doc, start: int, end: int) -> bool:
    """A clause (tokens ``start:end``) that starts a statement of its own: "and the pipeline includes ..."
    (not "and to reach ...")."""
    words: list[int] = []
    for i in range(start, end):
        if not (doc[i].is_punct or doc[i].is_space):
            words.append(i)
            if len(words) == 2:
                break
    if len(words) < 2 or doc[words[0]].lower_ not in {"and", "but", "so", "yet"}:
        return _spliced_fact(doc, start, end)
    second = doc[words[1]]
    return second.lower_ in DETERMINERS or second.is_title or second.lower_ in PRONOUNS


def _spliced_fact(doc: Doc, start: int, end: int) -> bool:
    """A present or past "X is N" clause that a comma joins to a new statement with its own subject:
    "turnover is Rs 800 crore, our goal is to double it by 2030" (the later deadline is not this clause's)."""
    if end >= len(doc) or doc[end].text != "," or not any(doc[i].lower_ in _FACT_VERBS for i in range(start, end)):
        return False
    following = [i for i in range(end + 1, min(len(doc), end + 5)) if not doc[i].is_space][:2]
    if following and doc[following[0]].lower_ in {"and", "but"}:
        following = following[1:]  # ", and the plan is to reach ..."
        return bool(following) and doc[following[0]].lower_ in _NEW_SUBJECTS | DETERMINERS
    return bool(following) and doc[following[0]].lower_ in _NEW_SUBJECTS


def subordinator_positions(doc: Doc, vocab: Vocabulary) -> list[int]:
    """Where the subordinating words are ("even though", "because"): a deadline does not reach across them."""
    subordinators = vocab.subordinators
    return [i for i, lower in enumerate(tokens_of(doc).lower) if lower in subordinators]


def colon_leadins(doc: Doc, labels: Labels) -> list[Span]:
    """A colon that ends a plan sentence ("The Act sets benchmarks ... by 2030:") opens a goals list;
    so does a short heading line with a plan word ("Sector allocations", "Main targets")."""
    tokens = tokens_of(doc)
    space, line_break, punct = tokens.space, tokens.line_break, tokens.punct
    n = len(space)
    found = []
    line_start = 0
    for i in positions_of(line_break, True):
        if 0 < i - line_start - space[line_start:i].count(True) <= 6:  # a short line: 1 to 6 words
            line = [k for k in range(line_start, i) if not space[k]]
            if not punct[line[-1]] and any(has_any(labels, k, ("TARGET_CUE",)) for k in line):
                found.append(doc[line[-1]:line[-1] + 1])
        line_start = i + 1
    texts = tokens.text
    for i in sorted(k for colon in _COLONS for k in positions_of(texts, colon)):
        nxt = i + 1
        while nxt < n and space[nxt] and not line_break[nxt]:
            nxt += 1
        if nxt < n and not line_break[nxt]:
            continue  # the list must start on the next line
        start = doc[i].sent.start
        if any(has_any(labels, k, ("TARGET_CUE", "DEADLINE")) for k in range(start, i)):
            found.append(doc[i:i + 1])
    return found


def is_list_item(paragraph: str) -> bool:
    """A paragraph that starts with a list marker ("•", "1.", "(a)", "Firstly")."""
    return bool(_LIST_MARKER.match(paragraph))
