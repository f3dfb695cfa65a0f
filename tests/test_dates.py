"""Publication dates and deadline phrases: table-driven rows in the genre, plus properties."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.normalize.dates import (
    find_published,
    load_plan_periods,
    resolve_deadline,
)
from plancli.patterns import default_patterns_dir

D = dt.date
PUBLISHED = D(2023, 5, 19)

DEADLINE_ROWS: list[tuple[str, dt.date | None, dt.date | None, dt.date | None]] = [
    # (phrase, published, expected start, expected end); end None = unresolvable
    # "by" deadlines: no start, end = last day of the named year
    ("By 2025", None, None, D(2025, 12, 31)),
    ("by the end of 2025", None, None, D(2025, 12, 31)),
    ("by end-2025", None, None, D(2025, 12, 31)),
    ("by end 2025", None, None, D(2025, 12, 31)),
    ("by 2025-end", None, None, D(2025, 12, 31)),
    ("by the end of the year 2025", None, None, D(2025, 12, 31)),
    ("by the year 2025", None, None, D(2025, 12, 31)),
    ("until 2025", None, None, D(2025, 12, 31)),
    ("till 2025", None, None, D(2025, 12, 31)),
    ("  BY   2025 ,", None, None, D(2025, 12, 31)),
    ("by 2025 at the latest", None, None, D(2025, 12, 31)),
    ("by around 2030", None, None, D(2030, 12, 31)),
    ("by late 2025", None, None, D(2025, 12, 31)),
    ("between now and 2030", None, None, D(2030, 12, 31)),
    ("from now until 2030", None, None, D(2030, 12, 31)),
    ("between this year and 2026", None, None, D(2026, 12, 31)),
    # a decade: its ten years; "early" its first four; "late" and "mid-" as for a year
    ("in the 2030s", None, D(2030, 1, 1), D(2039, 12, 31)),
    ("by the early 2030s", None, None, D(2033, 12, 31)),
    ("by the late 2020s", None, None, D(2029, 12, 31)),
    ("by the 2030's", None, None, D(2039, 12, 31)),
    ("before 2026", None, None, D(2026, 12, 31)),  # a goal's year, as "by 2026"
    ("before the year 2031", None, None, D(2031, 12, 31)),
    ("within a decade", D(2024, 3, 1), D(2024, 3, 1), D(2034, 12, 31)),
    ("over the next two decades", D(2024, 3, 1), D(2024, 3, 1), D(2044, 12, 31)),
    ("in the coming 3 decades", D(2024, 3, 1), D(2024, 3, 1), D(2054, 12, 31)),
    ("in the current fiscal year", D(2025, 9, 7), D(2025, 4, 1), D(2026, 3, 31)),  # the year before the next one
    ("this financial year", D(2025, 2, 10), D(2024, 4, 1), D(2025, 3, 31)),
    ("by the end of the current fiscal year", D(2024, 5, 20), None, D(2024, 6, 30)),  # a budget season's closing year
    ("the current fiscal year", None, None, None),
    ("come 2030", None, None, D(2030, 12, 31)),  # Malaysian and Singaporean English
    ("from 2024-25 to 2030-31", None, D(2024, 4, 1), D(2031, 3, 31)),  # a run of fiscal years
    ("2026-27 to 2022-23", None, None, None),  # a run backwards is no period
    ("before the end of 2025", None, None, D(2025, 12, 31)),
    ("to the end of 2027", None, None, D(2027, 12, 31)),  # a translated plan's "by the end of"
    # months and days
    ("no later than June 2024", None, None, D(2024, 6, 30)),
    ("by December 2024", None, None, D(2024, 12, 31)),
    ("by Feb. 2024", None, None, D(2024, 2, 29)),
    ("by the end of March 2025", None, None, D(2025, 3, 31)),
    ("by March-end 2025", None, None, D(2025, 3, 31)),
    ("before June 2024", None, None, D(2024, 5, 31)),
    ("in September 2024", None, D(2024, 9, 1), D(2024, 9, 30)),
    ("by June 30, 2025", None, None, D(2025, 6, 30)),
    ("by 31st March 2026", None, None, D(2026, 3, 31)),
    ("before 2025-07-01", None, None, D(2025, 6, 30)),
    ("on 15 August 2024", None, D(2024, 8, 15), D(2024, 8, 15)),
    ("by February 30, 2025", None, None, None),
    # mid-year, halves, quarters
    ("by mid-2024", None, None, D(2024, 6, 30)),
    ("by the middle of 2024", None, None, D(2024, 6, 30)),
    ("by mid-March 2025", None, None, D(2025, 3, 15)),
    ("in the first half of 2024", None, D(2024, 1, 1), D(2024, 6, 30)),
    ("H1 2024", None, D(2024, 1, 1), D(2024, 6, 30)),
    ("in the second half of 2024", None, D(2024, 7, 1), D(2024, 12, 31)),
    ("2024 H2", None, D(2024, 7, 1), D(2024, 12, 31)),
    ("by the end of the first half of 2024", None, None, D(2024, 6, 30)),
    ("Q3 2024", None, D(2024, 7, 1), D(2024, 9, 30)),
    ("in the third quarter of 2024", None, D(2024, 7, 1), D(2024, 9, 30)),
    ("by the fourth quarter of 2024", None, None, D(2024, 12, 31)),
    ("2024Q1", None, D(2024, 1, 1), D(2024, 3, 31)),
    # calendar years
    ("in 2023", None, D(2023, 1, 1), D(2023, 12, 31)),
    ("for 2023", None, D(2023, 1, 1), D(2023, 12, 31)),
    ("2023", None, D(2023, 1, 1), D(2023, 12, 31)),
    ("in the year 2023", None, D(2023, 1, 1), D(2023, 12, 31)),
    # relative to the publication date
    ("this year", PUBLISHED, D(2023, 1, 1), D(2023, 12, 31)),
    ("in the current year", PUBLISHED, D(2023, 1, 1), D(2023, 12, 31)),
    ("within this year", PUBLISHED, PUBLISHED, D(2023, 12, 31)),
    ("within the year", PUBLISHED, PUBLISHED, D(2023, 12, 31)),
    ("by the end of this year", PUBLISHED, None, D(2023, 12, 31)),
    ("by the end of the year", PUBLISHED, None, D(2023, 12, 31)),
    ("by year-end", PUBLISHED, None, D(2023, 12, 31)),
    ("next year", PUBLISHED, D(2024, 1, 1), D(2024, 12, 31)),
    ("by the end of next year", PUBLISHED, None, D(2024, 12, 31)),
    ("in the second half of this year", PUBLISHED, D(2023, 7, 1), D(2023, 12, 31)),
    ("by March next year", PUBLISHED, None, D(2024, 3, 31)),
    ("this year", None, None, None),
    ("in the next three years", PUBLISHED, PUBLISHED, D(2026, 12, 31)),
    ("in the coming five years", PUBLISHED, PUBLISHED, D(2028, 12, 31)),
    ("within two years", PUBLISHED, PUBLISHED, D(2025, 12, 31)),
    ("over the next 3 years", PUBLISHED, PUBLISHED, D(2026, 12, 31)),
    ("within a year", PUBLISHED, PUBLISHED, D(2024, 12, 31)),
    ("in three years\u2019 time", PUBLISHED, PUBLISHED, D(2026, 12, 31)),
    ("after three years of efforts", PUBLISHED, PUBLISHED, D(2026, 12, 31)),
    ("after ten years of hard work", PUBLISHED, PUBLISHED, D(2033, 12, 31)),
    ("in the next three years", None, None, None),
    ("a three-year action plan", PUBLISHED, D(2023, 1, 1), D(2025, 12, 31)),
    ("three-year development goals", PUBLISHED, D(2023, 1, 1), D(2025, 12, 31)),
    ("\u201cthree-year\u201d plan", PUBLISHED, D(2023, 1, 1), D(2025, 12, 31)),
    ("the 2-year campaign", PUBLISHED, D(2023, 1, 1), D(2024, 12, 31)),
    # a two-digit length is no plan number: "15-year plan" is not "1" + "5-year plan"
    ("15-year plan", PUBLISHED, D(2023, 1, 1), D(2037, 12, 31)),
    ("25-year development plan", PUBLISHED, D(2023, 1, 1), D(2047, 12, 31)),
    ("a fifteen-year strategy", PUBLISHED, D(2023, 1, 1), D(2037, 12, 31)),
    ("within fifteen years", PUBLISHED, PUBLISHED, D(2038, 12, 31)),
    ("by then", PUBLISHED, None, None),
    # Five-Year Plans (lexicon), explicit range wins
    ("during the 14th Five-Year Plan", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("the 14th Five-Year Plan period", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("by the end of the 14th Five-Year Plan", None, None, D(2025, 12, 31)),
    ("14th FYP", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("during the 14th Five-Year Plan (2021-25)", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("during the 14th Five\u2011Year Plan (2021\u20132025) period", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("the fourteenth five-year plan", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("in the 15th Five-Year Plan period", None, D(2026, 1, 1), D(2030, 12, 31)),
    ("the 13th five-year plan (2016-2020)", None, D(2016, 1, 1), D(2020, 12, 31)),
    ("during the 40th Five-Year Plan", None, None, None),
    # ranges
    ("2021-2025", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("2021-25", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("2021 \u2013 2025", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("2021 to 2025", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("from 2021 to 2025", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("between 2021 and 2025", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("during the 2021-2025 period", None, D(2021, 1, 1), D(2025, 12, 31)),
    ("2025-2021", None, None, None),
    # fiscal years (Indian convention: April start, labelled by the year they end in)
    ("FY26", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("FY2026", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("FY 2025-26", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("FY'26", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("by FY26", None, None, D(2026, 3, 31)),
    ("fiscal 2026", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("fiscal year 2025\u201326", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("in financial year 2025-2026", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("2025-26", None, D(2025, 4, 1), D(2026, 3, 31)),
    ("FY 2025-27", None, None, None),
    ("Q1 FY26", None, D(2025, 4, 1), D(2025, 6, 30)),
    # "the next fiscal year" in the budget season: the April year before April, the July year in April to June,
    # the April year after from July on; an explicit year wins
    ("in the next financial year", D(2023, 2, 20), D(2023, 4, 1), D(2024, 3, 31)),
    ("for the coming fiscal year", D(2023, 5, 28), D(2023, 7, 1), D(2024, 6, 30)),
    ("the upcoming fiscal year", D(2023, 11, 2), D(2024, 4, 1), D(2025, 3, 31)),
    ("by the end of the next fiscal year", D(2023, 2, 20), None, D(2024, 3, 31)),
    ("the next fiscal year 2023-24", D(2023, 5, 28), D(2023, 4, 1), D(2024, 3, 31)),
    ("next fiscal year", None, None, None),
    # out of range and nonsense
    ("by 1850", None, None, None),
    ("by 2150", None, None, None),
    ("in 3025", None, None, None),
    ("soon", PUBLISHED, None, None),
    ("", PUBLISHED, None, None),
    ("by early next decade", PUBLISHED, None, None),
]


@pytest.mark.parametrize(("phrase", "published", "expected_start", "expected_end"), DEADLINE_ROWS)
def test_resolve_deadline(
    phrase: str, published: dt.date | None, expected_start: dt.date | None, expected_end: dt.date | None
) -> None:
    expected = None if expected_end is None else (expected_start, expected_end)
    assert resolve_deadline(phrase, published) == expected


@pytest.mark.parametrize(
    ("start_month", "expected"),
    [
        (4, (D(2025, 4, 1), D(2026, 3, 31))),
        (10, (D(2025, 10, 1), D(2026, 9, 30))),
        (7, (D(2025, 7, 1), D(2026, 6, 30))),
        (1, (D(2026, 1, 1), D(2026, 12, 31))),
    ],
)
def test_fiscal_start_month(start_month: int, expected: tuple[dt.date, dt.date]) -> None:
    assert resolve_deadline("FY2026", None, fiscal_start_month=start_month) == expected


def test_fiscal_start_month_out_of_range() -> None:
    with pytest.raises(ValueError, match="fiscal_start_month"):
        resolve_deadline("FY26", None, fiscal_start_month=13)


def test_explicit_periods_override_lexicon() -> None:
    periods = {14: (2021, 2025), 99: (2090, 2094)}
    assert resolve_deadline("the 99th five-year plan", None, periods) == (D(2090, 1, 1), D(2094, 12, 31))
    assert resolve_deadline("the 13th five-year plan", None, periods) is None


def test_shipped_plan_periods() -> None:
    periods = load_plan_periods()
    assert periods[14] == (2021, 2025)
    assert periods[10] == (2001, 2005)
    assert periods[16] == (2031, 2035)
    assert all(last - first == 4 for first, last in periods.values())
    assert (default_patterns_dir() / "lexicon" / "plan_periods.json").is_file()


def test_plan_periods_lexicon_shape() -> None:
    path = default_patterns_dir() / "lexicon" / "plan_periods.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"name", "description", "entries"}
    assert data["name"] == "plan_periods"


def test_bad_plan_periods_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "plan_periods.json"
    path.write_text('{"name": "plan_periods",\n "entries": {\n  "14": [2021, 2025],\n  "15": [2030]\n }}\n')
    with pytest.raises(ValueError, match=r"plan_periods\.json:4: entry '15'"):
        load_plan_periods(path)
    path.write_text('{"entries": {"14": [2021, 2025],}}')
    with pytest.raises(ValueError, match=r"plan_periods\.json:1: invalid JSON"):
        load_plan_periods(path)


# --- publication dates -------------------------------------------------------

HEADER_ROWS: list[tuple[str, dt.date | None]] = [
    # Chinese sites
    ("By YUAN SHENGGAO | (China Daily Global) | Updated : 2022-05-30", D(2022, 5, 30)),
    ("Source: Shenyang Daily 2023-02-01", D(2023, 2, 1)),
    ("BEIJING, May 19, 2023 /PRNewswire/ \u2014  A news report from China Daily:", D(2023, 5, 19)),
    ("  \u2022 Updated: Jul 27, 2022", D(2022, 7, 27)),
    ("2022-05-13", D(2022, 5, 13)),
    ("2022-05-13 0 By", D(2022, 5, 13)),
    ("Xinhua | Updated: 2024/03/12 10:15", D(2024, 3, 12)),
    ("Release time: 2023.11.08 Source: Liaoning Daily", D(2023, 11, 8)),
    ("2023\u5e742\u67081\u65e5 08:00 \u6765\u6e90\uff1a\u6c88\u9633\u65e5\u62a5", D(2023, 2, 1)),
    ("Updated 2024-03-12T10:30:00+08:00", D(2024, 3, 12)),
    # Indian sites
    ("Mar 12, 2024 10:30 IST", D(2024, 3, 12)),
    ("Updated - March 12, 2024 at 10:42 pm IST", D(2024, 3, 12)),
    ("Last Updated : 05 Jan 2024 | 11:32 PM IST", D(2024, 1, 5)),
    ("NEW DELHI, Jan 5 (Reuters) -", None),
    ("NEW DELHI, Jan 5, 2024 (Reuters) -", D(2024, 1, 5)),
    ("Date: 25/03/2024", D(2024, 3, 25)),
    ("Date: 12/03/2024", None),  # day or month first? ambiguous
    ("05-13-2024 14:15", D(2024, 5, 13)),  # month first: 13 is no month
    ("13-05-2024", D(2024, 5, 13)),
    ("05-06-2024", None),  # ambiguous with dashes too
    # EU sites
    ("Published: 12 March 2024", D(2024, 3, 12)),
    ("Mar 4 , 2021", D(2021, 3, 4)),  # a scraped date with a space before its comma
    ("12.03.2024", D(2024, 3, 12)),
    ("Brussels, 12.3.2024 COM(2024) 123 final", D(2024, 3, 12)),
    ("Tuesday, 12th of March, 2024", D(2024, 3, 12)),
    # a month-and-year dateline: the first day of the month
    ("March 2024", D(2024, 3, 1)),
    ("2024-03", D(2024, 3, 1)),  # an ISO year and month alone on its line
    ("2023-24", None),  # a fiscal year, not a month
    ("2011-12", None),  # a fiscal year too (FY 2011-12), though December is a month
    # US sites
    ("Posted on March 12, 2024", D(2024, 3, 12)),
    ("Sept. 5, 2023 5:00 AM ET", D(2023, 9, 5)),
    ("WASHINGTON (AP) \u2014 Published 9:14 AM EDT, Wednesday, June 5, 2024", D(2024, 6, 5)),
    # not dates
    ("2023", None),
    ("Updated: 2022-13-45", None),
    ("Feb 30, 2024", None),
    ("Published: 12 March 1850", None),
]


@pytest.mark.parametrize(("header", "expected"), HEADER_ROWS)
def test_find_published_header_forms(header: str, expected: dt.date | None) -> None:
    text = f"Liaoning sets targets for digital economy\n\n{header}\nBy 2025, the digital economy will grow.\n"
    assert find_published(text) == expected


def test_earliest_header_line_wins() -> None:
    text = "Headline\nUpdated: 2023-06-01\nPublished: 2023-05-30\nBody"
    assert find_published(text) == D(2023, 6, 1)


def test_bare_year_is_not_a_full_date() -> None:
    assert find_published("2023\n") is None
    assert find_published("2023\nBy 2025, GDP will double.") is None


def test_only_header_lines_are_read() -> None:
    body = "\n".join(f"Paragraph {n}." for n in range(20))
    assert find_published(f"Title\n{body}\nUpdated: 2023-06-01") is None
    long_line = "In a report released on May 19, 2023, " + "the city said it will grow. " * 10
    assert find_published(f"Title\n{long_line}\n") is None
    named = "The Ministry of Works (MoW) said on May 19, 2023, " + "the city will grow. " * 10
    assert find_published(f"Title\n{named}\n") is None


def test_dateline_with_date_in_brackets() -> None:
    lead = "Lisbon (March 3, 2021)- The mayor set out a plan " + "to plant trees in every district. " * 8
    assert find_published(f"City unveils plan\n\n{lead}\n") == D(2021, 3, 3)


def test_windows_and_blank_lines() -> None:
    assert find_published("\r\n\r\nTitle\r\n\r\nSource: Shenyang Daily 2023-02-01\r\n") == D(2023, 2, 1)


def test_find_published_on_large_text() -> None:
    sentence = "By 2025, the added value of the digital economy will account for 48 percent of GDP. "
    text = "Title\n" + (sentence * 12) + "\n" + (sentence * 12_000)
    assert len(text) > 1_000_000
    assert find_published(text) is None
    assert find_published("x" * 1_000_000) is None


def test_samples_headers() -> None:
    samples = Path(__file__).resolve().parents[1] / "samples"
    found = {path.name[:3]: find_published(path.read_text(encoding="utf-8")) for path in samples.glob("*.txt")}
    expected = {"000": D(2022, 5, 30), "001": D(2023, 2, 1), "002": D(2023, 5, 19), "003": D(2022, 5, 13)}
    for prefix, date in expected.items():
        if prefix in found:
            assert found[prefix] == date


# --- properties --------------------------------------------------------------

_DEADLINE_WORDS = st.sampled_from(
    ["by", "the", "end", "of", "2025", "25", "mid", "-", "half", "quarter", "q3", "h1", "fy", "fiscal", "year",
     "next", "three", "years", "within", "before", "14th", "five-year", "plan", "(2021-25)", "june", "30,", "\u2013"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    phrase=st.one_of(st.text(max_size=80), st.lists(_DEADLINE_WORDS, max_size=8).map(" ".join)),
    published=st.one_of(st.none(), st.dates()),
)
def test_resolve_deadline_never_raises(phrase: str, published: dt.date | None) -> None:
    result = resolve_deadline(phrase, published)
    if result is not None:
        start, end = result
        assert start is None or start <= end


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_find_published_never_raises(text: str) -> None:
    found = find_published(text)
    assert found is None or 1900 <= found.year <= 2100
