"""PDF and Word input: text extraction, page furniture, hyphenation, failures as one reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from docmaker import make_docx, make_pdf

from plancli.documents import DocumentError, clean_pages, docx_text, join_lines, pdf_text
from plancli.inputs import InputError, read_document

PLAN_PAGES = [
    [
        ["Provincial Development Plan 2021-2025"],
        ["By 2025, the province will raise forest cover to", "twenty-", "five percent and invest $9.8"],
    ],
    [["billion in new rail lines, officials said."], ["Exports reached 1.2 billion yuan last year."]],
    [["The third page adds 300 new schools by 2027."]],
]


def test_pdf_text_drops_running_header_and_page_numbers_and_joins_breaks() -> None:
    text = pdf_text(make_pdf(PLAN_PAGES, header="Provincial Gazette | Official Edition", page_numbers=True))
    assert text == (
        "Provincial Development Plan 2021-2025\n\n"
        "By 2025, the province will raise forest cover to twenty-five percent and invest $9.8 billion"
        " in new rail lines, officials said.\n\n"
        "Exports reached 1.2 billion yuan last year.\n\n"
        "The third page adds 300 new schools by 2027."
    )


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["will reach twenty-", "five percent"], "will reach twenty-five percent"),
        (["invest $9.8", "billion in rail"], "invest $9.8 billion in rail"),
        (["main goals:", "• 300 parks", "• 40 schools"], "main goals:\n• 300 parks\n• 40 schools"),
        (["targets include", "1. forest cover 45%", "2. 30 new parks"], "targets include\n1. forest cover 45%\n2. 30 new parks"),
        (["a dash at the end -", "stays apart"], "a dash at the end - stays apart"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_clean_pages_drops_line_number_columns_and_numbered_lines() -> None:
    column = [["1", "2", "3", "4"], ["The agency will build 45 stations", "and hire 300 staff by 2026."]]
    numbered = [["5 The ministry aims to cut coal use", "6 by 10 percent by 2030, and", "7 to plant 2 million trees",
                 "8 across the region, officials", "9 said on Monday."]]
    assert clean_pages([column]) == "The agency will build 45 stations and hire 300 staff by 2026."
    assert clean_pages([numbered]) == (
        "The ministry aims to cut coal use by 10 percent by 2030, and to plant 2 million trees"
        " across the region, officials said on Monday."
    )


def test_clean_pages_keeps_a_body_line_that_merely_repeats_once() -> None:
    pages = [[["Annual report"], ["Output rose 5 percent."]], [["Annual report"], ["Output will rise 6 percent."]],
             [["Summary"], ["Output rose 5 percent."]]]
    # "Annual report" heads 2 of 3 pages: a running header; "Output rose 5 percent." is at an edge too, twice.
    text = clean_pages(pages)
    assert "Annual report" not in text
    assert "Output will rise 6 percent." in text and "Summary" in text


def test_encrypted_pdf_has_no_text_layer() -> None:
    with pytest.raises(DocumentError, match="no text layer"):
        pdf_text(make_pdf(PLAN_PAGES, encrypted=True))


def test_scanned_pdf_has_no_text_layer() -> None:
    with pytest.raises(DocumentError, match="no text layer"):
        pdf_text(make_pdf(PLAN_PAGES, drawing_only=True))


def test_broken_pdf_is_one_reason() -> None:
    with pytest.raises(DocumentError, match="not a readable PDF"):
        pdf_text(b"%PDF-1.4\nnot really a pdf")


def test_docx_paragraphs_and_tables_in_order() -> None:
    data = make_docx(
        ["By 2025, the city will build 30 parks.", "", "Forest cover will reach 45%."],
        [["Indicator", "2025 target"], ["New schools", "40"]],
    )
    assert docx_text(data) == (
        "By 2025, the city will build 30 parks.\n\nForest cover will reach 45%.\n\n"
        "Indicator\t2025 target\nNew schools\t40"
    )


def test_broken_docx_is_one_reason() -> None:
    with pytest.raises(DocumentError, match="not a readable Word file"):
        docx_text(b"PK\x03\x04 not a zip")


def test_read_document_by_suffix_and_by_content(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(make_pdf(PLAN_PAGES))
    misnamed = tmp_path / "plan.txt"
    misnamed.write_bytes(make_pdf(PLAN_PAGES))
    word = tmp_path / "plan.docx"
    word.write_bytes(make_docx(["The city will build 30 parks."]))
    assert "twenty-five percent" in read_document(pdf, name="plan.pdf").text
    assert "twenty-five percent" in read_document(misnamed, name="plan.txt").text
    assert read_document(word, name="plan.docx").text == "The city will build 30 parks."
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf(PLAN_PAGES, drawing_only=True))
    with pytest.raises(InputError) as caught:
        read_document(scanned, name="scan.pdf")
    assert str(caught.value).startswith("scan.pdf: skipped: no text layer")


def test_records_from_a_pdf_point_into_its_extracted_text(extractor, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(make_pdf(PLAN_PAGES, header="Provincial Gazette", page_numbers=True))
    document = read_document(path, name="plan.pdf")
    records = extractor.extract(document.text)
    assert [r.text for r in records if r.status == "target"][:2] == ["twenty-five percent", "$9.8 billion"]
    assert all(document.text[r.start:r.end] == r.text for r in records)
    money = next(r for r in records if r.text == "$9.8 billion")
    assert (money.value, money.unit) == (9_800_000_000, "USD")
