"""Numbers, currencies and units as real articles write them (sentences written for these tests)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from plancli.normalize.currencies import cldr_currencies, currency_families, dollar_countries
from plancli.normalize.numbers import parse_decimal, parse_fraction, parse_multiple, split_glued
from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.normalize.units import load_definitions, lookup_unit, unit_registry
from plancli.patterns import PatternError, load_pattern_set


def quantities(nlp, text):
    doc = nlp(text)
    return [(q.value, q.unit, q.unit_type, doc[q.start:q.end].text) for q in doc._.quantities]


# --- pure parsing ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1,000", 1000), ("2 500", 2500), ("40\u202f000", 40000), ("40\u00a0000", 40000), ("1\u200b000", 1000),
    ("10,00,000", 1_000_000), ("2.01", Decimal("2.01")), ("TWENTY-FIVE", 25), ("twenty-\nfive", 25),
    ("twelve thousand five hundred", 12500), ("one hundred eighty-two", 182), ("a million", 1_000_000),
    ("half a million", 500_000), ("one and a half million", 1_500_000),
])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["three four", "three and four", "9" * 400, "1e400", "", "parks"])
def test_not_a_number(text):
    assert parse_decimal(text) is None


@pytest.mark.parametrize("text, percent", [
    ("two-thirds", "66.67"), ("a quarter", "25"), ("half", "50"), ("one-third", "33.33"), ("three quarters", "75"),
])
def test_fraction_is_a_percentage(text, percent):
    assert parse_fraction(text) == Decimal(percent)


@pytest.mark.parametrize("text, times", [("16-fold", 16), ("six-fold", 6), ("tenfold", 10), ("double", 2), ("triple", 3)])
def test_multiple(text, times):
    assert parse_multiple(text) == Decimal(times)


@pytest.mark.parametrize("token, parts", [
    ("5bn", (None, "5", "bn")), ("KRW250.5", ("KRW", "250.5", None)), ("NT$35", ("NT$", "35", None)),
    ("RM5bn", ("RM", "5", "bn")), ("500Mbps", (None, "500", "Mbps")), ("161MtCO2e", (None, "161", "MtCO2e")),
])
def test_split_glued(token, parts):
    prefix, value, suffix = split_glued(token)
    assert (prefix, value, suffix) == (parts[0], Decimal(parts[1]), parts[2])


# --- currencies from CLDR -------------------------------------------------------------------

@pytest.mark.parametrize("symbol, code", [
    ("NT$", "TWD"), ("HK$", "HKD"), ("₩", "KRW"), ("₹", "INR"), ("R$", "BRL"), ("RM", "MYR"), ("A$", "AUD"),
    ("KRW", "KRW"), ("KES", "KES"), ("₦", "NGN"), ("¤", "XXX"), ("Rp", "IDR"), ("GH₵", "GHS"), ("₴", "UAH"),
])
def test_cldr_symbols(symbol, code):
    assert cldr_currencies().code_for_symbol(symbol) == code


@pytest.mark.parametrize("name, code", [
    ("Kenyan shillings", "KES"), ("Kenya shilling", "KES"), ("South Korean won", "KRW"), ("euros", "EUR"),
    ("Swiss francs", "CHF"), ("US dollars", "USD"),
])
def test_cldr_names(name, code):
    assert cldr_currencies().code_for_name(name) == code


def test_cldr_leaves_shared_symbols_to_the_lexicon():
    assert cldr_currencies().code_for_symbol("$") is None
    assert cldr_currencies().code_for_symbol("¥") is None


def test_every_former_hand_alias_still_resolves():
    from plancli.normalize.currencies import merged_currencies

    table = merged_currencies(load_pattern_set().lexicon("currencies"))
    for alias, code in [("US$", "USD"), ("AU$", "AUD"), ("HK$", "HKD"), ("€", "EUR"), ("£", "GBP"), ("¥", "CNY"),
                        ("$", "USD"), ("Rs", "INR"), ("S$", "SGD"), ("C$", "CAD"), ("R$", "BRL"), ("NT$", "TWD")]:
        assert table.code_for_symbol(alias) == code, alias
    for name, code in [("yuan", "CNY"), ("euros", "EUR"), ("won", "KRW"), ("Japanese yen", "JPY"),
                       ("Swiss francs", "CHF"), ("naira", "NGN"), ("rupees", "INR"), ("dollars", "USD")]:
        assert table.code_for_name(name) == code, name


@pytest.mark.parametrize("text, local", [
    ("Singapore will fund farms. Singapore's ministry said Singapore aims high.", "SGD"),
    ("Canada's budget: Ontario and Canada agree. Canada builds homes.", "CAD"),
    ("The US and America said the United States will spend. Canada agreed.", None),
    ("Singapore and Australia and Canada met.", None),
])
def test_local_dollar_needs_clear_dominance(text, local):
    lexicon = load_pattern_set().lexicon("dollar_countries")
    assert dollar_countries(lexicon).local_currency(text) == local


@pytest.mark.parametrize("head, members, outsiders", [
    ("dollar", {"USD", "SGD", "AUD", "CAD", "HKD", "NZD", "TWD"}, {"EUR", "INR"}),
    ("rupee", {"INR", "PKR", "LKR", "NPR", "MUR"}, {"IDR", "USD"}),
    ("peso", {"MXN", "PHP", "COP", "CLP", "ARS"}, {"BRL"}),
    ("shilling", {"KES", "UGX", "TZS"}, {"ZAR"}),
    ("pound", {"GBP", "EGP"}, {"EUR"}),
])
def test_currency_families_come_from_cldr_names(head, members, outsiders):
    family = currency_families(cldr_currencies(), [head])[head]
    assert members <= family and not outsiders & family


# Articles written for the tests: a shared currency word is the local currency where the country clearly dominates.
@pytest.mark.parametrize("text, unit", [
    ("Pakistan will spend Rs 500 billion on new dams by 2025, Pakistani officials in Islamabad said.", "PKR"),
    ("India will spend Rs 500 crore on new dams by 2025.", "INR"),
    ("The state will spend Rs 500 crore on new dams by 2025.", "INR"),
    ("Sri Lanka plans to raise 80 billion rupees by 2026, Sri Lankan officials in Colombo said.", "LKR"),
    ("Mexico will invest 722 billion pesos in rail by 2030.", "MXN"),
    ("The Philippines will spend 5 billion pesos on ports by 2026, Manila said, as the Philippines grows.", "PHP"),
    ("Kenya aims to raise 10 billion shillings by 2025.", "KES"),
    ("Uganda will spend 10 billion shillings on roads by 2025, Ugandan officials in Kampala said.", "UGX"),
    ("Egypt will spend 10 billion pounds on roads by 2030, officials in Cairo said, as Egypt grows.", "EGP"),
    ("Britain will spend 10 billion pounds on roads by 2030.", "GBP"),
    ("Singapore will spend $5 billion on farms by 2030, Singaporean officials said, as Singapore grows.", "SGD"),
])
def test_shared_currency_words_resolve_by_country(nlp, text, unit):
    assert [q[1] for q in quantities(nlp, text)] == [unit]


# --- units from pint ------------------------------------------------------------------------

@pytest.mark.parametrize("surface, unit", [
    ("MtCO2e", "MtCO2e"), ("GtCO2e", "GtCO2e"), ("Mtoe", "Mtoe"), ("Mtce", "Mtce"), ("Mbps", "Mbps"),
    ("megawatts", "megawatt"), ("circuit kilometres", "circuit_kilometer"), ("megavolt-amperes", "megavolt_ampere"),
    ("MVA", "MVA"), ("kV", "kV"), ("µg/m³", "µg/m**3"), ("MW/MWh", "MW/MWh"), ("kWh/m2", "kWh/m**2"),
    ("L/100 km", "l/100 km"), ("square miles", "square_mile"), ("PE", "PE"), ("jin", "jin"),
])
def test_pint_units(surface, unit):
    assert lookup_unit(surface) == unit


@pytest.mark.parametrize("surface", ["in", "at", "a", "m", "mw", "are", "points", "sections", "turns", "EV", "years",
                                     "parks", "homes", "MW/40MWh"])
def test_words_that_are_not_units(surface):
    assert lookup_unit(surface) is None


# --- quantities in sentences ----------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, unit_type", [
    ("The county will build 2 500 rural homes by 2027.", 2500, "home", "count"),
    ("The plan adds 40\u202f000 hospital beds.", 40000, "bed", "count"),
    ("Output will reach 4.7m tonnes next year.", 4_700_000, "tonne", "unit"),
    ("The state spent $231bn on roads.", 231e9, "USD", "currency"),
    ("The board approved Rs 30 cr for the scheme.", 3e8, "INR", "currency"),
    ("Loans will total 3 mln yuan.", 3e6, "CNY", "currency"),
    ("Assets reached Rs 2.5 lakh crore last year.", 2.5e12, "INR", "currency"),
    ("Reserves reached 1.2 tn yuan.", 1.2e12, "CNY", "currency"),
    ("Pension assets reached 1.3 quadrillion won.", 1.3e15, "KRW", "currency"),
    ("THE PORT WILL HANDLE TWELVE THOUSAND FIVE HUNDRED TONS A DAY.", 12500, "tonne", "unit"),
    ("The act funds thirty-\nfive new clinics.", 35, "clinic", "count"),
    ("The government will invest $9.8\nbillion in grids.", 9.8e9, "USD", "currency"),
    ("The province will add  34.8  gigawatts  of solar.", 34.8, "GW", "unit"),
    ("Some 30 per\ncent of households rent.", 30, "percent", "percent"),
    ("The city will plant 4\u200b000 trees.", 4000, "tree", "count"),
    ("The town will build 1950 parks by 2030.", 1950, "park", "count"),
    ("The scheme funds the solarisation of 2000 rural schools.", 2000, "school", "count"),
    ("The state plans 6 IT parks.", 6, "park", "count"),
    ("The county has 4 forest parks, 1 national urban forest park and more.", 1, "park", "count"),
    ("The budget is KRW250.5 billion.", 250.5e9, "KRW", "currency"),
    ("Taipei set aside NT$35 billion for rail.", 35e9, "TWD", "currency"),
    ("The bank lent HK$75 billion.", 75e9, "HKD", "currency"),
    ("The agency received S$5 million.", 5e6, "SGD", "currency"),
    ("The utility raised RM5bn in bonds.", 5e9, "MYR", "currency"),
    ("The regulator paid out N12.5 billion to generators.", 12.5e9, "NGN", "currency"),
    ("The loan was 20.2 billion Kenya shillings.", 20.2e9, "KES", "currency"),
    ("The club was sold for 5 million pounds.", 5e6, "GBP", "currency"),
    ("Farmers sold 5 pounds of beef.", 5, "lb", "unit"),
    ("Each panel weighs about 40 pounds.", 40, "lb", "unit"),
    ("The council will spend 40 pounds per resident.", 40, "GBP", "currency"),
    ("Emissions will fall to 161 MtCO2e by 2030.", 161, "MtCO2e", "unit"),
    ("The download rate will reach 500Mbps.", 500, "Mbps", "unit"),
    ("The average is 35 µg/m³ this year.", 35, "microgram / m**3", "unit"),
    ("Fuel use will fall to 5 L/100 km.", 5, "l/100 km", "unit"),
    ("The plant reached 40 kWh/m2 of yield.", 40, "kWh / m**2", "unit"),
    ("Lines of 9,136  circuit  kilometres were built.", 9136, "circuit_kilometer", "unit"),
    ("The city will open eight new medical colleges.", 8, "college", "count"),
    ("Solar will supply two-thirds of the region's power.", 66.67, "percent", "percent"),
    ("Coal now provides half the country's electricity.", 50, "percent", "percent"),
    ("The firm cut coal capacity by a quarter.", 25, "percent", "percent"),
    ("Wind capacity grew 12-fold in a decade.", 12, "times", "multiple"),
    ("Spending is more than double the previous budget.", 2, "times", "multiple"),
    ("The agency will build more than 4,500 new\nrental flats.", 4500, "flat", "count"),
    ("The scheme reached 2.2  million  small  biogas  plants.", 2_200_000, "plant", "count"),
    ("The grid spans  seven  additional  provinces.", 7, "province", "count"),
    ("The forests will absorb 1.5–2 GtCO2e by 2035.", 1.5, "GtCO2e", "unit"),
])
def test_number_forms(nlp, text, value, unit, unit_type):
    found = quantities(nlp, text)
    assert any(abs(v - value) <= 1e-9 * max(1, abs(value)) and u == unit and t == unit_type
               for v, u, t, _ in found), found


@pytest.mark.parametrize("text", [
    "The summit opens at COP30 in the capital.",
    "The pledge was made at COP 26 in Glasgow.",
    "The G20 met in 2024.",
    "The city has two driving forces.",
    "In the second half of 2025 the plan starts.",
    "The mayor won a third term.",
    "The council meets three times a year.",
    "The party plans to double the programme.",
    "The 100m sprint was held.",
    "Only 14 are operating.",
    "It was the top 10 EV maker.",
])
def test_not_quantities(nlp, text):
    found = [q for q in quantities(nlp, text) if q[2] != "rank"]
    assert not [q for q in found if q[1] in {"COP", "G", "times", "percent", "are", "EV", "force", "term"}
                or q[3].startswith(("100m", "second half", "third"))], found


def test_exact_decimal_values():
    import plancli

    records = plancli.extract("The city will invest 2.01 billion yuan in transit by 2025.")
    assert [r.to_dict()["value"] for r in records] == [2010000000]


def test_hostile_numbers_never_break(nlp):
    assert quantities(nlp, "5-6-" * 247) == []  # no RecursionError
    doc = nlp("The fund will hold " + "9" * 400 + " yuan.")
    assert all(q.value < 1e19 for q in doc._.quantities)
    assert json.dumps([q.value for q in doc._.quantities], allow_nan=False)


def test_local_dollar_in_a_local_article(nlp):
    text = ("Singapore unveils farm fund\nSingapore will set up a $60 million fund for farms. "
            "The Singapore Food Agency said Singapore farms will benefit.")
    assert ("SGD" in {q[1] for q in quantities(nlp, text)})
    text = "The White House said the US will spend $60 million. Canada welcomed the US plan."
    assert ("USD" in {q[1] for q in quantities(nlp, text)})


def test_range_in_one_token(nlp):
    assert quantities(nlp, "Cut emissions by 35–40% by 2030.")[0][:3] == (35, "percent", "percent")
    doc = nlp("Cut emissions by 35–40% by 2030.")
    assert doc._.quantities[0].value_max == 40
    assert quantities(nlp, "During 2021–2025 the plan ran.") == []


def test_from_the_current_level_is_no_range(nlp):
    found = quantities(nlp, "Raise the share from the current 41 percent to 75 percent by 2030.")
    assert [(v, u) for v, u, _, _ in found] == [(41, "percent"), (75, "percent")]


def test_markdown_heading_is_not_a_number_sign(nlp):
    assert quantities(nlp, "## 9 GW of wind is being built")[0][:2] == (9, "GW")
    assert quantities(nlp, "The city ranked #3 in the country.") == []


@pytest.mark.parametrize("text, low, high, unit", [
    ("The fund will lend €10-€15 billion.", 10e9, 15e9, "EUR"),
    ("The budget is between €10 billion and €15 billion.", 10e9, 15e9, "EUR"),
    ("The bank will lend 40 billion naira and 25 billion Japanese yen.", 40e9, None, "NGN"),
])
def test_cldr_currencies_in_sentences(nlp, text, low, high, unit):
    doc = nlp(text)
    first = doc._.quantities[0]
    assert (first.value, first.value_max, first.unit) == (low, high, unit)


def test_two_units_in_one_token(nlp):
    found = quantities(nlp, "The site gets a 50MW/200MWh battery.")
    assert [(v, u) for v, u, _, _ in found] == [(50, "MW"), (200, "MWh")]


def test_coordinated_count_stops_at_the_next_number(nlp):
    found = quantities(nlp, "The state will set up 12 IT parks and three new incubators.")
    assert [(v, u, text) for v, u, _, text in found] == [(12, "park", "12 IT parks"), (3, "incubator", "three new incubators")]


def test_range_with_the_hyphen_on_the_second_number(nlp):
    doc = nlp("Returns are 3.10%-3.60% a year.")
    assert [(q.value, q.value_max) for q in doc._.quantities] == [(3.1, 3.6)]


def test_bad_unit_definition_names_file_and_line(tmp_path):
    path = tmp_path / "units.txt"
    path.write_text("# comment\nwidget = 3 kilogram = wg\ngadget = 3 nosuchunit\n", encoding="utf-8")
    import pint

    with pytest.raises(PatternError, match=r"units.txt:3: bad unit definition"):
        load_definitions(pint.UnitRegistry(on_redefinition="ignore"), path)


def test_project_definitions_load():
    registry = unit_registry()
    assert str(registry.parse_units("MtCO2e")) == "megatonne_of_CO2_equivalent"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,. \u00a0\u202f\u200b-abcdefghijklmnopqrstuvwxyzMBGTkm$€£¥₹₩", max_size=30))
def test_parsing_never_gives_a_non_finite_or_huge_value(text):
    for parse in (parse_decimal, parse_fraction, parse_multiple):
        value = parse(text)
        assert value is None or (value.is_finite() and abs(value) <= Decimal(10) ** 18)
    glued = split_glued(text)
    assert glued is None or glued[1].is_finite()
