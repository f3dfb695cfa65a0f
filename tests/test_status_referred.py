"""Status rows for forms seen on unseen real articles (phase 10): a forecaster's piece that names the standing goal it
measures against, a body's bracketed acronym before "in its outlook", a plan as the subject of an estimate verb,
and discount or exemption rates in a bill.

Every sentence is written for this table in the genre of policy news; none is copied from an article.
"""

from __future__ import annotations

import pytest
from rowchecks import check_status_row

import plancli

PUBLISHED = "2024-04-20"

#: An outlook that names the standing inflation goal ("to the 2 percent target", "above target"): still a forecast piece.
OUTLOOK = """Monetary outlook
Consumer price inflation is projected to ease to the 2 percent target by mid-year before rising again. Inflation stays \
above target for most of the forecast period. The headline rate is projected to be 2.4 percent in two years.
Joblessness is expected to climb further, peaking at 5.2 percent early next year.
"""

#: The same outlook with a goal of the government's own: the piece states an intent, its "expected" figures may be goals.
OUTLOOK_WITH_PLAN = OUTLOOK.replace("Joblessness is expected", "The government aims to cut joblessness to 4 percent by "
                                    "2027. Joblessness is expected")

#: A lender's piece whose lead names the lender with its acronym in brackets, and compares "than the rate envisaged".
LENDER = """RDB trims Norland growth projection
2024-04-10
The Regional Development Bank (RDB) in its latest outlook trimmed its growth projection for Norland to 5.1 per cent \
in the current fiscal year.
Last September, the Bank in its annual outlook had put growth at 5.6 per cent, 0.2 points more than the rate \
envisaged in March.
In 2025, regional growth is expected to slow slightly to 4.8 per cent, it said.
"""


@pytest.mark.parametrize(("text", "find", "status", "rule"), [
    (OUTLOOK, "5.2 percent", "actual", "forecast-piece"),
    (OUTLOOK_WITH_PLAN, "5.2 percent", "target", "target-cue"),  # guard: an intent of the piece's own
    (OUTLOOK_WITH_PLAN, " 4 percent", "target", "target-cue"),
    (LENDER, "4.8 per cent", "actual", "forecast-piece"),
    (LENDER, "5.6 per cent", "actual", "source-its-forecast-body"),
])
def test_forecast_piece_with_referred_goals(text: str, find: str, status: str, rule: str) -> None:
    at = text.index(find.strip() if find[0] != " " else find) + (find[0] == " ")
    found = [r for r in plancli.extract(text, published=PUBLISHED) if r.start <= at < r.end]
    assert len(found) == 1
    assert (found[0].status, found[0].evidence.status.rule) == (status, rule), found[0].evidence.to_dict()


#: (text, the record's text contains, expected status, expected status rule)
ROWS: list[tuple[str, str, str, str]] = [
    # --- a plan as the subject of an estimate verb foresees its own figure --------------------------------
    ("The tourism strategy anticipates the creation of some 80,000 new jobs by 2030.", "80,000", "target",
     "plan-foresees"),
    ("The budget expects a revenue of Rs 2,000 crore in the coming fiscal year.", "Rs 2,000 crore", "target",
     "plan-foresees"),
    ("The central bank expects growth of 3.1% next year.", "3.1%", "actual", "estimate-verb"),  # guard: a forecaster
    ("A review of the plan anticipates 4.5% growth.", "4.5%", "actual", "estimate-verb"),  # guard: not its subject
    # --- discount and exemption rates granted by a bill are instruments in force -------------------------
    ("Under the bill, pensioners will be granted a 20% discount on bus fares.", "20%", "actual", "percent-grant"),
    ("Small shops will also receive a 5% exemption from the market levy.", "5%", "actual", "percent-grant"),
    ("The retailer will open 30 discount stores by 2027.", "30", "target", "target-cue"),  # guard: a count of stores
    ("The city will cut bus fares by 20% by 2026.", "20%", "target", "target-cue"),  # guard: a goal's cut
    # --- a level a plan keeps at a maximum is its goal; a rule's cap stays an instrument ----------------------
    ("Under the plan, consumer inflation will be kept at a maximum of 5 percent a year.", "5 percent", "target",
     "reduced-to-at-most"),
    ("Under the new rules, bus fares are kept at a maximum of $2 per ride.", "$2", "actual", "maximum-of"),
    # --- an estimate named as such is an estimated level; a budget's estimate is its own figure ----------------
    ("The cabinet set a growth target of 6.5 percent for 2026, compared to an estimate of 6.1 percent this year.",
     "6.1 percent", "actual", "estimate-of"),
    ("The state will raise the budget estimate of Rs 500 crore for roads in 2026.", "Rs 500 crore", "target",
     "target-cue"),
    # --- the figure a change is compared with is a reported level; a goal before "compared with" keeps its cue ----
    ("Growth would slow to 5.2 per cent this fiscal year, compared to a 6.1 per cent growth in the previous fiscal.",
     "6.1 per cent", "actual", "compared-to"),
    ("The city will cut emissions by 40% by 2030 compared with 2005 levels.", "40%", "target", "target-cue"),
    # --- today's level is the starting point of a change ("today's" splits into two tokens) -------------------
    ("The nation should lift cargo transit from today’s 18 million tons up to 33 million tons.", "18 million",
     "actual", "todays-level"),
    ("The port will handle 40 million tons by 2030, today's planners say.", "40 million", "target", "target-cue"),
]


@pytest.mark.parametrize(("text", "find", "status", "rule"), ROWS)
def test_status_rows(text: str, find: str, status: str, rule: str) -> None:
    check_status_row(text, PUBLISHED, find, status, rule)
