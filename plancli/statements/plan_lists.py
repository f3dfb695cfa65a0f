"""Goals lists that :func:`plancli.statements.clauses.colon_leadins` does not open, in two layouts of plan notices.

* An inline list: a lead-in naming goals ends in a colon and its items follow on the same line, parted by
  semicolons ("the main expected goals for 2026 are: to raise output by 6%; revenue grew by 8%; ..."). A machine
  translation often writes such goals in the past tense; the lead-in, not the tense, says they are goals.
* A hard-wrapped list: a line ending in a colon names goals or milestones ("... clear milestones for each:") and
  each item starts with a list marker alone on its line, its text wrapped over the lines after it.

Each list becomes a :class:`~plancli.statements.deadlines.GoalScope` whose lead-in is the colon.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from spacy.tokens import Doc, Span

from plancli.statements.common import paragraph_end, skip_space, span_text, tokens_of
from plancli.statements.deadlines import Found, GoalScope

_COLONS = frozenset({":", "："})
_SEMICOLONS = frozenset({";", "；"})
#: Words just before an inline list's colon: "the main goals are:", "the tasks include:", "as follows:".
_LINKS = frozenset({"is", "are", "include", "includes", "follows", "as"})
_LEAD_WORDS = 16  # words before an inline colon that may hold the goal noun
_MIN_SEMICOLONS = 2  # an inline list has three items at least
_WRAP_LEAD_WORDS = 8  # words before a wrapped list's colon that may hold the goal noun
_MAX_ITEMS = 12
_MAX_LINE_CHARS = 300
_SENTENCE_ENDS = (".", "!", "?")


def plan_list_scopes(doc: Doc, deadlines: list[Found], heads: frozenset[str], bullets: frozenset[str],
                     sentences: Sequence[Span] | None = None) -> list[GoalScope]:
    """The inline and hard-wrapped goals lists of ``doc``; ``heads`` are the nouns that name a list of goals,
    ``bullets`` the list markers (lexicon ``list_bullets``); ``sentences``: ``list(doc.sents)`` when known."""
    tokens = tokens_of(doc)
    colons = [i for i, text in enumerate(tokens.text) if text in _COLONS]
    if not colons:
        return []
    starts = [d[0].start for d in deadlines]
    bounds = [(sent.start, sent.end) for sent in (doc.sents if sentences is None else sentences)]
    sentence_starts = [start for start, _ in bounds]
    # running counts of semicolons and line breaks: how many lie in any stretch, in constant time
    semicolons = list(accumulate((text in _SEMICOLONS for text in tokens.text), initial=0))
    breaks = list(accumulate(tokens.line_break, initial=0))
    scopes = []
    for i in colons:
        sent_start, sent_end = bounds[bisect_right(sentence_starts, i) - 1]
        end = _inline_end(doc, i, sent_start, sent_end, heads, semicolons, breaks)
        if end is None:
            end = _wrapped_end(doc, i, heads, bullets)
        if end is not None:
            before = deadlines[bisect_left(starts, sent_start):bisect_left(starts, i)]
            scopes.append(GoalScope(i + 1, end, before[-1] if before else None, doc[i:i + 1]))
    return scopes


def _goal_word_before(doc: Doc, start: int, colon: int, heads: frozenset[str]) -> bool:
    """Whether a word of ``heads`` stands in tokens ``start:colon`` (the lead-in of a list)."""
    return any(doc[k].lower_ in heads for k in range(max(start, 0), colon))


def _inline_end(doc: Doc, colon: int, sent_start: int, sent_end: int, heads: frozenset[str],
                semicolons: list[int], breaks: list[int]) -> int | None:
    """The end of an inline list opened at ``colon`` (its sentence's end), or None. ``semicolons`` and
    ``breaks``: running counts of semicolons and line breaks before each token."""
    if colon == sent_start or doc[colon - 1].lower_ not in _LINKS:
        return None
    if not _goal_word_before(doc, max(sent_start, colon - _LEAD_WORDS), colon, heads):
        return None
    if breaks[sent_end] - breaks[colon + 1] > 0:
        return None  # a list on lines of its own is colon_leadins' case
    if semicolons[sent_end] - semicolons[colon + 1] < _MIN_SEMICOLONS:
        return None
    return sent_end


def _wrapped_end(doc: Doc, colon: int, heads: frozenset[str], bullets: frozenset[str]) -> int | None:
    """The end of a hard-wrapped list after a colon that ends its line: items open with a marker alone on its
    line and run until a line that ends a sentence is followed by no marker. None without such a list."""
    n = len(doc)
    line_break = tokens_of(doc).line_break
    if colon + 1 >= n or not line_break[colon + 1]:
        return None
    words = [k for k in range(max(0, colon - 3 * _WRAP_LEAD_WORDS), colon) if not doc[k].is_space]
    if not _goal_word_before(doc, words[-_WRAP_LEAD_WORDS] if len(words) >= _WRAP_LEAD_WORDS else 0, colon, heads):
        return None
    k, end, items = colon + 2, None, 0
    while k < n and items <= _MAX_ITEMS:
        start, stop = k, paragraph_end(doc, k)  # k opens a line: the token after a line break
        line = span_text(doc, start, stop).strip() if stop > start else ""
        if stop - start == 1 and line in bullets:
            items += 1
        elif items == 0 or not line or len(line) > _MAX_LINE_CHARS:
            break  # no marker first, a blank line, or a long line: no list, or its end
        else:
            end = stop
            if line.endswith(_SENTENCE_ENDS):
                nxt = skip_space(doc, stop)  # the next non-blank line's first token
                if nxt >= len(doc) or doc[nxt].text not in bullets:
                    break
        k = stop + 1
    return end if items else None


#: A list item that opens with a short label and a colon ("• Economic forecasts: ...", "- Outlook: ...").
def _labelled_item(bullets: frozenset[str]) -> re.Pattern[str]:
    """A list item that opens with one of ``bullets``, a short label and a colon (``re`` caches the pattern)."""
    marks = "".join(re.escape(b) for b in sorted(bullets) if len(b) == 1)
    return re.compile(rf"^[ \t]*[{marks}][ \t]*([A-Z][^:\n]{{0,40}}):", re.MULTILINE)


def forecast_items(text: str, labels: frozenset[str], bullets: frozenset[str]) -> list[tuple[int, int, int]]:
    """The list items of ``text`` whose label names forecasts ("• Economic forecasts: GDP at +3.5% in 2026, ...;
    population growth at 1.6% in 2027"): (label start, label end, item end) in characters. Every figure of such
    an item is a forecast, however far from the label and in however many sentences. ``bullets``: the list
    markers (lexicon ``list_bullets``)."""
    found = []
    for m in _labelled_item(bullets).finditer(text):
        if not any(word in labels for word in m.group(1).lower().split()):
            continue
        end = text.find("\n", m.end())
        found.append((m.start(1), m.end(1), end if end >= 0 else len(text)))
    return found


def forecast_item(items: list[tuple[int, int, int]], char: int) -> tuple[int, int] | None:
    """The label (its characters) of the forecast item holding character ``char``, or None."""
    for label_start, label_end, end in items:
        if label_end <= char < end:
            return label_start, label_end
    return None
