"""Counts of things sized by a hyphenated money figure (plancli/quantity_sized.py), and counts named by "the number of X
per N people" (plancli/quantity_units.py ``_number_of``).

Every text is written for this table in the genre; none is copied from an article.
"""

from __future__ import annotations

import pytest

import plancli

#: (text, the record's text contains, value, unit, deadline end year or None, status)
ROWS: list[tuple[str, str, float, str, int | None, str]] = [
    ("By 2027, the city will cultivate five trillion-yuan industries.", "five trillion-yuan industries", 5,
     "industry", 2027, "target"),
    ("The province aims to foster nine 100-billion-yuan industrial clusters by 2026.", "nine 100-billion-yuan", 9,
     "cluster", 2026, "target"),
    ("Around 60 10-billion-yuan projects will be launched by 2026.", "60 10-billion-yuan projects", 60, "project",
     2026, "target"),
    ("One trillion-yuan industry will be built in the equipment sector by 2028.", "One trillion-yuan industry", 1,
     "industry", 2028, "target"),
    ("The city will build four 100-billion-yuan-level industrial clusters by 2026.", "four 100-billion-yuan-level",
     4, "cluster", 2026, "target"),
    ("The county now has 12 100-billion-yuan enterprises.", "12 100-billion-yuan enterprises", 12, "enterprise",
     None, "actual"),
    ("The state hopes to be home to 3 billion-dollar companies by 2030.", "3 billion-dollar", 3, "company", 2030,
     "target"),
]


@pytest.mark.parametrize(("text", "find", "value", "unit", "year", "status"), ROWS)
def test_sized_count(text: str, find: str, value: float, unit: str, year: int | None, status: str) -> None:
    records = [r for r in plancli.extract(text, published="2025-03-01") if find in r.text]
    assert len(records) == 1, [r.to_dict() for r in plancli.extract(text, published="2025-03-01")]
    record = records[0]
    assert (record.value, record.unit, record.status) == (value, unit, status), record.to_dict()
    assert (int(record.deadline.end[:4]) if record.deadline else None) == year, record.to_dict()


#: (text, the record's text contains, value, unit): without a count the money figure stays an amount
AMOUNTS: list[tuple[str, str, float, str]] = [
    ("The state wants to become a trillion-dollar economy by 2032.", "trillion-dollar", 1e12, "USD"),
    ("The province aims to become a one trillion-dollar economy by 2032.", "one trillion-dollar", 1e12, "USD"),
    ("The fund has 14 100 members.", "14 100", 14100, "member"),
]


@pytest.mark.parametrize(("text", "find", "value", "unit"), AMOUNTS)
def test_size_without_count(text: str, find: str, value: float, unit: str) -> None:
    records = [r for r in plancli.extract(text, published="2025-03-01") if find in r.text]
    assert len(records) == 1, [r.to_dict() for r in plancli.extract(text, published="2025-03-01")]
    assert (records[0].value, records[0].unit) == (value, unit), records[0].to_dict()


#: (text, the record's text contains, value, unit): a bare figure whose "number of X per N people" names what it counts
RATE_COUNTS: list[tuple[str, str, float, str]] = [
    ("The county plans that the number of nursing beds per 1,000 older people will be 42 in 2028.", "42", 42,
     "bed"),
    ("The number of licensed doctors per 10,000 people is to reach 38 by 2030.", "38", 38, "doctor"),
]


@pytest.mark.parametrize(("text", "find", "value", "unit"), RATE_COUNTS)
def test_number_of_per_base(text: str, find: str, value: float, unit: str) -> None:
    records = [r for r in plancli.extract(text, published="2025-03-01") if r.text == find]
    assert len(records) == 1, [r.to_dict() for r in plancli.extract(text, published="2025-03-01")]
    assert (records[0].value, records[0].unit) == (value, unit), records[0].to_dict()
