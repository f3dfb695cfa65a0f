"""Forms real articles write that a fresh held-out set found plancli missing (sentences written for this table).

Each row: (text, a substring of the expected record's text, value, unit, status, deadline end year or None).
A row with value None says no record's text may contain the substring.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2024-05-01"

ROWS: list[tuple[str, str, float | None, str | None, str | None, int | None]] = [
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
    ("The agency will open more than 40 visitor centres in less than three years.", "40", 40, "centre", "target",
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


@pytest.mark.parametrize(("text", "find", "value", "unit", "status", "year"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_real_text_form(extractor, text, find, value, unit, status, year):
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
