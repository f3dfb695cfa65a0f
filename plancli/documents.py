"""Text out of PDF and Word (``.docx``) files, cleaned for sentence-level extraction.

No spaCy here; pdfminer.six and python-docx are imported on first use.

The text returned is what records' offsets refer to. It is built from the
document's own words with the page furniture taken out:

- lines repeated at the top or bottom of most pages (running headers and
  footers) and page numbers ("12", "Page 3 of 10", "- 4 -") are dropped;
- a column of line numbers (a box holding only consecutive integers, or
  lines that all start with an increasing number) is dropped;
- the lines of a paragraph are joined: a line break after a hyphen joins the
  two halves ("twenty-\\nfive" -> "twenty-five"), any other one becomes a
  space ("$9.8\\nbillion" -> "$9.8 billion"), except before a list marker;
- a paragraph that a page break cuts mid-sentence is joined to its rest.

Paragraphs are separated by a blank line, as in the plain-text articles.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence

#: Lines at the top and bottom of a page that may be running headers, footers or page numbers.
EDGE_LINES = 3
#: A line is a running header or footer when it is at the page edge on at least this share of pages.
REPEATED_SHARE = 0.5

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?$"
    r"|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
_LINE_NUMBER = re.compile(r"^(\d{1,4})\s+(\S.*)$")
_BARE_INTEGER = re.compile(r"^\d{1,4}$")
_LIST_MARKER = re.compile(r"^(?:[•▪◦●■□*·\-–—]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\([ivx]+\)\s)")
_SENTENCE_END = re.compile(r"[.!?:;。！？：；…”\"’)]$")
_DIGITS = re.compile(r"\d+")


class DocumentError(Exception):
    """A PDF or Word file whose text cannot be read; ``str()`` is the reason ("no text layer ...")."""


# --- PDF ------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    """The cleaned text of a PDF; raises :class:`DocumentError` (encrypted, scanned, malformed)."""
    return clean_pages(pdf_pages(data))


def pdf_pages(data: bytes) -> list[list[list[str]]]:
    """Pages -> text boxes (pdfminer's layout analysis, in reading order) -> lines."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[list[list[str]]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes: list[list[str]] = []
            for element in layout:
                if not isinstance(element, LTTextContainer):
                    continue
                texts = [line.get_text() for line in element if isinstance(line, LTTextLine)] or [element.get_text()]
                lines = [" ".join(text.split()) for text in texts]
                lines = [line for line in lines if line]
                if lines:
                    boxes.append(lines)
            pages.append(boxes)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError("encrypted PDF: no text layer readable without the password") from None
    except Exception as error:  # pdfminer raises many types for damaged files
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            raise DocumentError("encrypted PDF: no text layer readable without the password") from None
        raise DocumentError(f"not a readable PDF ({type(error).__name__}: {_one_line(str(error))})") from None
    if not any(boxes for boxes in pages):
        raise DocumentError("no text layer (a scanned or image-only PDF; run OCR on it first)")
    return pages


def clean_pages(pages: Sequence[Sequence[Sequence[str]]]) -> str:
    """Join the boxes of every page into paragraphs without page furniture (see the module doc)."""
    repeated = _repeated_edge_lines(pages)
    paragraphs: list[str] = []
    for page in pages:
        kept_boxes = _drop_page_furniture(page, repeated)
        for lines in kept_boxes:
            paragraph = join_lines(lines)
            if not paragraph:
                continue
            if paragraphs and _continues(paragraphs[-1], paragraph):
                paragraphs[-1] = _join_pair(paragraphs[-1], paragraph)
            else:
                paragraphs.append(paragraph)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise DocumentError("no text layer (a scanned or image-only PDF; run OCR on it first)")
    return text


def _edge_keys(page: Sequence[Sequence[str]]) -> list[str]:
    lines = [line for box in page for line in box]
    edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > 2 * EDGE_LINES else lines
    return [_line_key(line) for line in edge]


def _line_key(line: str) -> str:
    """Digits masked, so "Page 3 of 10" and "Page 4 of 10" are the same running footer."""
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def _repeated_edge_lines(pages: Sequence[Sequence[Sequence[str]]]) -> frozenset[str]:
    if len(pages) < 2:
        return frozenset()
    counts = Counter(key for page in pages for key in set(_edge_keys(page)))
    needed = max(2, int(len(pages) * REPEATED_SHARE + 0.999))
    return frozenset(key for key, count in counts.items() if count >= needed)


def _drop_page_furniture(page: Sequence[Sequence[str]], repeated: frozenset[str]) -> list[list[str]]:
    """The page's boxes without headers, footers, page numbers and line numbers."""
    total = sum(len(box) for box in page)
    position = 0
    boxes: list[list[str]] = []
    for box in page:
        if len(box) >= 3 and all(_BARE_INTEGER.match(line) for line in box):
            position += len(box)
            continue  # a column of line numbers
        kept: list[str] = []
        for line in box:
            at_edge = position < EDGE_LINES or position >= total - EDGE_LINES
            position += 1
            if at_edge and (_line_key(line) in repeated or _PAGE_NUMBER.match(line)):
                continue
            kept.append(line)
        if kept:
            boxes.append(kept)
    return _strip_line_numbers(boxes)


def _strip_line_numbers(boxes: list[list[str]]) -> list[list[str]]:
    """Drop leading line numbers when most lines of the page start with an increasing number."""
    numbers = [int(m.group(1)) for box in boxes for line in box if (m := _LINE_NUMBER.match(line))]
    lines = sum(len(box) for box in boxes)
    if len(numbers) < 5 or len(numbers) < 0.8 * lines or numbers != sorted(numbers):
        return boxes
    return [[m.group(2) if (m := _LINE_NUMBER.match(line)) else line for line in box] for box in boxes]


def join_lines(lines: Sequence[str]) -> str:
    """One paragraph from its lines: hyphenated breaks joined, list items kept on lines of their own."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not text:
            text = line
        elif _LIST_MARKER.match(line):
            text += "\n" + line
        else:
            text = _join_pair(text, line)
    return text


def _join_pair(before: str, after: str) -> str:
    if len(before) >= 2 and before[-1] in "-‐" and before[-2].isalnum() and after[:1].isalnum():
        return before + after  # "twenty-" + "five": the hyphen stays, the break goes
    return before + " " + after


def _continues(before: str, after: str) -> bool:
    """A paragraph cut by a page break: it stops mid-sentence (not a heading), a lowercase word or number follows."""
    first = after[:1]
    return (
        len(before) > 40
        and not _SENTENCE_END.search(before)
        and (before[-1].isalnum() or before[-1] in ",-")
        and (first.islower() or first.isdigit() or first == "$")
    )


# --- Word -----------------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """The text of a Word file: paragraphs and table rows in document order; raises :class:`DocumentError`."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                rows = ["\t".join(_cell_text(cell.text) for cell in row.cells) for row in item.rows]
                blocks.append("\n".join(row for row in rows if row.strip()))
            else:
                blocks.append(" ".join(item.text.split()))
    except Exception as error:  # python-docx raises zipfile, lxml and its own errors
        raise DocumentError(f"not a readable Word file ({type(error).__name__}: {_one_line(str(error))})") from None
    text = "\n\n".join(block for block in blocks if block)
    if not text.strip():
        raise DocumentError("no text in the Word file")
    return text


def _cell_text(text: str) -> str:
    return " ".join(text.split())


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


__all__ = ["DocumentError", "clean_pages", "docx_text", "join_lines", "pdf_pages", "pdf_text"]
