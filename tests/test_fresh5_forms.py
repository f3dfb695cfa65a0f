"""Forms a fifth fresh held-out set found plancli missing (sentences written for this table, in the genre).

Each row: (text, a substring of the expected record's text, value, unit, status, deadline end year or None).
A row with value None says no record's text may contain the substring.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2025-04-01"

ROWS: list[tuple[str, str, float | None, str | None, str | None, int | None]] = [
    # Speeds in "kmph" / "km/h" / "kilometres per hour" (not kilo-mph).
    ("Buses on the new corridor will average 45 kmph by 2027.", "45 kmph", 45, "km/h", "target", 2027),
    ("Trains ran at 160 km/h on the upgraded line last year.", "160 km/h", 160, "km/h", "actual", None),
    ("Average freight speed rose to 38 kilometres per hour.", "38 kilometres", 38, "km/h", "actual", None),
    # A split year after "the": "in the 2026-27 crop year" ends in 2027, not 2026.
    ("The ministry aims to harvest 118 million tonnes of paddy in the 2026-27 crop year.", "118 million", 1.18e8,
     "tonne", "target", 2027),
    ("The board plans to lay 900 km of pipes by the 2028-29 financial year.", "900 km", 900, "km", "target", 2029),
    # A plan named with its period in lower case in the title ("... strategy for 2025-2030") governs the
    # numbered objectives below it.
    ("Ghana's industrial strategy for 2025-2030\n\nKey objectives:\n\n  1. Raising manufacturing's share of GDP "
     "to 25 percent.\n\n  2. Attracting GHS 40 billion in new investment.", "25 percent", 25, "percent", "target",
     2030),
    # A counted noun before "from X to Y" or "to Y" after a change verb; a plan verb is not a counted noun.
    ("The scheme will increase beneficiaries from 1.8 million to 6 million by 2029.", "6 million", 6e6,
     "beneficiary", "target", 2029),
    ("The scheme will increase beneficiaries from 1.8 million to 6 million by 2029.", "1.8 million", 1.8e6,
     "beneficiary", "actual", None),
    ("The county will expand dispensaries to 240 by 2027.", "240", 240, "dispensary", "target", 2027),
    ("Bus ridership rises from 900 to 1,700 on weekdays.", "1,700", None, None, None, None),
    # Two numbers sharing the last one's noun.
    ("The board wants 60 million domestic and 15 million foreign tourists by 2031.", "60 million", 6e7, "tourist",
     "target", 2031),
    ("The town will build 14 primary and 6 secondary schools by 2028.", "14 primary", 14, "school", "target", 2028),
    # A scale abbreviated with a full stop before a capitalized word does not end the sentence.
    ("The state targets 4 mil. Tourists by 2031 under the plan.", "4 mil.", 4e6, "tourist", "target", 2031),
    # Spelled ranks.
    ("The plan aims to place the port among the top six in the region by 2030.", "top six", 6, "rank", "target",
     2030),
    # A part after "including" counts what the whole counts.
    ("The programme will create 900,000 jobs, including 250,000 in farming.", "250,000", 2.5e5, "job", "target",
     None),
    ("The utility will drill 80 boreholes by 2027, including 30 in arid counties.", "30", 30, "borehole", "target",
     2027),
    ("The fund holds $6 billion, including 2 billion for roads.", "2 billion", None, None, None, None),
    # Plan money and plan contents without a modal; a compared figure is a reported level.
    ("The government unveiled a rail plan on Friday, committing 900 billion pesos toward new lines.",
     "900 billion", 9e11, "MXN", "target", None),  # pesos: MXN unless the article is local elsewhere
    ("The water board has sought cabinet approval for a Rs 9,000 crore outlay to lay new mains.", "Rs 9,000",
     9e10, "INR", "target", None),
    ("The master plan, shared with the states last week, includes building 7,500 km of rural roads.", "7,500 km",
     7500, "km", "target", None),
    ("The national strategy includes 12 pillars and 40 actions.", "12 pillars", 12, "pillar", "actual", None),
    ("The board will procure 6.2 million tonnes of wheat by 2026, as against 5.1 million tonnes this season.",
     "5.1 million", 5.1e6, "tonne", "actual", None),
    # A fact clause comma-spliced to a goal with its own subject keeps no deadline of the goal.
    ("Exports are Rs 42,000 crore, our priority is to take them to Rs 90,000 crore by 2030.", "Rs 42,000", 4.2e11,
     "INR", "actual", None),
    ("Exports are Rs 42,000 crore, our priority is to take them to Rs 90,000 crore by 2030.", "Rs 90,000", 9e11,
     "INR", "target", 2030),
    ("The forest cover is 24 percent, and the plan is to reach 33 percent by 2035.", "24 percent", 24, "percent",
     "actual", None),
    ("The cabinet adopted a transport plan for the period 2026-2031.\n\n1. Pave 4,000 km of rural roads.",
     "4,000 km", 4000, "km", "target", 2031),
]


@pytest.mark.parametrize(("text", "find", "value", "unit", "status", "year"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_fresh5_text_form(extractor, text, find, value, unit, status, year):
    records = [r for r in extractor.extract(text, published=PUBLISHED) if find in r.text]
    if value is None:
        assert not records, [r.to_dict() for r in records]
        return
    assert len(records) == 1, [r.to_dict() for r in extractor.extract(text, published=PUBLISHED)]
    record = records[0].to_dict()
    assert record["value"] == pytest.approx(value)
    assert record["unit"] == unit
    if status is not None:
        assert record["status"] == status
    if year is not None:
        assert record["deadline"] is not None and record["deadline"]["end"].startswith(str(year))



@pytest.mark.parametrize(("text", "find", "comparator"), [
    ("The fund will grow with no less than a 12 percent annual increase.", "12 percent", ">="),
    ("Fares may rise by no more than a 3 percent step each year.", "3 percent", "<="),
    ("The city will plant more than a million trees by 2030.", "million", ">"),
])
def test_comparator_with_article(extractor, text, find, comparator):
    records = [r for r in extractor.extract(text, published=PUBLISHED) if find in r.text]
    assert len(records) == 1 and records[0].comparator == comparator, [r.to_dict() for r in records]
