"""Small PDF and Word files built by the tests themselves (no fixtures on disk, no extra packages).

``make_pdf`` writes a valid PDF 1.4 by hand: one Helvetica text object per
page, a blank line between paragraphs (so pdfminer's layout analysis sees
separate text boxes), an optional running header and page-number footer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _page_stream(paragraphs: Sequence[Sequence[str]], header: str | None, footer: str | None) -> bytes:
    parts = []
    if header is not None:
        parts.append(f"BT /F1 9 Tf 72 760 Td {_pdf_string(header)} Tj ET")
    body = ["BT /F1 11 Tf 14 TL 72 700 Td"]
    for index, lines in enumerate(paragraphs):
        if index:
            body.append("T*")  # a blank line between paragraphs
        for line in lines:
            body.append(f"{_pdf_string(line)} Tj T*")
    body.append("ET")
    parts.append(" ".join(body))
    if footer is not None:
        parts.append(f"BT /F1 9 Tf 300 40 Td {_pdf_string(footer)} Tj ET")
    return "\n".join(parts).encode("latin-1")


def make_pdf(
    pages: Sequence[Sequence[Sequence[str]]],
    *,
    header: str | None = None,
    page_numbers: bool = False,
    encrypted: bool = False,
    drawing_only: bool = False,
) -> bytes:
    """A PDF whose pages hold ``pages[i]``: paragraphs, each a list of lines.

    ``encrypted`` adds a standard security handler whose user password is not
    empty (so no reader gets the text); ``drawing_only`` draws a rectangle and
    no text, like a scanned page.
    """
    objects: list[bytes] = []
    page_count = len(pages)
    first_page = 4
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(page_count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {page_count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for number, paragraphs in enumerate(pages, 1):
        content = first_page + 2 * (number - 1) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        if drawing_only:
            stream = b"0.5 g 72 72 468 648 re f"
        else:
            stream = _page_stream(paragraphs, header, f"Page {number} of {page_count}" if page_numbers else None)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    encrypt_ref = ""
    if encrypted:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
        )
        encrypt_ref = f" /Encrypt {len(objects)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{encrypt_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_docx(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word file with ``paragraphs`` and then a table of ``table`` rows (python-docx writes it)."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
