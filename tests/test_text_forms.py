"""Number, currency, deadline and status forms real articles use (sentences written for this table, in the genre).

Each row: (text, a substring of the expected record's text, value, unit, status, deadline end year or None).
A row with value None says no record's text may contain the substring. The first table is read as published
on 2024-05-01, the second on 2025-04-01.
"""

from __future__ import annotations

import pytest

ROWS_2024: list[tuple[str, str, float | None, str | None, str | None, int | None]] = [
    # Title-Case headlines: "Targets 60" is a verb and a number, not a name like "Article 3".
    ("Province Targets 45% Green Power In Grid By 2032", "45%", 45, "percent", "target", 2032),
    ("Town Aims 30% Cut In Landfill Waste By 2029", "30%", 30, "percent", "target", 2029),
    ("County to Plant 3 Million Mangroves by 2031", "3 Million", 3e6, "mangrove", "target", 2031),
    ("Ministry Unveils Plan To Build 400 Clinics By 2028", "400", 400, "clinic", "target", 2028),
    ("County to Hire 3,500 New Nurses by 2027", "3,500", 3500, "nurse", "target", 2027),
    ("The Vision 500 fund backs small farms.", "500", None, None, None, None),
    # Currency symbols that look like capitalised words, and local abbreviations.
    ("The port authority will spend A$4 billion on new berths by 2030.", "A$4", 4e9, "AUD", "target", 2030),
    ("The ministry will invest R$ 12 billion in rail lines by 2029.", "R$ 12", 1.2e10, "BRL", "target", 2029),
    ("The province will spend Rp 8 trillion on toll roads by 2027.", "Rp 8", 8e12, "IDR", "target", 2027),
    ("The county will spend KSh 2.5 billion on boreholes by 2026.", "KSh 2.5", 2.5e9, "KES", "target", 2026),
    ("Treasury released Ksh12 billion for the dams last year.", "Ksh12", 1.2e10, "KES", None, None),
    ("The fund adds 900 million NZ dollars for rail by 2028.", "900 million NZ dollars", 9e8, "NZD", "target", 2028),
    ("The SH2 bypass opened to traffic in March.", "SH2", None, None, None, None),
    # "pc" for per cent (British and trade press), glued to the number.
    ("The utility will lift the renewable share to 55pc by 2030.", "55pc", 55, "percent", "target", 2030),
    ("Coal's share fell to 38pc last year.", "38pc", 38, "percent", "actual", None),
    # Dates with an abbreviated month and a dot, and "the deadline of 2030".
    ("Utilities must source 35 percent from renewables by Oct. 1, 2029.", "35 percent", 35, "percent", "target", 2029),
    ("The board will hit the 80 percent goal well before the deadline of 2033.", "80 percent", 80, "percent",
     "target", 2033),
    ("Members should cut waste by 20 percent by 2030 and recycle 65 percent of it by the same date.", "65 percent",
     65, "percent", "target", 2030),
    # "raised by X to Y": a change and the new level, two quantities; a close pair stays a range.
    ("The cabinet raised the solar goal by 40 GW to 280 GW.", "280 GW", 280, "GW", None, None),
    ("The state will cut emissions by 45% to 50% by 2035.", "45% to 50%", 45, "percent", "target", 2035),
    # A million-suffix before a counted noun with a modifier; a standard's benchmark is a requirement.
    ("The utility plans to connect 1.4m new customers by 2028.", "1.4m", 1.4e6, "customer", "target", 2028),
    ("The law requires a clean energy benchmark of 45 percent by 2031.", "45 percent", 45, "percent", "target",
     2031),
    # A raised plan "to X from Y announced earlier": only Y is the earlier figure.
    ("The group will raise its research budget to 900 million euros from 600 million euros announced earlier.",
     "900 million", 9e8, "EUR", "target", None),
    # Bulleted plan items that open with a verb or a noun of action, with space-grouped numbers, and a lead-in
    # that names the plan's period with "the".
    ("For the 2025-2028 term the ministry has planned programmes that include:\n- Complete 48 000 serviced sites\n"
     "- Development of 12 500 rental units", "48 000", 48000, "site", "target", 2028),
    ("For the 2025-2028 term the ministry has planned programmes that include:\n- Complete 48 000 serviced sites\n"
     "- Development of 12 500 rental units", "12 500", 12500, "unit", "target", 2028),
    ("The minister will report on progress over the next 100 days.", "100", None, None, None, None),
    # "in less than two years": a relative deadline with a bound.
    ("The agency will open more than 40 visitor centres in less than three years.", "40", 40, "visitor centre", "target",
     2027),
    # Headline abbreviations of scale words.
    ("By 2030, the carmaker aims to sell 1.2 mil. EVs a year", "1.2 mil.", 1.2e6, "ev", "target", 2030),
    # A projection over a long clause stays a projection; a comma ends it.
    ("Exports are projected to slow from an estimated 4.1 percent in 2023 to 2.6 percent in 2024.", "2.6 percent",
     2.6, "percent", "actual", None),
    # Not quantities: emission scopes, ages of people, numeric datelines.
    ("The lender will halve its Scope 1, 2 and 3 emissions by 2030.", "3 emissions", None, None, None, None),
    ("Ferries will be free for children under 12 from June.", "12", None, None, None, None),
    ("Source: Daily Courier 09-14-2023 08:15", "09", None, None, None, None),
]


ROWS_2025: list[tuple[str, str, float | None, str | None, str | None, int | None]] = [
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


CASES = [("2024-05-01", *row) for row in ROWS_2024] + [("2025-04-01", *row) for row in ROWS_2025]


@pytest.mark.parametrize(("published", "text", "find", "value", "unit", "status", "year"), CASES,
                         ids=[c[1][:40] for c in CASES])
def test_real_text_form(extractor, published, text, find, value, unit, status, year):
    records = [r for r in extractor.extract(text, published=published) if find in r.text]
    if value is None:
        assert not records, [r.to_dict() for r in records]
        return
    assert len(records) == 1, [r.to_dict() for r in extractor.extract(text, published=published)]
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
    records = [r for r in extractor.extract(text, published="2025-04-01") if find in r.text]
    assert len(records) == 1 and records[0].comparator == comparator, [r.to_dict() for r in records]
