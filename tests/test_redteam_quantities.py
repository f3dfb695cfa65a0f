"""Red-team rows on the quantity side: bounds, durations, table labels, dollars and compound deadlines that a rule
must not misread; table-driven. Every sentence was written for this file in the genre. Published 2025-06-01."""

from __future__ import annotations

import pytest

import plancli
from plancli.normalize.currencies import dollar_countries
from plancli.patterns import load_pattern_set

PUBLISHED = "2025-06-01"


def _records(text: str) -> list[plancli.Target]:
    return list(plancli.extract(text, published=PUBLISHED))


def _one(text: str, find: str) -> plancli.Target:
    hits = [r for r in _records(text) if find in r.text]
    assert len(hits) == 1, _records(text)
    return hits[0]


@pytest.mark.parametrize(("text", "find", "comparator"), [
    # a negation turns a bound over only when it governs the verb right before it
    ("Officials did not say whether more than 500 schools would be built by 2027.", "500 schools", ">"),
    ("The plan does not cover the more than 2,000 villages in the north.", "2,000 villages", ">"),
    ("The treasury should not spend more than 5% of GDP on subsidies by 2030.", "5%", "<="),
    # a one-word comparator before a preposition opens its own phrase: no bound on the figure after it
    ("The growth target was exceeded in 12 provinces last year.", "12 provinces", "="),
    ("The reform was brought about by 3 new laws.", "3 new laws", "="),
    ("The army took over in 12 districts.", "12 districts", "="),
    ("Tariffs will rise next year, some by 20%.", "20%", "="),
    # ... but a comparator phrase keeps its bound across one ("at least in 15 lakh hectares")
    ("Paddy should be cultivated at least in 15 lakh hectares by 2026.", "15 lakh hectares", ">="),
    ("The project will add up to an additional 250 MW by 2027.", "250 MW", "<="),
    # a limit stated once before figures of other things is the first one's own; an estimate spreads
    ("The ministry will hire up to 500 engineers and 2,000 technicians by 2027.", "2,000 technicians", "="),
    ("The utility expects around 40,000 heat pumps and 9,000 chargers by 2030.", "9,000 chargers", "~"),
])
def test_bound_reading(text: str, find: str, comparator: str) -> None:
    assert _one(text, find).comparator == comparator


@pytest.mark.parametrize(("text", "find"), [
    # "from the previous 18 weeks" is a baseline, "past 18 weeks" a threshold: quantities, not points of time
    ("The reform will cut the maximum wait from the previous 18 weeks to 12 weeks by 2027.", "18 weeks"),
    ("The share of patients waiting past 18 weeks will fall to 5% by 2027.", "18 weeks"),
])
def test_duration_kept(text: str, find: str) -> None:
    assert any(find in r.text for r in _records(text)), _records(text)


@pytest.mark.parametrize(("text", "unit"), [
    # a table row labelled with a unit or money holds amounts, no count of the label's noun
    ("Tonnes Exported\n5,000", "tonne"),
    ("Funds Released\n4,500", "fund"),
])
def test_label_of_unit_or_money_counts_nothing(text: str, unit: str) -> None:
    assert not any(r.unit == unit for r in _records(text)), _records(text)


def test_label_of_counted_things_still_counts() -> None:
    assert any(r.unit == "school" for r in _records("Schools Built\n1,200")), _records("Schools Built\n1,200")


def test_month_year_compound_is_no_deadline() -> None:
    record = _one("Officials said the March 2024 coastal protection programme targets 300 km of sea walls.", "300 km")
    assert record.deadline is None or "programme" not in record.deadline.text


@pytest.mark.parametrize(("text", "local"), [
    # a country named in passing is not a council's own
    ("The city council approved the budget. The council will spend $20 million on the bridge, using steel "
     "imported from Canada.", None),
    ("The State Council said China will invest $50 billion in ports by 2030, citing Singapore as a model. "
     "The council also approved a new fund.", None),
    # ... its scope is ("every council in New Zealand"), as is the dateline
    ("Draft Long Term Plan\n\nThe Council proposes a $1.2 billion budget. Every local council in New Zealand "
     "has to consult.", "NZD"),
    ("AUCKLAND, May 3: The council will spend $40 million; councillors approved it.", "NZD"),
])
def test_council_currency_needs_its_country_in_scope(text: str, local: str | None) -> None:
    patterns = load_pattern_set()
    currencies = dollar_countries(patterns.lexicon("dollar_countries"), patterns.words("local_government_words"))
    assert currencies.local_currency(text) == local
