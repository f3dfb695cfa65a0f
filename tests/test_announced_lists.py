"""Announced and breakdown goals lists (plancli/statements/announced_lists.py).

Every text is written for this table in the genre; none is copied from an article.
"""

from __future__ import annotations

import pytest
from rowchecks import check_deadline_row, check_status_row

_RESOLUTION = ("The provincial assembly adopted the socio-economic plan for 2027 on Friday.\n"
               "The plan sets out 6 main targets.\n"
               "1. Regional output grows by about 5.5-6%.\n"
               "2. Income per head is about 3,800 US dollars.\n"
               "3. The share of trained workers reached 72%.\n"
               "4. The poverty rate decreased by about 1%.\n"
               "5. Forest cover is 43%.\n"
               "6. Unemployment rate below 3.5%.\n"
               "Delegates praised last year's results.\n")

_FOLLOWING = ("The city council approved its climate plan.\nIt lists the following goals.\n"
              "- Emissions fall by 40% from 2019 levels.\n- 60% of buses are electric.\n")

_BREAKDOWN = ("Jobs Plan Targets\n"
              "The minister said the new programmes are expected to create 45,000 jobs by the end of 2027. "
              "The breakdown includes:\n"
              "Apprenticeship Scheme: 12,000 placements for school leavers\n"
              "Rural Enterprise Fund: 9,000 small farms to receive grants\n"
              "Coastal Works: 8,000 jobs in flood defence and road repair\n"
              "Funding the Plan\n"
              "The ministry has spent $40 million on training centres.\n")

_HEADING_ONLY = ("Targets for the Jobs Programme\n"
                 "The programme's second phase comprises:\n"
                 "Green Skills: 4,000 trainees in solar installation\n"
                 "Digital Skills: 3,500 trainees in software testing\n")

_INDICATORS = ("growth of regional output", "income per head growth", "share of services in output",
               "urban unemployment rate", "share of trained workers", "forest cover", "rural water coverage",
               "health insurance coverage", "share of paved rural roads", "household broadband coverage",
               "share of recycled waste", "share of clean buses", "wastewater treatment rate", "literacy rate")
#: a colon lead-in that counts its goals, with more items than a plain colon list is read for
_LONG_LIST = "The assembly set 14 targets for 2027:\n" + "".join(
    f"{n}. The {name} is {20 + 5 * n}%.\n" for n, name in enumerate(_INDICATORS, start=1))

#: (text, published or None, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str | None, str, str, str | None]] = [
    # --- a sentence that counts the plan's goals, then a numbered list: every item is a goal ------------------
    (_RESOLUTION, "2026-11-20", "5.5-6%", "target", "goals-leadin"),
    (_RESOLUTION, "2026-11-20", "3,800", "target", "goals-leadin"),
    (_RESOLUTION, "2026-11-20", "72%", "target", "goals-leadin"),  # a translation's past tense
    (_RESOLUTION, "2026-11-20", "1%", "target", "goals-leadin"),
    (_RESOLUTION, "2026-11-20", "43%", "target", "goals-leadin"),
    (_RESOLUTION, "2026-11-20", "below 3.5%", "target", "goals-leadin"),
    (_FOLLOWING, "2025-05-01", "40%", "target", "goals-leadin"),
    (_LONG_LIST, "2026-11-20", "25%", "target", "goals-leadin"),
    (_LONG_LIST, "2026-11-20", "90%", "target", "goals-leadin"),  # the 14th item
    (_FOLLOWING, "2025-05-01", "60%", "target", "goals-leadin"),
    # a singular goal noun with a figure of its own announces no list
    ("The inflation target is 3%.\n1. Economic performance\nGrowth reached 4.1% last year.\n", "2025-05-01",
     "4.1%", "actual", None),
    # "one of the targets" counts no goals
    ("Cleaner air is one of the targets.\n1. Coal use is 12% of the energy mix.\n2. Dust levels are 40% lower.\n",
     "2025-05-01", "12%", "actual", None),
    # a count of goals with no list after it
    ("The plan sets out 6 main targets.\nLast year output grew by 4.2%.\n", "2026-11-20", "4.2%", "actual", None),
    # a list after a sentence that counts something else
    ("The county has 3 industrial parks.\n1. Output of the parks reached 12 billion yuan.\n"
     "2. The parks employ 20,000 workers.\n", "2025-05-01", "12 billion", "actual", None),
    # --- a colon lead-in that breaks down the goal just stated --------------------------------------------------
    (_BREAKDOWN, "2026-07-24", "12,000", "target", "goals-leadin"),
    (_BREAKDOWN, "2026-07-24", "9,000", "target", "goals-leadin"),
    (_BREAKDOWN, "2026-07-24", "8,000", "target", "goals-leadin"),
    # the list ends at the next heading
    (_BREAKDOWN, "2026-07-24", "$40 million", "actual", None),
    # the heading above names the goals
    (_HEADING_ONLY, "2026-07-24", "4,000", "target", "goals-leadin"),
    # a lead-in that reports what was done lists no goals
    ("The agency plans to create 45,000 jobs by 2027. Progress so far includes:\n"
     "Apprenticeship Scheme: 12,000 placements filled\nCoastal Works: 8,000 jobs in road repair\n", "2026-07-24",
     "12,000", "actual", None),
    # a breakdown of a report stays a report
    ("Jobs created last year reached 30,000, the ministry said. The breakdown includes:\n"
     "Apprenticeship Scheme: 12,000 placements\nCoastal Works: 8,000 jobs in road repair\n", "2026-07-24",
     "12,000", "actual", None),
    # a count of goals in a sentence that reports (ACTUAL_CUE) lists results, not goals, and passes on no deadline
    ("The review found that 5 targets were met last year.\n1. Exports reached 7.2%.\n2. Inflation fell to 3.1%.\n",
     "2025-06-01", "7.2%", "actual", None),
    ("A review of the plan's achievements lists the following targets.\n1. Exports reached 7.2%.\n"
     "2. Inflation fell to 3.1%.\n", "2025-06-01", "3.1%", "actual", None),
]


@pytest.mark.parametrize(("text", "published", "find", "status", "rule"), ROWS)
def test_announced_list_row(text: str, published: str | None, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, published, find, status, rule)


#: (text, published, the record's text contains, expected deadline fields)
DEADLINES: list[tuple[str, str | None, str, dict[str, object]]] = [
    # the breakdown's items share the goal's deadline
    (_BREAKDOWN, "2026-07-24", "12,000", {"deadline": 2027, "status": "target"}),
    (_BREAKDOWN, "2026-07-24", "8,000", {"deadline": 2027, "status": "target"}),
    # a deadline in the announcing sentence governs the list
    ("The ministry set 3 key targets for 2030.\n1. Renewables reach 45% of power.\n2. Grid losses are 6%.\n"
     "3. Rural access reached 100%.\n", "2025-05-01", "6%", {"deadline": 2030, "from": "heading"}),
    (_LONG_LIST, "2026-11-20", "85%", {"deadline": 2027, "status": "target"}),
]


@pytest.mark.parametrize(("text", "published", "find", "expected"), DEADLINES)
def test_announced_list_deadline(text: str, published: str | None, find: str, expected: dict[str, object]) -> None:
    check_deadline_row(text, published, find, expected)
