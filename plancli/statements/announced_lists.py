"""Goals lists whose lead-in :func:`plancli.statements.clauses.colon_leadins` does not see, in two layouts.

* An announced list: a sentence that counts the plan's goals ends its line with a full stop ("The resolution sets
  out 12 main targets.", "The plan lists the following goals.") and a marked list follows, one item a line
  ("1. The growth rate is about 6%."). Each item is a goal of the plan, whatever its verb: a translation often
  writes "reached 95%" or "decreased by 1%" for the level to reach. With a colon instead of the full stop the
  list is a colon lead-in's, but one that counts its goals may run longer than those lists are read.
* A breakdown list: a colon lead-in that breaks down a goal stated just before it, in the same paragraph or in
  the heading above ("... is expected to create 50,000 jobs by 2027. The breakdown includes:"), followed by one
  item a line, each a label and a colon or a list marker ("Apprenticeships: 12,000 placements for school leavers").
  The items share the goal's deadline.

Each list becomes a :class:`~plancli.statements.deadlines.GoalScope` over its item lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from plancli.normalize.deadlines import NUMBER_WORDS
from plancli.normalize.layout_rules import line_bounds
from plancli.statements.clauses import is_list_item
from plancli.statements.common import Labels, has_any, progress_leadin
from plancli.statements.deadlines import Found, GoalScope

_MAX_ITEMS = 40  # item lines read after one lead-in
_MAX_ITEM_CHARS = 400  # a longer line is prose, not a list item
_COUNT_REACH = 3  # words between the count ("15", "the following") and the goal noun ("15 key targets")
_HEADING_WORDS = 6
_LABELLED_ITEM = re.compile(r"^[ \t]*[^\W\d_][^:\n]{1,60}:[ \t]+\S")  # "Youth Grants: 12,000 ..."
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z(\"“])")
_WORD = re.compile(r"[\w'’-]+")
_COUNT_WORDS = frozenset({"following", "these"})

#: A line of the text: its first character, its end (before the line break) and its text.
Line = tuple[int, int, str]


def announced_list_scopes(doc: Doc, text: str, deadlines: list[Found], labels: Labels, heads: frozenset[str],
                          breakdown_words: frozenset[str], progress_words: frozenset[str]) -> list[GoalScope]:
    """The announced and breakdown lists of ``doc`` (``text``: its text). ``heads``: nouns that name a list of
    goals (lexicon ``list_goal_heads``); ``breakdown_words``: words of a lead-in that breaks a figure down
    (lexicon ``breakdown_words``); ``progress_words``: nouns of a progress report (lexicon ``progress_words``),
    whose list, like one under a report word, is no list of goals."""
    lines = [(start, end, text[start:end]) for start, end in line_bounds(text) if text[start:end].strip()]
    starts = [found[0].start_char for found in deadlines]
    scopes = []
    for k, (start, end, line) in enumerate(lines):
        stripped = line.rstrip()
        if not stripped.endswith((".", ":", "：")) or k + 1 >= len(lines):
            continue
        lead_start = start + _last_sentence(stripped)
        lead = text[lead_start:start + len(stripped)]
        words = [word.lower() for word in _WORD.findall(lead)]
        counted = is_list_item(lines[k + 1][2]) and _counts_goals(words, heads)
        if not counted and (stripped.endswith(".") or not breakdown_words.intersection(words)):
            continue
        if _reports(doc, lead_start, start + len(stripped), labels, progress_words):
            continue  # "Progress so far includes:", "The audit found that 8 targets were met last year.": done
        if counted:
            deadline_from: int | None = lead_start  # a colon list longer than goal_scopes reads runs on here
        else:
            deadline_from = _goal_before(doc, lines, k, lead_start, labels, heads)
            if deadline_from is None:
                continue
        last = _items_end(lines, k + 1, labelled=stripped.endswith((":", "：")))
        if last is None:
            continue
        items = doc.char_span(lines[k + 1][0], lines[last][1], alignment_mode="expand")
        mark = doc.char_span(start + len(stripped) - 1, start + len(stripped), alignment_mode="expand")
        if items is None or mark is None:
            continue
        before = deadlines[bisect_left(starts, deadline_from):bisect_left(starts, start + len(stripped))]
        scopes.append(GoalScope(items.start, items.end, before[-1] if before else None, mark))
    return scopes


def _last_sentence(line: str) -> int:
    """Where the last sentence of ``line`` starts (its offset in the line)."""
    found = 0
    for m in _LAST_SENTENCE.finditer(line, 0, max(0, len(line) - 1)):
        found = m.end()
    return found


def _counts_goals(words: list[str], heads: frozenset[str]) -> bool:
    """A plural goal noun after a count or "the following": "sets out 15 key targets", "the following goals"."""
    for i, word in enumerate(words):
        if word in heads and word.endswith("s"):
            reach = words[max(0, i - _COUNT_REACH):i]
            if "of" not in reach and any(w.isdigit() or w in NUMBER_WORDS or w in _COUNT_WORDS for w in reach):
                return True  # "15 key targets", not "one of the targets"
    return False


def _reports(doc: Doc, start: int, end: int, labels: Labels, progress_words: frozenset[str]) -> bool:
    """Whether characters ``start:end`` (a lead-in sentence) open a progress report (:func:`progress_leadin`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and progress_leadin(doc, span.start, span.end, progress_words,
                                                lambda i: has_any(labels, i, ("ACTUAL_CUE",)))


def _goal_before(doc: Doc, lines: list[Line], k: int, lead_start: int, labels: Labels,
                 heads: frozenset[str]) -> int | None:
    """Where the goal that a breakdown lead-in breaks down is stated: the start of its paragraph when a goal
    word stands before the lead-in sentence, else the start of the heading just above when it names goals."""
    start = lines[k][0]
    if lead_start > start:
        before = doc.char_span(start, lead_start, alignment_mode="expand")
        if before is not None and any(has_any(labels, i, ("TARGET_CUE",)) for i in range(before.start, before.end)):
            return start
    if k > 0:
        heading = lines[k - 1][2].strip()
        words = [word.lower() for word in _WORD.findall(heading)]
        if 0 < len(words) <= _HEADING_WORDS and not heading.endswith((".", ":", "!", "?")) \
                and heads.intersection(words):
            return lines[k - 1][0]
    return None


def _items_end(lines: list[Line], first: int, *, labelled: bool) -> int | None:
    """The last item line of the list that starts at line ``first``: marked lines, or with ``labelled`` also
    label-colon lines; at least two items."""
    last = None
    for k in range(first, min(len(lines), first + _MAX_ITEMS)):
        line = lines[k][2]
        if len(line) > _MAX_ITEM_CHARS or not (is_list_item(line) or labelled and _LABELLED_ITEM.match(line)):
            break
        last = k
    return last if last is not None and last > first else None

