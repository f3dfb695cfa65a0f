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
    # a fraction of a scale word
    ("a quarter-million", 250_000), ("quarter million", 250_000), ("three-quarters of a million", 750_000),
    ("two-thirds of a billion", 666_666_667), ("a half-million", 500_000),
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
    # a place in the headline weighs like a dateline: a provincial budget story names its province twice
    ("Manitoba posts smaller deficit as revenues climb\n\nThe deficit fell to $200 million, Manitoba said.", "CAD"),
    ("Spending rises again\n\nThe deficit fell to $200 million, Manitoba said.", None),
    # ... but a one-line text or a lead sentence is no headline, and a US state weighs for the US
    ("Manitoba and Manitoba's deficit fell to $200 million.", None),
    ("Manitoba's deficit fell to $200 million last year.\nThe minister, Manitoba said, is pleased.", None),
    ("Quebec's transit push offers a model for Ohio\n\nOhio will spend $1.4 billion on buses.", None),
    # a dateline in another country outweighs the headline's place
    ("Lessons from Alberta for a hotter summer\n\nSYDNEY, May 3: The state will spend $2 billion.", "AUD"),
    # a country's cities count for it ("Calgary" is Canadian) ... but a city named once beside another country is none
    ("Calgary council backs $2 billion transit plan\n\nCalgary councillors voted 9-4, Calgary's mayor said.", "CAD"),
    ("Texas firm opens office\n\nThe Texas company, with a Calgary branch, will spend $2 billion in the US.", None),
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
    # emission intensities: the mass without its gas; a one-letter symbol over a denominator
    ("g CO2/kWh", "g/kWh"), ("gCO2e/km", "g/km"), ("kg CO₂/MWh", "kg/MWh"), ("t/ha", "t/ha"),
])
def test_pint_units(surface, unit):
    assert lookup_unit(surface) == unit


@pytest.mark.parametrize("surface", ["in", "at", "a", "m", "mw", "are", "points", "sections", "turns", "EV", "years",
                                     "parks", "homes", "MW/40MWh", "Gu", "Mu", "Tu"])
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
    ("The utility will buy the gas plants for P12 billion.", 12e9, "PHP", "currency"),
    ("The loan was 20.2 billion Kenya shillings.", 20.2e9, "KES", "currency"),
    ("The club was sold for 5 million pounds.", 5e6, "GBP", "currency"),
    ("Farmers sold 5 pounds of beef.", 5, "lb", "unit"),
    ("Each panel weighs about 40 pounds.", 40, "lb", "unit"),
    ("The council will spend 40 pounds per resident.", 40, "GBP", "currency"),
    ("Emissions will fall to 161 MtCO2e by 2030.", 161, "MtCO2e", "unit"),
    ("The download rate will reach 500Mbps.", 500, "Mbps", "unit"),
    ("The average is 35 µg/m³ this year.", 35, "microgram / meter ** 3", "unit"),  # pint writes compounds
    ("Fuel use will fall to 5 L/100 km.", 5, "l/100 km", "unit"),
    ("The plant reached 40 kWh/m2 of yield.", 40, "kilowatt_hour / meter ** 2", "unit"),
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
    # Counted nouns, units and bare numbers as real news writes them.
    # A vague head noun keeps the noun before it; adjectives and "new" do not join.
    ("The utility will fit 300,000 air-source heat pumps by 2028.", 300_000, "heat pump", "count"),
    ("The regulator wants half a million new heat pumps a year.", 500_000, "heat pump", "count"),
    ("The ministry will build half million rural homes next year.", 500_000, "home", "count"),
    ("The university will add 500 degree programmes by 2028.", 500, "programme", "count"),
    ("The miner wants to lift output to more than 120,000t by the end of 2027.", 120_000, "tonne", "unit"),
    ("The carrier will add 8,000 new base stations next year.", 8000, "base station", "count"),
    ("The town will open 6 hawker centres by 2029.", 6, "hawker centre", "count"),
    ("The motorway will get 25 service areas.", 25, "service area", "count"),
    ("The county installed 1,200 public charging stations.", 1200, "charging station", "count"),
    ("The board plans 14 regional centres.", 14, "centre", "count"),
    ("The plan adds 40 modern stations.", 40, "station", "count"),
    ("The state will fund 9 multi-purpose centres.", 9, "multi-purpose centre", "count"),
    # A plural word that modifies the counted noun.
    ("The district hosted 12 e-sports projects in 2024.", 12, "project", "count"),
    ("The port will add 30 goods trains a week.", 30, "train", "count"),
    # A suspended hyphen in the noun phrase.
    ("The fund will back 800 small- and medium-sized firms by 2027.", 800, "firm", "count"),
    ("The county will build 1,200 low- and middle-income homes.", 1200, "home", "count"),
    # Counted nouns named in capitals, in a headline or a programme's name.
    ("TOWN TO OPEN 45 NEW CLINICS BY 2028", 45, "clinic", "count"),
    ("WHY THE BANK LENT N80 BILLION TO 31 POWER FIRMS", 31, "firm", "count"),
    ("Province Opens 48 Solar Parks In Two Years", 48, "park", "count"),
    ("The city will sell 2,400 Land Trust lots by 2027.", 2400, "lot", "count"),
    ("Officials said 900,000 Senior Gold Card holders qualify.", 900_000, "holder", "count"),
    ("Capital Now Has 150,000 Electric Vehicle Charging Posts", 150_000, "charging post", "count"),
    ("The agency will deliver 20 000 Social Housing units by 2030.", 20_000, "unit", "count"),
    # A part of a counted whole.
    ("Officials said 7 of the 9 new hospitals are finished.", 7, "hospital", "count"),
    ("The utility must restart all 21 of its idle coal plants.", 21, "plant", "count"),
    ("Floods hit 130 of the province's 210 districts.", 130, "district", "count"),
    # A bare number after a linker counts what the quantity before it counts.
    ("The island had 45,000 electric cars in 2025, up from 9,000 in 2021.", 9000, "car", "count"),
    ("The bank plans to lift lending from 2,500 farmers last year to 40,000 by 2030.", 40_000, "farmer", "count"),
    ("Some 3.2 million people had coverage, an increase of 410,000 on the year.", 410_000, "person", "count"),
    # a rate restating a total counts the same things
    ("The agency will fit 1.5 million heat pumps by 2030, or 300,000 per year.", 300_000, "heat pump", "count"),
    ("The board funds 8,000 new flats as it aims to build 20,000 a year.", 20_000, "flat", "count"),
    ("Sixty new libraries will open, taking the total to 780.", 780, "library", "count"),
    ("The agency will connect 40 million homes, and its partners a further 12 million.", 12_000_000, "home",
     "count"),
    ("The plant added 600 MW, against 450 a year earlier.", 450, "MW", "unit"),
    ("Revenue rose to $8 billion from 6.5 billion.", 6.5e9, "USD", "currency"),
    # "from X to Y unit": the baseline takes the level's unit and scale.
    ("Forest cover will rise from 24 to 30 percent by 2035.", 24, "percent", "percent"),
    ("The network will grow from 1.8 to 2.6 million users.", 1_800_000, "user", "count"),
    ("Capacity rose from 300 to 520 MW last year.", 300, "MW", "unit"),
    # A growth rate without its percent sign, right after "growth (rate) of".
    ("The plan assumes annual growth of 7.4 for the next decade.", 7.4, "percent", "percent"),
    ("The board set a growth rate of 6.5 in 2026.", 6.5, "percent", "percent"),
    # Scale words hyphenated to the number, units pint lacks, a percent after a year-like range.
    ("The province unveiled a $2.4-billion transit plan.", 2.4e9, "USD", "currency"),
    ("The state will attract Rs 12,000-crore in new investment.", 1.2e11, "INR", "currency"),
    ("The cabinet cleared a ₹2,400-cr irrigation package.", 2.4e10, "INR", "currency"),
    ("Arsenic must stay below 10 parts per billion.", 10, "ppb", "unit"),
    ("The centre will offer 800 PFLOPS of computing power.", 800, "PFLOPS", "unit"),
    ("Carmaker unveils roadmap to 2035 - 40% of output to be electric", 40, "percent", "percent"),
    ("The region counts roughly 8-million residents.", 8_000_000, "resident", "count"),
    ("The scheme lights 1500 Rural Health Centres.", 1500, "health centre", "count"),
    ("The number of schools opened since 1998 reached a total of 640.", 640, "school", "count"),
    ("Some 5 million homes now have fibre, against 2 million earlier.", 2_000_000, "home", "count"),
    ("The port is already among the country's top 5 container hubs.", 5, "rank", "rank"),
    # Currencies English-language news in Ghana, the Philippines, Tanzania and Uganda writes.
    ("The ministry will release GH¢1.8 billion for roads.", 1.8e9, "GHS", "currency"),
    ("The board approved 600 million cedis for schools.", 6e8, "GHS", "currency"),
    ("The city set aside PHP 4 billion for flood control.", 4e9, "PHP", "currency"),
    ("The agency will spend Php2.5 billion on classrooms.", 2.5e9, "PHP", "currency"),
    ("The council will spend TSh 900 billion on water.", 9e11, "TZS", "currency"),
    ("The ministry allocated USh3 trillion to roads.", 3e12, "UGX", "currency"),
    ("The county will spend Sh4.2 billion on boreholes.", 4.2e9, "KES", "currency"),
    # Energy-trade units: million tonnes, per annum, peak watts, gas volumes, mega- and gigatonnes.
    ("The refinery will process 12 MMT of crude a year by 2030.", 12, "Mt", "unit"),
    ("The terminal will load 5 MTPA of LNG from 2027.", 5, "Mt/year", "unit"),
    ("The pipeline will move 10 bcm of gas a year.", 10, "bcm", "unit"),
    ("The solar park will add 750 MWp by 2026.", 750, "MW", "unit"),
    ("Forests will absorb 30 megatonnes of CO2 by 2040.", 30, "Mt", "unit"),
    # "one in five", "nine in 10": a share; "N out of M nouns": a count of the nouns.
    ("The city wants one in four trips made by bike by 2030.", 25, "percent", "percent"),
    ("Nine in 10 homes will have fibre by 2028.", 90, "percent", "percent"),
    ("So far 18 out of 30 districts have met the goal.", 18, "district", "count"),
    ("Health and education: 27 of 31 programmes under way.", 27, "programme", "count"),
    # A list of modifiers before one noun, a hyphenated noun ending in a particle, a disease before its patients.
    ("The agency will train 12,000 micro, small and medium firms by 2028.", 12_000, "firm", "count"),
    ("The hub will host 800 start-up companies.", 800, "company", "count"),
    ("The county will open 15 walk-in clinics for youths.", 15, "clinic", "count"),
    ("Clinics will screen 90,000 diabetes patients a year.", 90_000, "patient", "count"),
    ("Health workers logged 5,000 measles cases last year.", 5000, "case", "count"),
    ("The corridor is to create 40,000 job opportunities.", 40_000, "job opportunity", "count"),
    ("The utility will fit 30,000 off-grid solar home systems.", 30_000, "system", "count"),
    ("The lake now has 6 on-water rescue stations.", 6, "rescue station", "count"),
    ("The number of all-electric bus depots will reach 12.", 12, "depot", "count"),
    ("The region runs 40 mills, 9 of which are rice mills.", 9, "mill", "count"),
    ("The operator will add 3,000 5G-A base stations.", 3000, "base station", "count"),
    ("The school bought 25 3D printers.", 25, "printer", "count"),
    ("Banks issued 4 crore FASTags in a year.", 4e7, "fastag", "count"),
    # A part of a measured whole takes its unit; an age is a level in years.
    ("Wind reached 8.2 of the 9 GW planned (a 91% share).", 8.2, "GW", "unit"),
    ("Solar is ahead (3.4 of 3 GW), hydro behind.", 3.4, "GW", "unit"),
    ("The plan will raise life expectancy to 74 years by 2030.", 74, "year", "unit"),
    ("The bill lifts the pension age from 65 years to 67 years.", 65, "year", "unit"),
    # A flattened web table runs a cell's percent into the word before it.
    ("Goal 2030 Progress\n40% cut in water use per tonne7% cut in water use per tonne", 7, "percent", "percent"),
    # A capitalised dateline names the country whose currency a shared word means.
    ("COLOMBO, March 3: The cabinet approved a plan worth Rs 2.5 trillion.", 2.5e12, "LKR", "currency"),
    ("KATHMANDU, June 2 - The government set aside Rs 40 billion for roads.", 4e10, "NPR", "currency"),
    # Warming written in degrees is a temperature, not a count of degrees.
    ("The accord seeks to hold warming to 2 degrees.", 2, "degC", "unit"),
    ("Leaders pledged to keep the 1.5 degrees Celsius goal in reach.", 1.5, "degC", "unit"),
    # Gulf dirhams as the local press writes them, and "trln" for trillion.
    ("The plan will lift non-oil trade to Dhs4 trillion.", 4e12, "AED", "currency"),
    ("The emirate set aside Dh 450 million for schools.", 4.5e8, "AED", "currency"),
    ("Investors pledged $2trln for the transition.", 2e12, "USD", "currency"),
    # A counted noun in quotes; a number word in quoted speech still counts.
    ('The county will build 20,000 "affordable flats" by 2028.', 20000, "flat", "count"),
    ("The county will build 20,000 «affordable flats» by 2028.", 20000, "flat", "count"),
    ("The county will build 20,000 ‘affordable flats’ by 2028.", 20000, "flat", "count"),
    ('"We will open ten new libraries by 2027," the governor said.', 10, "library", "count"),
    ("The agency will train 8,000 skilled human resources by 2027.", 8000, "human resource", "count"),
    ("The council will install 6,000 charging points on streets by 2028.", 6000, "charging point", "count"),
    ("The number of collection points will grow to 1,200.", 1200, "collection point", "count"),
    # "X numbers" counts X
    ("The strategy aims to double visitor numbers to 30 million by 2030.", 3e7, "visitor", "count"),
    ("The district expects nearly a quarter-million new saplings by 2029.", 250_000, "sapling", "count"),
    ("Crews will lay three-quarters of a million solar panels.", 750_000, "solar panel", "count"),
    ("The grid aims for less than 150g CO2/kWh by 2030.", 150, "g/kWh", "unit"),
    ("Fleet emissions stood at 118 g CO2e/km last year.", 118, "g/km", "unit"),
    ("The road scheme will generate 25 lakh person-days of work.", 2.5e6, "person-day", "count"),
    ("The council approved a grant of £5.4m.", 5.4e6, "GBP", "currency"),
    ("The camp holds three to four thousand families.", 3000, "family", "count"),
    ("The minister said on Tuesday 40 firms had joined the scheme.", 40, "firm", "count"),
    # an intensity of a mass in a mass is the mass; other rates keep their denominator
    ("The mill aims for under 450 kg per tonne of clinker by 2030.", 450, "kg", "unit"),
    ("The field will pump 80,000 barrels per day.", 80_000, "barrel/day", "unit"),  # a rate over time
    ("The plant treats 2.5 million tonnes per day.", 2.5e6, "tonne/day", "unit"),
    ("The basin yields 5 tonnes per hectare.", 5, "metric_ton / hectare", "unit"),  # pint writes other rates
    ("The refinery will process 1.2 million bpd by 2028.", 1.2e6, "barrel/day", "unit"),
    ("Food aid will supply 2,100 kilocalories a day to each person.", 2100, "kcal", "unit"),
    ("The plant's capacity reached 166 mega watts.", 166, "MW", "unit"),
    ("Each ration holds 1,800 Calories.", 1800, "kcal", "unit"),
    ("Output averaged 650,000 b/d last year.", 650_000, "barrel/day", "unit"),
    ("The BPD hired 40 officers last year.", 40, "officer", "count"),  # the capital letters are no unit
    ("It bought a stake in a college in Hunan for 85 million yuan in May.", 8.5e7, "CNY", "currency"),
    ("The solar parks will create 4,500 job years for young people.", 4500, "job-year", "count"),
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
    "Pupils in grade P5 sit the exam.",  # a currency letter reads as money only before a scale word
    "The report was delivered on January 14, 2025\nGu Kun, Mayor of the City",  # a name, no giga-dalton
])
def test_not_quantities(nlp, text):
    found = [q for q in quantities(nlp, text) if q[2] != "rank"]
    assert not [q for q in found if q[1] in {"COP", "G", "times", "percent", "are", "EV", "force", "term"}
                or q[3].startswith(("100m", "second half", "third"))], found


@pytest.mark.parametrize("text, unit", [
    ("Governor pledges 4.2bn for rail\n\nThe governor pledged $4.2 billion for new rail lines.", "USD"),
    ("Region to hit 1.5m visitors\n\nThe region expects 1.5 million visitors by 2030.", "visitor"),
    ("Council approved 2.5bn plan\n\nThe council approved a plan for 300 homes.", None),
    ("Minister: we must deliver 145,000\n\nThe plan promises 145,000 homes by 2030.", "home"),
    ("Minister: we must deliver 1,000\n\nThe plan promises 1,000 homes by 2030.", None),
])
def test_a_scaled_figure_without_unit_takes_the_unit_of_its_repeat(nlp, text, unit):
    headline = text.split("\n")[0]
    found = [q for q in quantities(nlp, text) if q[3] in headline]
    assert [q[1] for q in found] == ([unit] if unit else []), found


@pytest.mark.parametrize("text, value", [
    ("Executive Order Twenty-Two sets a target for the state.", 22),
    ("Three states beat their 2020 renewables target, the agency said.", 2020),
    ("Ten cities missed the 2025 emissions goal.", 2025),
    ("Under Proposition Fifty, the city will plant trees.", 50),
    ("Signed in May, EO Thirty-One sets the state on a new path.", 31),
    ("The Sola 3 and 4 wind farms will add power next year.", 4),
    ("Works on Phase 1 and 2 of the ring road resumed.", 2),
    ("The operator restarted Units 5 & 6 in May.", 6),
])
def test_numbered_names_are_no_quantities(nlp, text, value):
    assert not [q for q in quantities(nlp, text) if q[0] == value], quantities(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("Exports To Grow Between 5 And 6 Percent In 2026", 5),  # a title-case headline's range is no name
    ("State Eyes Between 40 And 50 GW Of Wind Power", 40),
])
def test_title_case_ranges_are_quantities(nlp, text, value):
    assert [q for q in quantities(nlp, text) if q[0] == value], quantities(nlp, text)


@pytest.mark.parametrize("text, value", [
    # a number word in a short quoted name counts nothing
    ('The province launched its "Seven Rivers" programme and 40 projects.', 7),
    ("The city unveiled the “Five Gardens” plan.", 5),
    ("The city unveiled the «Five Gardens» plan.", 5),
    # the bodies that issue a plan are its authors, not a measure
    ("The roadmap, jointly released by seven ministries, sets 40 goals.", 7),
    # line numbers of a bill from PDF text run into its sentences
    ("to meet the needs of residents of the 04 state through 05 diversified energy resources", 4),
    ("to meet the needs of residents of the 04 state through 05 diversified energy resources", 5),
])
def test_counts_nothing(nlp, text, value):
    assert not [q for q in quantities(nlp, text) if q[0] == value], quantities(nlp, text)


@pytest.mark.parametrize("text, low, high", [
    ("The group aims for 2027 revenue ranging from about $40 billion to $44 billion.", 4e10, 4.4e10),
    ("Annual output will range from 3 to 4 million tonnes by 2030.", 3e6, 4e6),
])
def test_ranging_from_is_one_range_not_a_change(text, low, high):
    import plancli

    records = [r.to_dict() for r in plancli.extract(text, published="2025-01-01")]
    assert [(r["value"], r["value_max"], r["status"]) for r in records] == [(low, high, "target")], records


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


# A number that counts nothing: (sentence, a substring no quantity's text may start with).
@pytest.mark.parametrize("text, start", [
    ("Nation launches 15 years plan to end poverty", "15"),
    ("The cabinet approved a 5-year plan for ports.", "5"),
    ("The reform rests on around three main pillars.", "around three"),
    ("The act amends sections 12.104 to 12.109 of the code.", "12.109"),
    ("Sales grew 4% to 120 in the quarter.", "120"),
    ("The fleet has 300 buses. Ridership rose from 20 to 40.", "20"),
    ("Intro.\n2.3 Building Better Schools\n\nText follows.", "2.3"),
    ("The budget for 2025-26 is final.", "26"),
    ("Exports reached around 1 million today, the group said.", "around 1"),
    ("Output rose 5 in 12 months.", "5"),
    ("The SH4 highway upgrade opened to traffic.", "SH4"),
    ("The economy grew by 3 in 2024 and growth of 12 quarters followed.", "12"),
    # Labels with numbers: emission scopes, reporting categories (sections of an act are the status rules').
    ("The company will cut scope 3 emissions by a quarter.", "3"),
    ("The bank discloses categories 2, 6 and 11 of its financed emissions.", "2"),
    ("The bank discloses categories 2, 6 and 11 of its financed emissions.", "11"),
    ("The scheme runs for 10 years, until 2035.", "10 years"),
    ("The fund will reach 6 years of age.", "6 years"),
    ("Clinics stayed open during the past 9 months despite the strike.", "9"),
])
def test_not_counted(nlp, text, start):
    assert not [q for q in quantities(nlp, text) if q[3].startswith(start)], quantities(nlp, text)


# --- the glued-number prefixes, written twice -------------------------------------------------

def _group_alternatives(pattern: str, opening: str) -> list[str]:
    """The top-level ``|`` alternatives of the group that opens with ``opening`` in ``pattern``."""
    start = pattern.index(opening) + len(opening)
    depth, k, parts, part = 0, start, [], ""
    while True:
        char = pattern[k]
        if char == "\\":
            part += pattern[k:k + 2]
            k += 2
            continue
        if char == "[":
            close = pattern.index("]", k + 2)  # a class never ends with its first character
            part += pattern[k:close + 1]
            k = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return parts + [part]
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(part)
            part = ""
            k += 1
            continue
        part += char
        k += 1


def test_glued_prefixes_are_the_same_in_the_regex_and_the_pattern():
    """``GLUED_RE`` (normalize/numbers.py) and the "glued" NUMBER pattern (patterns/numbers.jsonl) list the
    same currency prefixes; the pattern spells out the symbols the regex takes as any one or two marks."""
    import re

    from plancli.normalize.numbers import GLUED_RE
    from plancli.patterns import default_patterns_dir

    rows = [json.loads(line) for line in (default_patterns_dir() / "numbers.jsonl").read_text().splitlines()
            if line.strip()]
    glued = next(row for row in rows if row.get("id") == "glued")
    regex = glued["pattern"][0]["TEXT"]["REGEX"]
    in_code = _group_alternatives(GLUED_RE.pattern, "(?P<prefix>")
    in_pattern = _group_alternatives(regex, "^(")
    assert in_code[:-1] == in_pattern[:-1]
    symbols = in_pattern[-1]
    assert symbols.startswith("[") and symbols.endswith("]")
    for symbol in symbols[1:-1]:
        assert re.fullmatch(in_code[-1], symbol), symbol
    assert len(in_code) == len(in_pattern) > 5


@pytest.mark.parametrize("text, unit, surface", [
    # a round figure named as a goal repeats a stated figure and takes its unit; a round one alone may be chance
    ("The county will build 30,000 rental homes. Its 30,000 target is now in doubt.", "home", "30,000"),
    ("The state aims for 5,000 MW of storage. Officials doubt the 5,000 goal can be met.", "MW", "5,000"),
    ("The ministry will open 1,000 clinics. Officials say the 1,000 target for clinics will be reached.", "clinic",
     "1,000"),
])
def test_a_goal_repeating_a_round_figure_takes_its_unit(nlp, text, unit, surface):
    assert any(u == unit and found == surface for _, u, _, found in quantities(nlp, text)), quantities(nlp, text)


def test_a_round_figure_without_a_goal_noun_is_not_borrowed(nlp):
    text = "The county will build 30,000 rental homes. About 30,000 attended the fair."
    assert not any(found == "30,000" for *_, found in quantities(nlp, text)), quantities(nlp, text)


@pytest.mark.parametrize("text", [
    # a round goal figure repeats no money amount, nor a figure of other things than its "for <nouns>"
    "The programme has delivered 12,000 homes at a cost of $20,000 each. The 20,000 target should be passed.",
    "The ministry opened 400 clinics and hired 1,000 nurses. The 1,000 target for clinics will be reached by 2027.",
])
def test_a_round_goal_figure_borrows_no_other_unit(nlp, text):
    assert not any(found in ("20,000", "1,000") for *_, found in quantities(nlp, text)), quantities(nlp, text)


@pytest.mark.parametrize("text, local", [
    # a council's own plan that names its country once
    ("Draft Annual Plan\n\nThe Council proposes a $1.2 billion budget. Every council in Australia must consult "
     "ratepayers.", "AUD"),
    # ... but not without the council's words, nor with the default's country named too
    ("The firm will invest $1.2 billion. It also sells in Australia.", None),
    ("The Council proposes a $1.2 billion budget, councillors said. Australia and the United States agreed.", None),
])
def test_local_government_document_needs_one_mention(text, local):
    patterns = load_pattern_set()
    currencies = dollar_countries(patterns.lexicon("dollar_countries"), patterns.words("local_government_words"))
    assert currencies.local_currency(text) == local
