"""Goals lists of plan notices (plancli/statements/plan_lists.py) and words of intent in plan news.

Every text is written for this table in the genre; none is copied from an article.
"""

from __future__ import annotations

import pytest
from rowchecks import check_status_row

#: (text, published or None, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str | None, str, str, str | None]] = [
    # --- an inline list after a goals lead-in: a translation's past tense stays a goal -----------------
    ("The district congress decided that the main expected goals of development in 2027 are: to raise output by "
     "about 6%; fiscal revenue increased by more than 8%; retail sales grew by 5%.", "2027-01-20", "more than 8%",
     "target", "goals-leadin"),
    ("The district congress decided that the main expected goals of development in 2027 are: to raise output by "
     "about 6%; fiscal revenue increased by more than 8%; retail sales grew by 5%.", "2027-01-20", "5%",
     "target", "goals-leadin"),
    # no goal noun before the colon: a report stays a report
    ("The bureau's summary of last year is: output rose by 6%; revenue increased by 8%; sales grew by 5%.",
     "2027-01-20", "8%", "actual", None),
    # a single clause after the colon is no list
    ("The main goal of the district is: revenue increased by 8% last year.", "2027-01-20", "8%", "actual", None),
    # --- a hard-wrapped list of milestones, each marker alone on its line ------------------------------
    ("Our plan sets out clear milestones for each:\n-\nDelivering 40,000 new homes in the region and\nclearing "
     "planning decisions on at least 30 transport\nschemes.\n-\nCutting waiting lists so that 90% of\npatients are "
     "seen within 6 weeks.\n", "2025-01-10", "at least 30", "target", "goals-leadin"),
    ("Our plan sets out clear milestones for each:\n-\nDelivering 40,000 new homes in the region and\nclearing "
     "planning decisions on at least 30 transport\nschemes.\n-\nCutting waiting lists so that 90% of\npatients are "
     "seen within 6 weeks.\n", "2025-01-10", "90%", "target", "goals-leadin"),
    # the list ends with the first item that is not followed by a marker
    ("Our plan sets out clear milestones for each:\n-\nDelivering 40,000 new homes in the region.\nLast year the "
     "region completed 12,000 homes.\n", "2025-01-10", "12,000", "actual", None),
    # --- a list item labelled as forecasts: every figure in it is a forecast ----------------------------
    ("• Deficit: $1.2 bn in FY26.\n• Economic forecasts: real GDP at 2.1% in 2026, 2.4% in 2027, 2.2% in 2028 "
     "and 2.0% in 2029. Jobs growth at 1.4% in 2027.\n• Capital plan: $3.0 bn in FY27.", "2026-02-27", "2.0%",
     "actual", "forecast-label"),
    ("• Deficit: $1.2 bn in FY26.\n• Economic forecasts: real GDP at 2.1% in 2026, 2.4% in 2027, 2.2% in 2028 "
     "and 2.0% in 2029. Jobs growth at 1.4% in 2027.\n• Capital plan: $3.0 bn in FY27.", "2026-02-27", "1.4%",
     "actual", "forecast-label"),
    ("• Deficit: $1.2 bn in FY26.\n• Economic forecasts: real GDP at 2.1% in 2026, 2.4% in 2027, 2.2% in 2028 "
     "and 2.0% in 2029. Jobs growth at 1.4% in 2027.\n• Capital plan: $3.0 bn in FY27.", "2026-02-27", "$3.0 bn",
     "target", None),
    # --- a scenario's assumed trend is no goal, but its comma ends its reach ------------------------------
    ("If the council keeps to its schedule, it will open 12 clinics by 2027.", "2025-03-01", "12", "target", None),
    # --- words of intent ------------------------------------------------------------------------------
    ("Island Nation Eyeing 3 Million Visitors By 2030\nThe tourism board published its plan on Monday.",
     "2025-03-01", "3 Million", "target", "headline-sets-goal"),
    ("The state farm department is also eyeing a harvest of 12.5 lakh tonnes of pulses.", "2025-03-01",
     "12.5 lakh", "target", "target-cue"),
    ("The port authority has set itself the challenge of handling 2.4 million containers.", "2025-03-01",
     "2.4 million", "target", "set-itself"),
    # --- a figure that qualifies a goal noun is the goal's value, whatever came before ----------------
    ("The region reached 30 GW in May, and its 40 GW goal is in sight.", "2025-03-01", "40 GW", "target",
     "figure-names-goal"),
    # the report verb of the same clause reaches the goal: reported, not set
    ("The region hit its 40 GW target two years early.", "2025-03-01", "40 GW", "actual", None),
    # --- a plan noun before a comma is no modal of the report verb after it ---------------------------
    ("Beside the target, the minister announced $75 million in new grants.", "2025-03-01", "$75 million", "actual",
     None),
    ("New depots will be built with $75 million from the fund.", "2025-03-01", "$75 million", "target", None),
    # an imperative list item after a label is no name with a number
    ("Here are some of the actions:\n- Power Supply: Use 100% renewable electricity by 2030.", "2025-03-01",
     "100%", "target", None),
]


@pytest.mark.parametrize(("text", "published", "find", "status", "rule"), ROWS)
def test_plan_list_row(text: str, published: str | None, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, published, find, status, rule)
