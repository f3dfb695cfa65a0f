"""Metrics in lists. A list line that names nothing but its number, a deadline and a change ("(2) 30 percent by 2025;",
"By 2025: 40% reduction") measures what the lead-in before it measured; a sector named by an -ing noun in a gapped list ("mining by 2.8 per
cent") and a capitalised place's measure ("Local GDP") are measured things, not verbs or names.

Rows: ``(rule, text, the record's text contains, words the metric must contain, words it must not)``, on
sentences written for this file in the genre.
"""

from __future__ import annotations

import pytest

from rowchecks import check_metric_row

PUBLISHED = "2024-05-01"

LIST_ROWS: list[tuple[str, str, str, list[str], list[str]]] = [
    ("numbered-items-after-lead-in",
     "Council notes\n\nThe council shall cut landfill waste by 60 percent by 2040, by the following amounts:\n"
     "(1) 20 percent by 2028;\n(2) 40 percent by 2034;\n", "40 percent", ["landfill waste"], []),
    ("deadline-labelled-lines",
     "Fuel plan\n\nCut diesel use 60% from 2015 levels by 2040.\n\nBy 2030: 30% reduction from 2015\n\n"
     "By 2035: 45% reduction from 2015\n", "45%", ["diesel"], []),
    ("prose-line-not-carried",
     "Bus plan\n\nThe city will buy 300 electric buses by 2030.\n\nThe council met on Tuesday to debate it.\n\n"
     "By 2030: 30% reduction\n", "30%", [], ["buses"]),
    ("sector-gerund-in-gapped-list",
     "Sector-wise, tourism is expected to expand by 3.5 per cent a year, fishing by 1.8 per cent.", "1.8 per cent",
     ["fishing"], []),
    ("capitalised-place-measure",
     "Targets for 2030\n\n2. Coastal GDP will increase by 6%.\n", "6%", ["coastal gdp"], []),
    ("follower-in-same-sentence",
     "The district plans a 9 per cent rise in farm output in the first quarter, followed by 10.5 per cent, "
     "12 per cent and 9.5 per cent in later quarters.", "10.5 per cent", ["farm output"], []),
    ("period-only-follower",
     "The ministry set out sector growth targets, 3.9 percent for fiscal year 2026-27, 5.5 percent for 2027-28 "
     "and 6.1 percent for fiscal year 2028-29.", "5.5 percent", ["sector growth"], []),
    ("apposed-noun-phrase",
     "The utility said it will meet its goal for the solar share in the national power mix, up to 40% by 2032.",
     "40%", ["solar share in the national power mix"], []),
    ("imperative-steering-object",
     "Main targets for 2030:\n\n- Keep inflation within 2.0 to 4.0%;\n- Raise exports by 8%;\n", "4.0%",
     ["inflation"], []),
    ("apposed-after-dash",
     "Planned figures in port investment - $12 billion - and in export earnings - $30 billion - were announced "
     "for 2030.", "$12 billion", ["port investment"], []),
    ("apposed-not-a-predicate-word",
     "Last year's forest cover goal was modest; the new target is higher - 38% by 2031.", "38%", [], ["higher"]),
]


@pytest.mark.parametrize(("rule", "text", "find", "wanted", "unwanted"), LIST_ROWS, ids=[r[0] for r in LIST_ROWS])
def test_metric_lists(rule: str, text: str, find: str, wanted: list[str], unwanted: list[str]) -> None:
    check_metric_row(rule, text, PUBLISHED, find, wanted, unwanted)
