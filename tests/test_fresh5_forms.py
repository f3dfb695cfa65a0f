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
