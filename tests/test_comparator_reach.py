"""Comparators that reach a figure from outside its own words, and durations that measure something.

Sentences written for these tests in the genre (plan and budget news); each row names one figure and the
comparator it must carry.
"""

from __future__ import annotations

import pytest


def _figure(nlp, text: str, value: float, unit: str):
    doc = nlp(text)
    hits = [q for q in doc._.quantities if abs(q.value - value) <= 1e-9 * max(1.0, abs(value)) and q.unit == unit]
    assert hits, f"{value} {unit} not found in {text!r}: {[(q.value, q.unit) for q in doc._.quantities]}"
    return hits[0], doc


@pytest.mark.parametrize("text, value, unit, comparator", [
    # filler words between the comparator and the number
    ("The agency will tender up to an additional 400MW of wind capacity.", 400, "MW", "<="),
    ("Electric cars should reach about a 35% share of new sales by 2032.", 35, "percent", "~"),
    ("Wheat must be sown at least in 9 lakh hectares this season.", 900000, "hectare", ">="),
    ("The strategy aims to lower the jobless rate every year at least by 2 percent.", 2, "percent", ">="),
    ("The port plans more than a further 3 million tonnes of capacity.", 3_000_000, "tonne", ">"),
    # a bound set off by commas after the counted noun
    ("The provinces must deliver 250,000 new homes, at minimum, by 2031.", 250_000, "home", ">="),
    ("The fund will cover 1,200 schools, at most, in its first phase.", 1200, "school", "<="),
    # one comparator before two figures joined by "and"
    ("Exports should exceed 40 billion yuan and 48 billion yuan respectively in 2026 and 2027.", 48e9, "CNY", ">"),
    ("The grid operator expects around 3 million heat pumps and 1 million chargers by 2035.", 1_000_000, "charger",
     "~"),
    ("Reviews may not exceed 18 months for new mines and 9 months for expansions.", 9, "month", "<="),
    # verbs of reaching
    ("Annual sales are expected to top 2 million units within three years.", 2_000_000, "unit", ">"),
    ("The mill aims to go up to 800,000 tonnes a year.", 800_000, "tonne", "="),
])
def test_comparator_reaches_the_figure(nlp, text, value, unit, comparator) -> None:
    quantity, _ = _figure(nlp, text, value, unit)
    assert quantity.comparator == comparator


@pytest.mark.parametrize("text, value, unit", [
    # a comma list keeps its later members bare: writers repeat the bound when they mean it
    ("The maker wants EVs at more than 60 percent of sales in Europe, 45 percent in Asia, and 30 percent in Africa.",
     45, "percent"),
    ("The maker wants EVs at more than 60 percent of sales in Europe, 45 percent in Asia, and 30 percent in Africa.",
     30, "percent"),
    # another clause is no list
    ("Revenue rose to more than 500 billion yuan, while 30 new parks opened.", 30, "park"),
])
def test_comparator_stays_with_its_own_figure(nlp, text, value, unit) -> None:
    quantity, _ = _figure(nlp, text, value, unit)
    assert quantity.comparator == "="


@pytest.mark.parametrize("text, value, unit", [
    ("The central bank aims to lift reserves to 5.5 months of import cover by 2027.", 5.5, "month"),
    ("Reserves stood at 4 months import cover in June.", 4, "month"),
    ("Households face about 9 hours of power cuts a day.", 9, "hour"),
])
def test_duration_that_measures_is_a_quantity(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


def test_relative_dates_stay_no_quantities(nlp) -> None:
    doc = nlp("The rules apply within 12 months of the launch.")
    assert not [q for q in doc._.quantities if q.unit == "month"]


@pytest.mark.parametrize("text, value, unit", [
    ("The agency has handed over 30,000 homes since 2021. Another 12,000 are under construction.", 12_000, "home"),
    ("The program will grow to more than 4,000 homes, with over 1,500 already occupied.", 1500, "home"),
])
def test_elided_count_takes_the_unit_before(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


@pytest.mark.parametrize("text", [
    "Our outlays for these two months from the general fund came to a record.",
    "The reforms of the last six, seven, eight months will pay off.",
    "We are four months in and not a single clinic has opened.",
    "Five days after the launch, the council approved the budget.",
    "The ministry set the rules two weeks ago.",
])
def test_durations_that_name_a_time_are_no_quantities(nlp, text) -> None:
    doc = nlp(text)
    assert not [q for q in doc._.quantities if q.unit in {"day", "week", "month"}]


def test_duration_of_work_stays_a_quantity(nlp) -> None:
    _figure(nlp, "The new bridge will take 18 months to build.", 18, "month")


@pytest.mark.parametrize("text, value, unit", [
    ("The tourism drive aims to create around one and a half million jobs by 2027.", 1_500_000, "job"),
    ("The board will build two and a half thousand homes.", 2500, "home"),
])
def test_and_a_half_joins_the_scale(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


def test_subject_after_the_total_counts_the_bare_level(nlp) -> None:
    text = "By the end of 2027, the total scale of charging piles in the county will reach 90,000."
    _figure(nlp, text, 90_000, "pile")


def test_a_minimum_targets_lead_in_bounds_its_list() -> None:
    import plancli

    text = ("Recycled content\n\nFor glass packaging, the rules set the following minimum recycled content targets, "
            "to be met by 2031:\n\n- 40% for bottles;\n- 25% for jars.\n\nThe fund will spend 300 million euros.\n")
    records = {r.text: r for r in plancli.extract(text, published="2024-03-01")}
    assert records["40%"].comparator == ">="
    assert records["25%"].comparator == ">="
    assert records["300 million euros"].comparator == "="


@pytest.mark.parametrize("text, value, unit", [
    ("What we achieved\n\n  • Supported 900 tenants to fix damp homes.\n  • Brought 214 empty properties back into use.",
     214, "property"),
    ("Highlights:\n- Delivered 450 affordable homes\n- Opened 12 new clinics", 12, "clinic"),
])
def test_list_item_verb_before_a_number_is_no_name(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


def test_name_with_a_number_inside_a_line_stays_a_name(nlp) -> None:
    doc = nlp("The airline ordered more Boeing 737 jets.")
    assert not doc._.quantities


@pytest.mark.parametrize("text, value, unit", [
    ("Schools plan, 1900 classrooms by September.", 1900, "classroom"),
])
def test_year_like_count_after_a_comma_counts(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


@pytest.mark.parametrize("text", ["In March, 2024 saw record sales.", "By June, 2025 targets were set."])
def test_year_after_a_comma_stays_a_year(nlp, text) -> None:
    assert not nlp(text)._.quantities


@pytest.mark.parametrize("text, value, unit", [
    ("The scheme funds 3,500 ‘Cost Rental’ homes this year.", 3500, "home"),
    ("The city will open 30 “Smart Health” clinics.", 30, "clinic"),
])
def test_quoted_name_before_the_counted_noun(nlp, text, value, unit) -> None:
    _figure(nlp, text, value, unit)


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("Our promise is that no working family should pay more than 30 per cent of its income on rent.", 30, "percent",
     "<="),
    ("Fees should not rise above 4 percent a year.", 4, "percent", "<="),
    ("The reserve ratio must not fall below 12 percent.", 12, "percent", ">="),
    ("The plan not only adds more than 800 homes but also 20 parks.", 800, "home", ">"),
    ("Exports grew more than 9 percent last year.", 9, "percent", ">"),
])
def test_negation_turns_the_bound_over(nlp, text, value, unit, comparator) -> None:
    quantity, _ = _figure(nlp, text, value, unit)
    assert quantity.comparator == comparator


@pytest.mark.parametrize("text", [
    "The strategy sets five key priority areas for the decade.",
    "The province will pursue the four modernizations.",
])
def test_spelled_enumeration_with_a_modifier_is_no_count(nlp, text) -> None:
    assert not nlp(text)._.quantities


def test_spelled_count_of_new_things_still_counts(nlp) -> None:
    _figure(nlp, "The plan will build five new hospitals.", 5, "hospital")
