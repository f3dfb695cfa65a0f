"""The individual layout clean-up rules behind :func:`plancli.normalize.layout.analysis_text`.

Each rule reads the text (and its lines) and returns deletions or edits in
original offsets: odd and invisible characters, chart-axis residue, rising
line numbers, "[deleted]" text in legislation, and hard-wrapped lines to join.
Pure functions over strings; no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancli.normalize.layout import LayoutVocabulary

# -- characters ----------------------------------------------------------------------------

#: Spaces that look like a space: NBSP, en/em/thin/hair, narrow NBSP, figure, medium math, ideographic.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACES}]")
#: Invisible characters deleted outright: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_SPACE_RUN_RE = re.compile(r" [ \t]+|\t[ \t]*")
#: Markup a scraper left in a plain-text article ("2030-31.</p>.<p>The mission ..."): blanked one for one.
_HTML_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|li|ul|ol|h[1-6]|strong|em|b|i|u|a|blockquote|section|article|table|tr|td|th|tbody|thead)"
    r"(?:\s+[a-zA-Z-]+=[^<>]{0,200})?\s*/?>",  # attributes only as name=value: "<p and >q" is no tag
    re.IGNORECASE,
)

# -- lines ---------------------------------------------------------------------------------


def line_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line's content; the break ("\\n", "\\r\\n") is not in it."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        newline = text.find("\n", start)
        if newline < 0:
            spans.append((start, len(text)))
            return spans
        end = newline - 1 if newline > start and text[newline - 1] == "\r" else newline
        spans.append((start, end))
        start = newline + 1


# -- chart and axis residue ----------------------------------------------------------------

_BARE_NUMBER_LINE_RE = re.compile(r"[\s\d.,%$€£¥₹+\-–—/()~]*\d[\s\d.,%$€£¥₹+\-–—/()~]*")
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_CHART_MIN_BARE_LINES = 4
_CHART_LABEL_MAX_CHARS = 40
_CHART_LABEL_MAX_WORDS = 5


def _chart_line_kind(line: str, vocab: LayoutVocabulary) -> str | None:
    """ "bare" for a line of only numbers, "label" for a short verbless label, else None."""
    stripped = line.strip()
    if not stripped:
        return None
    if _BARE_NUMBER_LINE_RE.fullmatch(stripped):
        return "bare"
    if len(stripped) > _CHART_LABEL_MAX_CHARS or stripped[-1] in ".!?;:,|" or "|" in stripped:
        return None
    words = _WORD_RE.findall(stripped)
    if len(words) > _CHART_LABEL_MAX_WORDS:
        return None
    for word in words:
        lower = word.lower()
        if lower in vocab.chart_label_verbs or (len(lower) > 4 and lower.endswith(("ing", "ed"))):
            return None
    return "label"


#: Table rows laid out one cell per line: a row label, then the same number (>= 2) of value lines, repeated.
_TABLE_MIN_CELLS = 2
_TABLE_MIN_ROWS = 2
_TABLE_LABEL_MAX_CHARS = 80


def _table_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of lines in a table laid out one cell per line: at least two rows in a row, each a text
    line (a label, "Electricity output (MW)") and then the same number of bare-number lines. Chart
    axes have no such rhythm; a table keeps its lines (the cells are the article's figures)."""
    bare = [bool(_BARE_NUMBER_LINE_RE.fullmatch(text[start:end].strip())) for start, end in lines]
    rows: list[tuple[int, int]] = []  # (label line, value lines after it)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        label = text[start:end].strip()
        run = index + 1
        while run < len(lines) and bare[run]:
            run += 1
        if not bare[index] and label and len(label) <= _TABLE_LABEL_MAX_CHARS and label[-1] not in ".!?;:" \
                and run - index - 1 >= _TABLE_MIN_CELLS:
            rows.append((index, run - index - 1))
        index = run if run > index + 1 else index + 1
    kept: set[int] = set()
    chain: list[tuple[int, int]] = []
    for row in rows + [(-1, 0)]:  # a sentinel closes the last chain
        if chain and (row[0] != chain[-1][0] + chain[-1][1] + 1 or row[1] != chain[-1][1]):
            if len(chain) >= _TABLE_MIN_ROWS:
                kept.update(range(chain[0][0], chain[-1][0] + chain[-1][1] + 1))
            chain = []
        chain.append(row)
    return kept


def _chart_blocks(text: str, lines: list[tuple[int, int]], vocab: LayoutVocabulary) -> Iterator[tuple[int, int]]:
    """Deletions for blocks of >= 4 bare-number lines (plus labels among them), the blanks left; the lines
    of a table laid out one cell per line (see :func:`_table_lines`) are no chart."""
    block: list[int] = []
    bare = 0
    table = _table_lines(text, lines)

    def close() -> Iterator[tuple[int, int]]:
        if bare >= _CHART_MIN_BARE_LINES and 2 * bare >= len(block):
            yield lines[block[0]][0], lines[block[-1]][1]

    for index, (start, end) in enumerate(lines):
        kind = None if index in table else _chart_line_kind(text[start:end], vocab)
        if kind is None:
            yield from close()
            block, bare = [], 0
            continue
        block.append(index)
        bare += kind == "bare"
    yield from close()


# -- numbered lines (legislation) ----------------------------------------------------------

_LINE_NUMBER_RE = re.compile(r"[ \t]*(\d{1,3})(?:[ \t]+|$)")
#: A "page.line" number (state bills: "1.5", "2.14"), often glued to the text ("1.5to reduce", "1.72005 levels").
_PAGE_LINE_RE = re.compile(r"[ \t]*\d{1,3}\.(\d{1,3})[ \t]*")
_MAX_GAP = 3  # page headers, footers and section openers between two numbered lines
_STRONG_CHAIN = 5  # numbered lines that prove a numbered layout on their own
_NUMBERED_SHARE = 0.3  # share of non-blank lines in strong chains that makes the whole document numbered
_ADJACENT_SHARE = 0.75  # line numbers sit on neighbouring lines; numbered paragraphs have gaps between
_CHROME_MAX_CHARS = 40  # a page header or footer between two numbered lines ("HB 1234 2")
_RUN_ON_SHARE = 0.2  # numbered lines that go on with a lowercase word: text wrapped mid-sentence, not a list


class _Chain:
    """One rising sequence of line numbers: what to delete, and how tightly the lines follow each other."""

    def __init__(self) -> None:
        self.deletions: list[tuple[int, int]] = []
        self.size = 0
        self.steps = 0
        self.adjacent = 0
        self.run_on = 0

    def add(self, deletion: tuple[int, int], run_on: bool) -> None:
        self.deletions.append(deletion)
        self.size += 1
        self.run_on += run_on

    def valid(self, minimum: int) -> bool:
        return (self.size >= minimum and self.adjacent >= _ADJACENT_SHARE * self.steps
                and self.run_on >= _RUN_ON_SHARE * self.size)


def _line_number(text: str, start: int, end: int, expected: int | None) -> tuple[int, int] | None:
    """The line number opening the line ``text[start:end]`` and where the text after it starts, or None.
    A plain number stands apart ("12   the"); a "page.line" number may be glued to the text, and when the
    next digits run on ("1.72005 levels") the line number is the one the chain ``expected``."""
    if (match := _LINE_NUMBER_RE.match(text, start, end)) is not None:
        return int(match.group(1)), match.end()
    if (match := _PAGE_LINE_RE.match(text, start, end)) is None:
        return None
    digits, digits_end = match.group(1), match.end(1)
    if digits_end < end and text[digits_end].isdigit() or digits_end < end and text[digits_end] in ".,":
        if expected is None or not digits.startswith(str(expected)) or digits == str(expected):
            return None
        return expected, match.start(1) + len(str(expected))
    if expected is not None and digits != str(expected) and digits.startswith(str(expected)):
        return expected, match.start(1) + len(str(expected))  # "1.72005": line 7, then "2005"
    return int(digits), match.end()


def _line_number_deletions(text: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], bool]:
    """Deletions of leading line numbers that go up line by line, and whether the layout is numbered.

    Short lines between two consecutive numbers (a PDF's page headers and
    footers) go too: the numbering shows that the body runs on across them.
    """
    chains: list[_Chain] = []
    chain: _Chain | None = None
    last = -1
    gap = 0
    gap_is_chrome = True
    after_last = 0  # where the line after the chain's last numbered line starts
    non_blank = 0
    for index, (start, end) in enumerate(lines):
        blank = start == end or text[start:end].isspace()
        found = None if blank else _line_number(text, start, end, last + 1 if chain is not None else None)
        if found is None:
            gap += 1
            non_blank += not blank
            gap_is_chrome = gap_is_chrome and len(text[start:end].strip()) <= _CHROME_MAX_CHARS
            if chain is not None and gap > _MAX_GAP:
                chains.append(chain)
                chain = None
            continue
        non_blank += 1
        number, number_end = found
        run_on = number_end < end and text[number_end].islower()
        if chain is not None and number == last + 1:
            if gap and gap_is_chrome:
                chain.deletions.append((after_last, start))
            chain.add((start, number_end), run_on)
            chain.steps += 1
            chain.adjacent += gap == 0
        else:
            if chain is not None:
                chains.append(chain)
            chain = _Chain()
            chain.add((start, number_end), run_on)
        last, gap, gap_is_chrome = number, 0, True
        after_last = lines[index + 1][0] if index + 1 < len(lines) else len(text)
    if chain is not None:
        chains.append(chain)
    strong = sum(c.size for c in chains if c.valid(_STRONG_CHAIN))
    numbered = non_blank > 0 and strong >= _NUMBERED_SHARE * non_blank
    minimum = 2 if numbered else _STRONG_CHAIN
    return [span for c in chains if c.valid(minimum) for span in c.deletions], numbered


# -- bracketed deletions (legislation) -----------------------------------------------------

_BRACKET_CHAR_RE = re.compile(r"[\[\]]")
_BRACKET_MAX_CHARS = 2000
_LEGAL_MARKERS_RE = re.compile(
    r"\bbe it enacted\b|\bis (?:hereby )?amended\b|\bsections? \d+(?:\.\d+)*\b|\bsubsection\b|§", re.IGNORECASE
)
_SHALL_RE = re.compile(r"s(?<=\bs)hall\b", re.IGNORECASE)  # \b behind the "s": re's fast scan finds the "s"
_LEGAL_MIN_SHALLS = 3


def _looks_legal(text: str) -> bool:
    """A bill or statute: several "shall" and an enacting or section formula."""
    shalls = 0
    for _ in _SHALL_RE.finditer(text):
        shalls += 1
        if shalls >= _LEGAL_MIN_SHALLS:
            return _LEGAL_MARKERS_RE.search(text) is not None
    return False


def _brackets(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every outermost balanced "[...]" that closes within the limit."""
    depth = 0
    opened = 0
    for match in _BRACKET_CHAR_RE.finditer(text):
        if depth and match.start() - opened > _BRACKET_MAX_CHARS:
            depth = 0  # a stray "[" never closed: start afresh
        if match.group() == "[":
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and match.end() - opened <= _BRACKET_MAX_CHARS:
                yield opened, match.end()


def _bracket_deletions(text: str, legal: bool, vocab: LayoutVocabulary) -> Iterator[tuple[int, int]]:
    """ "[deleted text]" in a legal document; elsewhere only "[number words]" in a "shall" line."""
    for start, end in _brackets(text):
        inner = text[start + 1:end - 1]
        if "\n\n" in inner or not any(c.isalnum() for c in inner) or text[end:end + 1] in ("(", ":"):
            continue
        if not legal:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if "\n" in inner or not vocab.bracket_number_re.search(inner) or not _SHALL_RE.search(line):
                continue
        yield start, end


# -- hard wraps ----------------------------------------------------------------------------

_TERMINAL = ".!?:;。！？：；…"
_CLOSING = "\"'”’)]»*_"
_MARKER_RE = re.compile(
    r"(?:[-•*+▪◦●○■□►▸➢➤✓✔✗–—·>#|]|[\ue000-\uf8ff]|```"
    r"|\(\s*(?:\d{1,3}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,5})\s*\)"
    r"|(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,5})[.)](?=\s|$)"
    r"|[A-Z][a-z]{1,15}:\s)"  # a label opening a block: "Note: ", "Source: "
)
_STRUCTURAL_RE = re.compile(r"\s*(?:#|\||```|>)")
_ABBREVIATION_RE = re.compile(r"(?:^|[\s(])(?:([A-Za-z]+)|(?:[A-Za-z]\.)+[A-Za-z])\.$")
_ABBREVIATION_TAIL = 24  # an abbreviation ends a line within this many characters
_UNIT_START_RE = re.compile(
    r"(?:%|‰|°[CF]?|[kMGTPE](?:W[hp]?|t(?:CO2e?|oe|ce|pa)?|J|bps|B)\b|[kMGT]?Wh\b|Bcm\b|MMT\b|MMBtu\b)"
)
_CURRENCY_START_RE = re.compile(r"(?:[A-Z]{1,3}\$|Rs\.?|RM|[A-Z]{3})\s?\d")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LINE_RE = re.compile(
    rf"(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})"
    r"[.,;]?"
)
_QUOTES = "\"'“‘«"
_WRAP_SLACK = 18  # a wrapped line ends at most one long word short of the width
_WRAP_WINDOW = 12
_WRAP_MIN_LINES = 8
_WRAP_MIN_SHARE = 0.45
_WRAP_MAX_LONGER = 0.1
_WRAP_MIN_WIDTH = 30
_WRAP_MAX_WIDTH = 300
_WRAP_MIN_RUN_ON = 0.3


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width a fixed-width document is wrapped at, or None.

    The lines must cluster just under one width, few may be longer, and lines
    near it must often run on into a lowercase word (a list of headlines of
    about the same length does not).
    """
    lengths: list[int] = []
    for start, end in lines:
        content = text[start:end].rstrip()
        if content and not content.isspace():
            lengths.append(len(content))
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    counts = [0] * (_WRAP_MAX_WIDTH + 1)
    for length in lengths:
        if length <= _WRAP_MAX_WIDTH:
            counts[length] += 1
    best_width, best, window = 0, 0, 0
    for width in range(_WRAP_MAX_WIDTH + 1):
        window += counts[width]
        if width > _WRAP_WINDOW:
            window -= counts[width - _WRAP_WINDOW - 1]
        if width >= _WRAP_MIN_WIDTH and window >= best:
            best_width, best = width, window
    if best < _WRAP_MIN_LINES or best < _WRAP_MIN_SHARE * len(lengths):
        return None
    if sum(1 for length in lengths if length > best_width + 2) > _WRAP_MAX_LONGER * len(lengths):
        return None
    near = run_on = 0
    for (start, end), (next_start, next_end) in zip(lines, lines[1:]):
        if end - start >= best_width - _WRAP_SLACK:
            following = text[next_start:next_end].lstrip()
            if following:
                near += 1
                run_on += following[0].islower()
    return best_width if run_on >= _WRAP_MIN_RUN_ON * near else None


def _title_like(line: str) -> bool:
    """A short heading: all capitals, or most longer words capitalized."""
    words = _WORD_RE.findall(line)
    if not words or len(line) > 80 or len(words) > 10:
        return False
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    significant = [w for i, w in enumerate(words) if i == 0 or len(w) >= 4]
    capitalized = sum(1 for w in significant if w[0].isupper())
    return capitalized >= 0.75 * len(significant)


def _last_word(line: str) -> str:
    """The ASCII letters that end ``line`` ("" when it ends otherwise)."""
    start = len(line)
    while start and line[start - 1].isascii() and line[start - 1].isalpha():
        start -= 1
    return line[start:]


def _is_currency(char: str) -> bool:
    return unicodedata.category(char) == "Sc"


def _join(previous: str, following: str, wrap_width: int | None, vocab: LayoutVocabulary) -> str | None:
    """How a single line break between two non-blank lines goes: " ", "-" (hyphen kept), "" or None (kept).

    ``previous`` has no trailing and ``following`` no leading whitespace.
    """
    if _MARKER_RE.match(following) or _STRUCTURAL_RE.match(previous):
        return None
    first = following[0]
    if previous[-1] == "-" and len(previous) > 1 and previous[-2].isalnum() and first.isalnum():
        left = _last_word(previous[:-1])
        right = re.match(r"[A-Za-z]+", following)
        if (left and right and left.islower() and right.group().islower() and left not in vocab.hyphen_number_words
                and right.group() in vocab.suffix_fragments
                and not following[right.end():right.end() + 1].isalnum()):
            return ""
        return "-"
    last_word = _last_word(previous).lower()
    end = previous.rstrip(_CLOSING) or previous
    if end[-1] in _TERMINAL:
        abbreviation = _ABBREVIATION_RE.search(end[-_ABBREVIATION_TAIL:]) if end[-1] == "." else None
        if abbreviation and (abbreviation.group(1) is None or abbreviation.group(1).lower() in vocab.abbreviations) \
                and (first.islower() or first.isdigit() or _is_currency(first)):
            return " "
        return None
    if last_word in vocab.line_end_function_words or previous[-1] == ",":
        if first.isalnum() or first in _QUOTES or first == "(" or _is_currency(first):
            return " "
        return None
    if _DATE_LINE_RE.fullmatch(following):
        return None
    if first.islower():
        return " "
    wrapped = wrap_width is not None and len(previous) >= wrap_width - _WRAP_SLACK
    if not wrapped and _title_like(previous):
        return None
    if first.isdigit() or _is_currency(first) or _CURRENCY_START_RE.match(following):
        return " " if wrapped else None  # otherwise a heading over a figure: "Key numbers\n40 GW ..."
    if previous[-1].isdigit() and _UNIT_START_RE.match(following):
        return " "
    if first == "(" and len(following) > 1 and (following[1].islower() or _is_currency(following[1])):
        return " "
    if wrapped and (first.isalpha() or first in _QUOTES or first == "("):
        return " "
    return None


def _join_edits(text: str, vocab: LayoutVocabulary) -> list[tuple[int, int, str]]:
    """Edits that join hard-wrapped lines and collapse runs of spaces, sorted by start."""
    lines = line_bounds(text)
    wrap_width = _wrap_width(text, lines)
    joins: list[tuple[int, int, str]] = []
    for index in range(len(lines) - 1):
        start, end = lines[index]
        next_start, next_end = lines[index + 1]
        previous = text[start:end].rstrip()
        following = text[next_start:next_end].lstrip()
        if not previous or not following:
            continue
        how = _join(previous, following, wrap_width, vocab)
        if how is None:
            continue
        break_start = start + len(previous)
        break_end = next_end - len(following)
        if how == "-":
            joins.append((break_start, break_end, ""))
        elif how == "":
            joins.append((break_start - 1, break_end, ""))
        else:
            joins.append((break_start, break_end, " "))
    edits: list[tuple[int, int, str]] = []
    joins_iter = iter(joins)
    pending = next(joins_iter, None)
    for match in _SPACE_RUN_RE.finditer(text):
        while pending is not None and pending[0] < match.end():
            edits.append(pending)
            pending = next(joins_iter, None)
        if edits and edits[-1][1] > match.start():
            continue  # inside a join already
        if pending is not None and pending[0] < match.end():
            continue
        edits.append((match.start(), match.end(), " "))
    while pending is not None:
        edits.append(pending)
        pending = next(joins_iter, None)
    return edits


# -- the entry point -----------------------------------------------------------------------
