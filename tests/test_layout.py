"""Layout clean-up before analysis: table-driven rules, the offset map, and records that index the original.

Every sentence here was written for this file in the genre: PDF budget
chapters and bills, markdown fact sheets, fixed-width reposts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plancli
from plancli.normalize.layout import OffsetMap, analysis_text

# (name, original, expected cleaned text)
CLEAN_ROWS = [
    # hard wraps that split a number from its unit, a unit, or a deadline
    ("number | unit", "The state will add 15\nGW of floating wind by 2035.", "The state will add 15 GW of floating wind by 2035."),
    ("per | cent", "no household should pay more than 30 per\ncent of its income on rent.",
     "no household should pay more than 30 per cent of its income on rent."),
    ("deadline split", "We will deliver 2.5 million homes by the end\nof 2031.", "We will deliver 2.5 million homes by the end of 2031."),
    ("number | counted noun", "The fund will build 45,000\nnew rental homes.", "The fund will build 45,000 new rental homes."),
    ("function word | capital", "No less than 40 percent before\nDecember 31, 2035;", "No less than 40 percent before December 31, 2035;"),
    ("comma | capital", "Across the province,\nOntario will open 12 clinics.", "Across the province, Ontario will open 12 clinics."),
    ("lowercase continuation", "The agency is\nannouncing\na tender for 800 MW.", "The agency is announcing a tender for 800 MW."),
    ("abbreviation", "The state will spend Rs.\n500 crore on roads.", "The state will spend Rs. 500 crore on roads."),
    ("parenthesis lowercase", "It will build a 2 GW hydropower dam\n(including pumped storage) by 2030.",
     "It will build a 2 GW hydropower dam (including pumped storage) by 2030."),
    # hyphens at a line end
    ("number word hyphen", "The ministry will open twenty-\nfive new clinics.", "The ministry will open twenty-five new clinics."),
    ("broken word", "the develop-\nment of 40 parks", "the development of 40 parks"),
    ("compound kept", "a long-\nterm plan for 300 schools", "a long-term plan for 300 schools"),
    ("capital after hyphen", "the Sino-\nAfrican fund of $2 billion", "the Sino-African fund of $2 billion"),
    # markup a scraper left in a text file: blanked one for one (the runs of spaces then collapse)
    ("paragraph tags", "run from 2025-26 to 2029-30.</p>.<p>The fund will add 40 clinics.",
     "run from 2025-26 to 2029-30. . The fund will add 40 clinics."),
    ("break tag with attribute", "raise output to 5 million tonnes<br class=\"x\"/>by 2028.",
     "raise output to 5 million tonnes by 2028."),
    ("a comparison is no tag", "projects with a size <p and >q stay as written", "projects with a size <p and >q stay as written"),
    # breaks that stay
    ("sentence end", "The fund opened in May.\nIt will lend $2 billion.", "The fund opened in May.\nIt will lend $2 billion."),
    ("colon", "The plan sets two goals:\nsolar and wind.", "The plan sets two goals:\nsolar and wind."),
    ("heading over a figure", "Key Targets\n40 GW of solar by 2030.", "Key Targets\n40 GW of solar by 2030."),
    ("heading over a sentence", "Energy Transition\nThe city will add 40 buses.", "Energy Transition\nThe city will add 40 buses."),
    ("dash list", "The plan will\n- build 300 schools\n- hire 2,000 nurses",
     "The plan will\n- build 300 schools\n- hire 2,000 nurses"),
    ("bullet list", "Highlights\n• 40 GW of solar\n• 12 new ports", "Highlights\n• 40 GW of solar\n• 12 new ports"),
    ("numbered list", "The state will\n(1) plant 2 million trees\n(2) open 40 parks\na) add 5 lanes\n3. hire 90 rangers",
     "The state will\n(1) plant 2 million trees\n(2) open 40 parks\na) add 5 lanes\n3. hire 90 rangers"),
    ("blank line", "The council approved funding\n\nthe works start in June", "The council approved funding\n\nthe works start in June"),
    ("markdown heading", "## Targets for the decade\nby 2030 the city will add 40 buses",
     "## Targets for the decade\nby 2030 the city will add 40 buses"),
    ("headline over date", "Port sets 40 million tonne cargo goal\n2024-03-05", "Port sets 40 million tonne cargo goal\n2024-03-05"),
    ("title over digits", "Port sets cargo goal\n40 million tonnes by 2030", "Port sets cargo goal\n40 million tonnes by 2030"),
    ("note label", "The housing agency lends to builders in every province and the\nNote: amounts are nominal",
     "The housing agency lends to builders in every province and the\nNote: amounts are nominal"),
    # spaces
    ("double spaces", "The state  aims  to  add  34.8  gigawatts  of  solar.", "The state aims to add 34.8 gigawatts of solar."),
    ("tabs", "Over $14 billion\tthrough the fund", "Over $14 billion through the fund"),
    ("nbsp", "a\u00a020 MW battery", "a 20 MW battery"),
    ("thin space groups", "40\u2009000 tonnes and 2\u202f500 jobs", "40 000 tonnes and 2 500 jobs"),
    ("zero width", "1\u200b500 MW and \ufeffthe 2\u2060030 goal", "1500 MW and the 2030 goal"),
    ("soft hyphen", "infra\u00adstructure worth $3 billion", "infrastructure worth $3 billion"),
    ("trailing spaces joined", "will add 15   \n   GW by 2035", "will add 15 GW by 2035"),
    # brackets outside legislation stay, except number words deleted in a "shall" line
    ("editorial bracket", "The city [of Pune] will add 20 buses.", "The city [of Pune] will add 20 buses."),
    ("shall bracket", "Each utility shall supply no less than [ten] twenty percent by 2030.",
     "Each utility shall supply no less than twenty percent by 2030."),
    ("markdown link", "See [the 2030 plan](https://example.org) which shall add 5 GW.",
     "See [the 2030 plan](https://example.org) which shall add 5 GW."),
    # section numbers are not line numbers
    ("section number", "Sections 214.305 and 214.310 are repealed.", "Sections 214.305 and 214.310 are repealed."),
]

BILL = (
    "HOUSE BILL NO. 412\n"
    "AN ACT relating to clean electricity standards.\n"
    "Section 1. Section 214.310 is amended to read as follows:\n"
    "214.310. 1. Each retail supplier shall procure renewable electricity as\n"
    "2 follows:\n"
    "3 (1) No less than [five] twelve percent [for calendar years 2015 through 2018] before\n"
    "4 December 31, 2027;\n"
    "5 (2) No less than [eight] thirty percent before\n"
    "6 December 31, 2032;\n"
    "HB 412 2\n"
    "7 (3) No less than fifty percent before December 31, 2040.\n"
    "8 2. The commission shall adopt rules for tracking credits, and each credit\n"
    "9 shall be used only once.\n"
)
BILL_CLEAN = (
    "HOUSE BILL NO. 412\n"
    "AN ACT relating to clean electricity standards.\n"
    "Section 1. Section 214.310 is amended to read as follows:\n"
    "214.310. 1. Each retail supplier shall procure renewable electricity as follows:\n"
    "(1) No less than twelve percent before December 31, 2027;\n"
    "(2) No less than thirty percent before December 31, 2032;\n"
    "(3) No less than fifty percent before December 31, 2040.\n"
    "2. The commission shall adopt rules for tracking credits, and each credit shall be used only once.\n"
)

NUMBERED_PARAGRAPHS = (
    "1 The ministry will build 12 hawker centres by 2027.\n\n"
    "2 It will also add 300 hectares of farmland.\n\n"
    "3 Food waste will fall by 30 percent.\n\n"
    "4 The plan covers 40 farms.\n\n"
    "5 Details follow in June.\n\n"
    "6 Questions go to the ministry.\n"
)

CHART = (
    "Federal investment rose sharply over the decade.\n"
    "0\n2\n4\n6\n8\n10\n"
    "billions of dollars\n"
    "2015-2024 Average - $5.5 billion\n"
    "The government will build 40,000 homes by 2030.\n"
)
CHART_CLEAN = (
    "Federal investment rose sharply over the decade.\n"
    "\n"
    "The government will build 40,000 homes by 2030.\n"
)

FIGURE_LIST = "Capacity goals\n40 GW solar\n30 GW wind\n10 GW hydro\n5 GW storage\n"

WRAPPED = (
    "The housing agency is already financing the construction of at least\n"
    "100,000 homes over the next three years across the provinces, and the\n"
    "government is unlocking $20 billion in new financing by raising the Canada\n"
    "Mortgage Bonds limit from $40 billion to $60 billion in the coming year so\n"
    "that builders can start work on rental apartments in every major city and\n"
    "region of the country, with a further review of the program planned in\n"
    "2026 to decide whether the limit should rise again for the following years.\n"
    "Provinces will match the federal share of the program where they can do so.\n"
)


def _cleaned(text: str) -> str:
    return analysis_text(text)[0]


def _check_map(original: str, cleaned: str, offsets: OffsetMap) -> None:
    """Each cleaned character comes from an original one (a space from a space or from the "<" of a blanked
    tag), in increasing order."""
    assert offsets.clean_length == len(cleaned) and offsets.original_length == len(original)
    previous = -1
    for index, char in enumerate(cleaned):
        source = offsets.char(index)
        assert source > previous
        assert char == original[source] or (char == " " and (original[source].isspace() or original[source] == "<")), \
            (index, char, original[source])
        previous = source


@pytest.mark.parametrize(("name", "original", "expected"), CLEAN_ROWS, ids=[row[0] for row in CLEAN_ROWS])
def test_clean_rows(name: str, original: str, expected: str) -> None:
    cleaned, offsets = analysis_text(original)
    assert cleaned == expected
    _check_map(original, cleaned, offsets)


def test_bill_loses_line_numbers_page_headers_and_deleted_text() -> None:
    cleaned, offsets = analysis_text(BILL)
    assert cleaned == BILL_CLEAN
    _check_map(BILL, cleaned, offsets)


def test_numbered_paragraphs_are_not_line_numbers() -> None:
    assert _cleaned(NUMBERED_PARAGRAPHS) == NUMBERED_PARAGRAPHS


def test_brackets_stay_outside_legislation_without_shall() -> None:
    text = "The target [of 40 GW] was set in 2021.\nThe city will [also] add 20 buses."
    assert _cleaned(text) == text


def test_chart_axis_residue_is_blanked() -> None:
    cleaned, offsets = analysis_text(CHART)
    assert cleaned == CHART_CLEAN
    _check_map(CHART, cleaned, offsets)


def test_list_of_figures_is_not_a_chart() -> None:
    assert _cleaned(FIGURE_LIST) == FIGURE_LIST


def test_fixed_width_document_joins_before_capitals_and_digits() -> None:
    cleaned = _cleaned(WRAPPED)
    assert "at least 100,000 homes" in cleaned
    assert "the Canada Mortgage Bonds" in cleaned
    assert "planned in 2026" in cleaned
    assert cleaned.endswith("following years.\nProvinces will match the federal share of the program where they can do so.\n")


def test_same_lines_unwrapped_keep_capital_and_digit_breaks() -> None:
    text = "The agency finances homes in the\nCanada Mortgage Bonds program\n2026 review"
    assert _cleaned(text) == "The agency finances homes in the Canada Mortgage Bonds program\n2026 review"


def test_clean_text_is_left_alone() -> None:
    text = "By 2025, the city will plant 2 million trees.\n\nIt planted 1.2 million in 2023.\n"
    cleaned, offsets = analysis_text(text)
    assert cleaned == text
    assert offsets.is_identity


def test_offset_map_spans() -> None:
    original = "will add 15\nGW and  40\u2009000 tonnes"
    cleaned, offsets = analysis_text(original)
    assert cleaned == "will add 15 GW and 40 000 tonnes"
    start = cleaned.index("15 GW")
    begin, end = offsets.span(start, start + len("15 GW"))
    assert original[begin:end] == "15\nGW"
    start = cleaned.index("40 000")
    begin, end = offsets.span(start, start + len("40 000"))
    assert original[begin:end] == "40\u2009000"
    assert offsets.span(len(cleaned), len(cleaned)) == (len(original), len(original))
    with pytest.raises(IndexError):
        offsets.char(len(cleaned))


def test_empty_text() -> None:
    cleaned, offsets = analysis_text("")
    assert cleaned == "" and offsets.is_identity and offsets.span(0, 0) == (0, 0)


# -- records index the original text ------------------------------------------------------


def test_record_offsets_and_text_come_from_the_original() -> None:
    text = "The state will add 15\nGW of floating offshore wind by 2035."
    (record,) = plancli.extract(text, published="2023-02-01")
    assert record.text == "15\nGW" == text[record.start:record.end]
    assert record.value == 15 and record.unit == "GW" and record.status == "target"
    assert record.deadline is not None and record.deadline.end.startswith("2035")
    assert record.sentence == "The state will add 15 GW of floating offshore wind by 2035."


def test_split_deadline_is_read_across_the_wrap() -> None:
    text = "Working together, we will reach at least 3 million new homes by the end\nof 2031."
    (record,) = plancli.extract(text, published="2024-04-16")
    assert record.deadline is not None and record.deadline.end.startswith("2031")
    assert record.comparator == ">="


def test_spaced_out_pdf_sentence_is_found() -> None:
    text = "The  state  aims  to  add  34.8  gigawatts  of  solar  capacity  by  2030."
    (record,) = plancli.extract(text, published="2024-01-10")
    assert record.text == "34.8  gigawatts" and record.value == 34.8 and record.status == "target"


def test_bill_records_skip_line_numbers_and_deleted_text() -> None:
    records = plancli.extract(BILL, published="2024-01-15")
    values = sorted(r.value for r in records if r.unit == "percent")
    assert values == [12, 30, 50]
    for record in records:
        assert BILL[record.start:record.end] == record.text
    twelve = next(r for r in records if r.value == 12)
    assert twelve.comparator == ">="
    assert "[five] twelve percent" in twelve.sentence  # the sentence is the original's, deleted text and all


def test_chart_residue_gives_no_records() -> None:
    records = plancli.extract(CHART, published="2024-04-16")
    assert [r.text for r in records] == ["40,000 homes"]


def test_publication_date_is_read_from_the_original_header() -> None:
    text = "Harbour authority sets cargo goal\n2024-03-05\nThe port will move 40 million tonnes of cargo by 2030."
    (record,) = plancli.extract(text)
    assert record.published == "2024-03-05"


# -- properties ---------------------------------------------------------------------------

LAYOUT_FRAGMENTS = [
    "\n", "\n\n", "\r\n", "  ", "\t", "\u00a0", "\u2009", "\u202f", "\u200b", "\ufeff", "\u00ad", "-\n", "[", "]",
    "[two] ", "[for calendar years 2011 through 2013]", " shall ", "1 ", "2 ", "3 ", "12 ", "(1) ", "- ", "• ",
    "The city will add 15", "GW", " per", "cent", " of its income", " by the end", "of 2031.", "twenty-", "five",
    "develop-", "ment", " No less than", " fifteen percent", " before", "December 31, 2030;", "$9.8", "billion",
    "0\n2\n4\n6\n", "2015-2024 Average", "Key Targets", "Note: ", " 40 000 tonnes", "Rs.", "500 crore", "sections 393.1025",
]
layout_text = st.lists(st.sampled_from(LAYOUT_FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=layout_text)
def test_any_layout_maps_back_monotonically(text: str) -> None:
    cleaned, offsets = analysis_text(text)
    _check_map(text, cleaned, offsets)
    runs = list(offsets.runs())
    for (clean_a, orig_a, length_a), (clean_b, orig_b, _) in zip(runs, runs[1:]):
        assert clean_a + length_a == clean_b and orig_a + length_a <= orig_b


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=layout_text)
def test_any_layout_gives_records_that_index_the_original(extractor, text: str) -> None:
    for record in extractor.extract(text):
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start:record.end] == record.text


def test_numbered_list_items_keep_their_numbers() -> None:
    text = (
        "Main tasks\n1 Build 300 schools by 2027\n2 Hire 2,000 nurses\n3 Open 40 clinics\n"
        "4 Plant 2 million trees\n5 Add 12 bus lines\n6 Repair 90 bridges\n"
    )
    assert _cleaned(text) == text


def test_list_of_headlines_is_not_a_wrapped_document() -> None:
    text = (
        "Province sets 40 GW solar goal for the next decade\n"
        "City to plant 2 million trees along its riverbanks\n"
        "Ministry plans 300 new schools in rural districts\n"
        "State budget earmarks Rs 9,000 crore for highways\n"
        "Port authority targets 40 million tonnes of cargo\n"
        "Regulator caps retail power tariffs for two years\n"
        "Capital region opens 12 new metro lines this year\n"
        "Government pledges 30 percent cut in coal by 2030\n"
        "Agency tenders 800 MW of offshore wind in the gulf\n"
        "Council approves 45,000 affordable rental homes\n"
    )
    assert _cleaned(text) == text


def test_a_bullet_after_a_full_stop_starts_a_new_sentence() -> None:
    text = (
        "Key actions\n"
        "\uf0fc Over $14 billion through the housing fund will build 60,000\n"
        "new affordable homes.\n"
        "\uf0fc $4 billion through the accelerator fund will cut red tape.\n"
    )
    records = plancli.extract(text, published="2024-04-16")
    homes = next(r for r in records if r.value == 60000)
    assert homes.text == "60,000\nnew affordable homes"
    four = next(r for r in records if r.value == 4e9)
    assert "60,000" not in four.sentence and four.sentence.endswith("will cut red tape.")


# A results table laid out one cell per line: a row label, then one line per column (written for this file).
CELL_TABLE = """Key results of the plan period
Indicator
2020/21
2025/26 Target
Wind capacity (MW)
410.5
1,250.00
Rural households with piped water (%)
54.2%
80%
Paved district roads (km)
2,315
3,900
Clinics Opened in Rural Wards
112
240
"""


def test_table_laid_out_one_cell_per_line_is_no_chart() -> None:
    assert _cleaned(CELL_TABLE) == CELL_TABLE


def test_table_cells_take_the_unit_of_their_row_label() -> None:
    records = plancli.extract(CELL_TABLE, published="2024-04-16")
    found = {(r.value, r.unit) for r in records}
    assert {(410.5, "MW"), (1250, "MW"), (54.2, "percent"), (80, "percent"), (2315, "km"), (3900, "km"),
            (112, "clinic"), (240, "clinic")} <= found, found


# A state amendment's "page.line" numbers, glued to the text they open ("2.5to", "2.72019").
PAGE_LINE_BILL = (
    "Representative Ortiz moved to amend H.F. No. 812 as follows:\n"
    "2.3    \"Sec. 4. Statutes 2022, section 88.01, is amended to read:\n"
    "2.4    Subdivision 2. Clean water goal. It is the goal of the state to cut nitrate\n"
    "2.5loads in rivers across all basins by at least 20 percent below the levels of\n"
    "2.6the baseline year and to a level at least 40 percent below\n"
    "2.72019 levels by 2035, measured at the river mouths.\n"
    "2.8    (1) 20 percent by 2030;\n"
    "2.9    (2) 40 percent by 2035.\"\n"
)


def test_page_line_numbers_glued_to_the_text_are_deleted() -> None:
    cleaned, offsets = analysis_text(PAGE_LINE_BILL)
    assert "2.5" not in cleaned and "2.7" not in cleaned
    assert "at least 40 percent below 2019 levels by 2035" in " ".join(cleaned.split())
    assert "(1) 20 percent by 2030;" in cleaned
    _check_map(PAGE_LINE_BILL, cleaned, offsets)


def test_decimal_figures_opening_lines_are_no_page_line_numbers() -> None:
    text = "Output in tonnes:\n1.5 million in 2020\n2.5 million in 2021\n3.5 million in 2022\n"
    assert _cleaned(text) == text
