"""Nationals counted by their plural demonym in '-is' (lexicon ``count_nouns``): the rule that keeps "analysis" or
"basis" from reading as plurals must not drop "Omanis" or "Qataris", whom Gulf labour-nationalisation plans count.

Every text is written for this table in the genre; none is copied from an article.
"""

from __future__ import annotations

import pytest

import plancli

#: (text, the record's text contains, value, unit)
ROWS: list[tuple[str, str, float, str]] = [
    ("The ministry plans to place 15,000 Omanis in private-sector jobs by 2027.", "15,000 Omanis", 15000, "omani"),
    ("The programme will train 4,500 Qataris a year in hospitality.", "4,500 Qataris", 4500, "qatari"),
    ("Some 30,000 Emiratis joined private firms in 2024.", "30,000 Emiratis", 30000, "emirati"),
]


@pytest.mark.parametrize(("text", "find", "value", "unit"), ROWS)
def test_demonym_count(text: str, find: str, value: float, unit: str) -> None:
    records = [r for r in plancli.extract(text, published="2025-03-01") if find in r.text]
    assert len(records) == 1, [r.to_dict() for r in plancli.extract(text, published="2025-03-01")]
    assert (records[0].value, records[0].unit) == (value, unit), records[0].to_dict()
