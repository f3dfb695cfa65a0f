"""Status of figures a plan or its owner states of itself: a headline's plan price, a plan's own prediction, an
owner's "on track to" (one row per form; sentences written for this table, none copied from an article)."""

from __future__ import annotations

import pytest
from rowchecks import check_status_row

_DATE = "2025-06-01"

#: (text, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str, str, str | None]] = [
    # a headline's money right before a plan noun is the plan's price: a goal; other money in a headline is not
    ("Province backs $12 billion water strategy\n\nThe vote came after a long debate.", "12 billion", "target",
     "headline-money-plan"),
    ("Premier unveils $9 billion housing spree\n\nThe money will flow over five years.", "9 billion", "target",
     "headline-money-plan"),
    ("Firm posts $5 billion profit\n\nThe firm has 40 plants.", "5 billion", "actual", None),
    ("City unveils 10-point plan for parks\n\nThe city has 40 parks.", "40 parks", "actual", None),
    # only modifiers stand between the money and the plan noun; a headline dropping the plan or reporting its money
    # spent names no goal
    ("Tax office collects Rs 800 crore in arrears drive\n\nThe office said so.", "800 crore", "actual", None),
    ("Rs 3,000 crore housing scheme scam: four held\n\nThe police said so.", "3,000 crore", "actual", None),
    ("Why the $40bn rail package failed\n\nThe plan was long.", "40bn", "actual", None),
    ("Premier defends $6bn relief package that ran out in May\n\nThe fund is empty.", "6bn", "actual", None),
    ("$1.5bn rescue drive cost each family $300, study finds\n\nThe study is new.", "1.5bn", "actual", None),
    ("State scraps $45B water strategy after protests\n\nThe vote was close.", "45B", "actual", None),
    ("Agency axes £200m clinic building programme\n\nThe agency said so.", "200m", "actual", None),
    ("Budget 2026\n\nTable 2: $3.5bn roads programme outturn\n\nThe table lists spending.", "3.5bn", "actual", None),
    # a plan as the subject of a forecast verb states its own figure
    ("The new transport plan predicts rail ridership to reach 3 million trips a year.", "3 million trips", "target", "plan-foresees"),
    ("The IMF predicts growth to reach 4% in 2026.", "4%", "actual", None),
    ("A separate review of the plan predicts exports to rise to $90 billion by 2030.", "90 billion", "actual", None),
    # a verb setting a goal whose name holds a measure's acronym ("a 3 percent GDP growth target")
    ("The minister announced a 3.5 percent GDP growth target for next year.", "3.5 percent", "target",
     "verb-sets-goal"),
    ("The minister announced GDP growth of 3.5 percent last year.", "3.5 percent", "actual", None),
    ("Officials dropped the $4 billion FDI goal in April.", "4 billion", "actual", None),
    # the owner's own "on track to" speaks of its goal; an outsider's is an assessment
    ("Our steel arm is on track to reach 20 million tonnes by 2030, the chairman said.", "20 million", "target",
     "owner-on-track"),
    ("The country is on track to reach 60% clean power by 2030, analysts said.", "60%", "actual", None),
    ("We are on track to open 300 clinics by 2028, the minister said.", "300 clinics", "target", "owner-on-track"),
    ("Our water utility is also on track to lay 900 km of pipes by 2029.", "900 km", "target", "owner-on-track"),
    ('"We think the economy is on track to reach 4.8% growth this year," said an economist at a bank.', "4.8%",
     "actual", None),
    ("In our view, the state is on track to cut its deficit to 2% of GDP by 2027, Moody's said.", "2%", "actual", None),
    ("We estimate the firm is on track to sell 900,000 cars in 2026, analysts at a broker wrote.", "900,000 cars",
     "actual", None),
]


@pytest.mark.parametrize(("text", "find", "status", "rule"), ROWS)
def test_owner_status_row(text: str, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, _DATE, find, status, rule)
