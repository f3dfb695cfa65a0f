"""Guard rows for red-team 8's status findings (1, 4, 5, 6, 7, 10, 14, 15): each misfiring sentence now reads right.

Sentences are written for this table (none copied from an article).
"""

from __future__ import annotations

import pytest
from rowchecks import check_status_row

_DATE = "2025-06-01"

#: (text, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str, str, str | None]] = [
    # 1: a forecast's reported clause ends where another clause states its own intent
    ("The ministry has forecast that growth will reach 5% this year, and the government aims to cut the deficit to "
     "3% by 2027.", "3%", "target", None),
    ("The ministry has forecast that growth will reach 5% this year, and the government aims to cut the deficit to "
     "3% by 2027.", "5%", "actual", "forecast-that"),
    ("Treasury predicted that revenue would rise to $40 billion, while the minister pledged to build 200 hospitals "
     "by 2028.", "200", "target", None),
    # 4: a goal's name or a plan's wording is no report of how far a plan has got
    ("The target execution rate is 95% for 2026.", "95%", "target", None),
    ("The implementation rate is targeted to reach 90% by 2027.", "90%", "target", None),
    ("Under the plan, the capacity utilization rate is to reach 85% by 2026.", "85%", "target", None),
    ("Budget execution is planned at 98% for 2026.", "98%", "target", None),
    ("The disbursement rate stood at 58% at the end of May.", "58%", "actual", "achievement-level"),
    # 5: minimum capital, deposits, penalties, fines and tariffs are instruments, not quotas
    ("The law set a minimum capital requirement of $5 million for banks.", "5 million", "actual", None),
    ("The regulator set a minimum deposit of 20% for mortgages.", "20%", "actual", None),
    ("The central bank set a minimum reserve requirement of 10% for lenders.", "10%", "actual", None),
    ("The act introduces a minimum penalty of $5,000 for polluters.", "5,000", "actual", None),
    ("The bill provides for fines of up to $10,000 for violators.", "10,000", "actual", None),
    ("The agreement provides for a 15% tariff on steel imports.", "15%", "actual", "instrument-after"),
    ("The new law sets a minimum share of 30% for women on company boards by 2027.", "30%", "target",
     "set-a-minimum"),
    # 6: a purpose phrase after a done action's figure does not make that figure a goal
    ("The central bank raised rates by 50 basis points in a bid to curb inflation.", "50 basis points", "actual",
     None),
    ("The ministry cut fuel prices by 10% in a bid to ease the cost of living.", "10%", "actual", None),
    ("The county repaired two dams in an effort to bring 9,000 more acres under irrigation.", "9,000", "target",
     "target-cue"),
    # 7: "looks to" of appearance gives way to a forecaster's attribution
    ("The economy looks to improve by 2% this year, according to analysts.", "2%", "actual", None),
    ("Output looks to achieve 4% growth in 2026, the IMF said.", "4%", "actual", None),
    ("The water agency also looks to restore 600,000 hectares of wetland.", "600,000", "target", "target-cue"),
    # 10: a plan acting on a potential makes its figure the goal
    ("The plan aims to develop 10 GW of untapped potential by 2030.", "10 GW", "target", None),
    ("The government will tap the technical potential of 12 GW offshore wind by 2035.", "12 GW", "target", None),
    ("The strategy aims to unlock the potential of 2 million young people by 2030.", "2 million", "target", None),
    ("The coast has a technical potential of 30 GW of wind.", "30 GW", "actual", "potential-of"),
    # 14: after a verb of giving, the "with" phrase is what is given, not a size threshold
    ("The government aims to provide 1,000 households with more than 200 kWh of free power a month by 2026.",
     "200 kWh", "target", None),
    ("The plan will equip 500 schools with at least 10 computers each by 2027.", "10 computers", "target", None),
    # 15: a third party's participle of intent is no goal a hedge speaks of
    ("Investors aiming to buy 20% of the company could face a review.", "20%", "actual", "hedge"),
    ("The nation's plan to reach 2 million tonnes of zinc by 2030 could greatly lift exports, a researcher said.",
     "2 million", "target", None),
]


@pytest.mark.parametrize(("text", "find", "status", "rule"), ROWS)
def test_redteam8_status_row(text: str, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, _DATE, find, status, rule)
