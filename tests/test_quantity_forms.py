"""Number and quantity forms of plan news (sentences written for these tests): a range sharing one scale word,
scale abbreviations, glued Gulf currency letters, decimal-comma texts, rates per population, a machine
translation's garbled "1", the parts of a breakdown, and years before a change noun."""

from __future__ import annotations

import pytest


def quantities(nlp, text):
    doc = nlp(text)
    return [(q.value, q.value_max, q.unit, doc[q.start:q.end].text) for q in doc._.quantities]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


FOUND_ROWS = [
    # a range whose second number alone carries the scale word
    ("The region hopes to draw $2.5-3.1 trillion in private capital by 2035.", 2.5e12, 3.1e12, "USD"),
    ("The ministry wants $1.2 to 1.6 billion in grants for the scheme.", 1.2e9, 1.6e9, "USD"),
    # a page break's blank line between a number and its scale word, the sentence going on in lower case
    ("The province will invest about 2.4\n\nbillion euros in rail by 2030.", 2.4e9, None, "EUR"),
    # a range in one token whose numbers both carry the glued scale (and the currency)
    ("The new levy should raise £3.5bn-£4bn a year from 2027.", 3.5e9, 4e9, "GBP"),
    ("Coal use may fall to 150mn-180mn t by 2035.", 1.5e8, 1.8e8, "tonne"),
    ("The agency will spend 1,250mn-1,800mn euros on grids by 2030.", 1.25e9, 1.8e9, "EUR"),
    # scale abbreviations with a period
    ("The government targets 30 tril. yen in plant exports by 2030.", 3e13, None, "JPY"),
    ("The agency plans to restore 900 thousand acres of wetland.", 9e5, None, "acre"),
    # a scale word run into the next word by a scraper that lost the space
    ("The road plan is worth more than $62.5 billionwhich the ministry will raise.", 6.25e10, None, "USD"),
    ("The budget would be $2.31 trillionhigher than last year's.", 2.31e12, None, "USD"),
    # a hyphenated number and a two-word unit
    ("The utility produced 12,500-gigawatt hour (GWh) of solar power last year.", 12500, None, "GWh"),
    ("The grid must carry 310 terawatt hour a year by 2040.", 310, None, "TWh"),
    # currency letters glued to a number before a scale word
    ("The strategy lifts non-oil exports to SR420 billion riyals by 2030.", 4.2e11, None, "SAR"),
    ("Private investment in the sector will reach SR2.4 trillion.", 2.4e12, None, "SAR"),
    ("The port expansion will cost QR8 billion.", 8e9, None, "QAR"),
    ("The fund set aside KD1.5 billion for housing.", 1.5e9, None, "KWD"),
    ("The kingdom approved BD250 million for roads.", 2.5e8, None, "BHD"),
    ("The sultanate earmarked RO90 million for schools.", 9e7, None, "OMR"),
    # a text that writes decimal commas groups its thousands with dots
    ("Hybrids took 41,7 percent of the market, and 212.430 cars were sold in all.", 41.7, None, "percent"),
    ("Hybrids took 41,7 percent of the market, and 212.430 cars were sold in all.", 212430, None, "car"),
    # a rate per population counts the noun before "per"; a change verb may have a modifier before its noun
    ("By 2030 the number of hospital beds per 1,000 residents will reach 7.2.", 7.2, None, "bed"),
    ("Licensed nurses per 10,000 population will reach 45 by 2027.", 45, None, "nurse"),
    ("The programme cut maternal deaths to 210 in every 100,000 live births.", 210, None, "death"),
    # "the number of" a named possessor's things counts the things, not the possessor
    ("The number of Norway's licensed childminders is set to rise from 6,400 to 9,000 by 2027.", 6400, None,
     "childminder"),
    ("The number of the region's registered nurses rose to 52,000 last year.", 52000, None, "nurse"),
    # ... and a possessive later in the phrase leaves the counted noun where it was
    ("The number of trips to Norway's fjords rose to 300,000 last year.", 300000, None, "trip"),
    # the bare baseline takes the unit of a level with its own comparator
    ("The city will enlarge its bus fleet from 300 to at least 450 buses by 2027.", 300, None, "bus"),
    ("The utility will grow its wind capacity from 12 to more than 20 GW.", 12, None, "GW"),
    # a scale word after a comparator stands for its number when the "a" is dropped
    ("The reforms will create over million job opportunities by 2030.", 1e6, None, "job opportunity"),
    ("The network will serve some billion passengers a year.", 1e9, None, "passenger"),
    # collective and "-men" plurals are counted nouns
    ("The scheme will place 40,000 youth in paid internships by 2027.", 40000, None, "youth"),
    ("The harbour supports 350 small-scale fishermen.", 350, None, "fisherman"),
    # "top-" and "first-" open a hyphenated modifier
    ("The ministry aims to have 20 top-tier universities by 2030.", 20, None, "university"),
    ("The league will admit 16 first-division clubs.", 16, None, "club"),
    ("The city wants to rank among the top 10 first-tier cities.", 10, None, "rank"),
    # ... and an invariant plural before a hyphen is a modifier of the noun after it
    ("Grants will reach 60,000 youth-led firms by 2027.", 60000, None, "firm"),
    # ... but the noun after the number still counts
    ("Running costs of 40 district hospitals rose.", 40, None, "hospital"),
    # a fraction level in a sentence naming the Gini coefficient is its level, before or after the name
    ("The plan will cut the Gini coefficient to 0.38 by 2030.", 0.38, None, "Gini coefficient"),
    ("It aims to bring inequality from 0.47 to 0.42 on the Gini coefficient.", 0.47, None, "Gini coefficient"),
    ("It aims to bring inequality from 0.47 to 0.42 on the Gini coefficient.", 0.42, None, "Gini coefficient"),
    ("The Gini coefficient, a gauge of inequality, must not exceed 0.4 by 2028.", 0.4, None, "Gini coefficient"),
    # ... but a percentage keeps its unit
    ("The Gini coefficient rose last year, while growth reached 0.5 percent.", 0.5, None, "percent"),
    # a bare number after "while"/"whereas" counts what the figure before it counted
    ("The agency said 9,000 homes are being built, while 4,200 have been approved.", 4200, None, "home"),
    ("The city planted 40,000 trees, whereas 12,000 died in the drought.", 12000, None, "tree"),
    # ... but "long term" still modifies a counted noun
    ("The council brought 312 long term empty properties back into use.", 312, None, "property"),
    # a partitive counts the whole's noun past a bracketed share and "remaining"/"other"
    ("Work is on track for 5 of the remaining 13 health indicators.", 5, None, "indicator"),
    ("The state has met 38 (74.5%) of the 51 health indicators.", 38, None, "indicator"),
    # ... but a duration that ends its sentence measures time
    ("Permit approval will take 30 days. Officials expect faster reviews.", 30, None, "day"),
    # the parts of a breakdown count what the figure before them counted
    ("Over 120,000 homes are in progress: 50,300 under construction (20,100 through the housing agency and "
     "30,200 through the pension fund), and 70,500 in early stages.", 50300, None, "home"),
    ("Over 120,000 homes are in progress: 50,300 under construction (20,100 through the housing agency and "
     "30,200 through the pension fund), and 70,500 in early stages.", 30200, None, "home"),
    ("Over 120,000 homes are in progress: 50,300 under construction (20,100 through the housing agency and "
     "30,200 through the pension fund), and 70,500 in early stages.", 70500, None, "home"),
    # a baseline written in full keeps its value when the new level has a scale word
    ("The plan raises the number of exporters from 6,500 to 15 thousand by 2030.", 6500, None, "exporter"),
    ("The plan lifts enrolment from 2.6 to 3 million pupils.", 2.6e6, None, "pupil"),
    # ... but bare numbers alike in size share the level's scale ("thousand tonnes" statistics)
    ("Cement output grew from 12,500 to 13,800 thousand tonnes last year.", 1.25e7, None, "tonne"),
    ("The plan will expand orchards from 1,200 to 1,500 thousand hectares by 2028.", 1.2e6, None, "hectare"),
    # a dot number before an English scale word is English even where citations look like decimal commas
    ("The review cites surveys [2,3] and [5,6]. The state will borrow $1.125 billion for ports.", 1.125e9, None,
     "USD"),
    ("The review cites surveys [2,3] and [5,6]. The state will pave 2.500 km of roads.", 2.5, None, "km"),
    # a spelled figure without its noun repeats the same figure stated with one
    ("City aims for two million trees by 2035\nThe mayor pledged to plant two million across the suburbs.", 2e6, None,
     "tree"),
    # a list item "Label: N under ..." counts what the item before it counted
    ("The jobs plan breaks down as follows:\nRural Enterprise: 40,000 jobs in food processing\nCoastal Works & "
     "Training: 25,000 under the public works scheme\n", 25000, None, "job"),
    ("Rural Enterprise: 40,000 jobs in food processing\nCoastal Jobs Fund: 25,000 under the public works "
     "scheme\n", 25000, None, "job"),
    ("The goal rose to 1.5 million homes, split among the housing agency (700,000), the pension fund "
     "(600,000), and the state fund (200,000).", 6e5, None, "home"),
]


@pytest.mark.parametrize(("text", "value", "value_max", "unit"), FOUND_ROWS)
def test_quantity_found(nlp, text, value, value_max, unit):
    found = quantities(nlp, text)
    assert any(close(v, value) and close(m, value_max) and u == unit for v, m, u, _ in found), found


ABSENT_ROWS = [
    # a road is no money: the glued letters need a scale word
    ("The crash closed SR 40 near the junction.", 40),
    ("Tickets cost SR50 each at the gate.", 50),
    # the denominator of a rate is no quantity of its own
    ("Licensed nurses per 10,000 population will reach 45 by 2027.", 10000),
    # a machine translation's "1.5" garbled into "65,438 +0.5"
    ("Kindergarten places per 1,000 people will reach 65,438 +0.5 by 2025.", 65438),
    ("Kindergarten places per 1,000 people will reach 65,438 +0.5 by 2025.", 0.5),
    # a lone comma before two digits is a typo of a grouping, no decimal comma
    ("The fair drew 7,000 visitors and 31,00 exhibitors.", 31),
    # a colon after a figure in another sentence is no list item
    ("The fund reached 5,000 homes.\nResult: 300 under review.", 300),
    # list items whose labels name different things, after a lead-in that names none of them
    ("The scheme sets these aims for 2028:\nHousing: 40,000 homes by 2028\nWater: 9,000 under new meters by "
     "2028\n", 9000),
    # a year before a change noun is no count
    ("The council revised its goal after 2021 increases in traffic.", 2021),
    # decimal commas in a glued range are no grouping: left out, as a single "€1,2bn" is
    ("The fund will raise €1,2bn-€1,8bn by 2027.", 1.2e10),
    # a table's blank line before the next row's lower-case label: the row value is complete
    ("Results for 2024\n\nwells drilled: 85\n\nmillion litres pumped: 3.5\n\nmillion households served", 3.5e6),
    # ... but not without a comparator, nor before a word that is no noun, nor as a plural
    ("Officials counted the million and moved on.", 1e6),
    ("The project will cost more than million.", 1e6),
    ("It has over millions of users.", 1e6),
    # a verb that looks plural before a bare number counts nothing
    ("The ticket costs 40 at the gate.", 40),
    ("Enrolment totals 4,500 this year.", 4500),
    # a fraction in the next sentence is no level of the index
    ("The Gini coefficient rose sharply. The fund returned 0.45 to each saver.", 0.45),
    # ... but not a year, nor a figure far from the antecedent's size
    ("The city built 500 homes while 2024 was a hard year.", 2024),
    ("Sales reached $5 billion while 300 were sold abroad.", 300),
    # terms of office are spans of time, no counted things
    ("As in its previous four terms, the government put welfare first.", 4),
    # the hyphenated length of a named event is no measure
    ("The state unveiled its plan at the two-day Regional Investors Summit.", 2),
    ("Ministers opened the 3-day Clean Energy Forum on Monday.", 3),
    # ... but not past brackets without a figure
    ("Output rose 12 (see the table) of the time.", 12),
    # a year before a collective noun is no count
    ("The youth of 2020 grew up online.", 2020),
    # ... but a year before the level is no baseline
    ("Sales grew from 2019 to over 450 buses a year.", 2019),
    # English grouping stays English where no decimal comma is written
    ("The firm sold 212.430 tonnes of grain and 1,250 tractors.", 212430),
]


@pytest.mark.parametrize(("text", "value"), ABSENT_ROWS)
def test_quantity_absent(nlp, text, value):
    found = quantities(nlp, text)
    assert not any(close(v, value) for v, _, _, _ in found), found


def test_blank_line_before_a_row_label_is_no_unit(nlp):
    """Only a scale or percent word goes on across a blank line; a lower-case row label does not."""
    found = quantities(nlp, "Results for 2024\n\ncanals lined (km): 240\n\ntonnes of seed supplied: 1.5\n")
    assert not any(close(v, 240) and u == "tonne" for v, _, u, _ in found), found


def test_english_grouping_kept_in_a_decimal_comma_text(nlp):
    found = quantities(nlp, "Sales rose 12,5 percent as the carmaker delivered 1,250 vans.")
    assert any(close(v, 12.5) and u == "percent" for v, _, u, _ in found), found
    assert any(close(v, 1250) and u == "van" for v, _, u, _ in found), found


def test_verb_before_noun_is_no_modifier(nlp):
    """ "makes sales to 25,000": the noun after a verb that is no change verb counts nothing."""
    found = quantities(nlp, "Each firm that makes sales to 25,000 or more customers must report.")
    assert not any(u == "sale" for _, _, u, _ in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Diesel cars fell to 3,4 percent of sales.", True),    # once, before a percent
    ("Exports rose 2,5 and imports 1,75 in the year.", True),  # twice
    ("The fair drew 31,00 exhibitors.", False),  # once, no percent: a typo of a grouping
    ("The city built 1,250 homes and 3.5 km of road.", False),
    ("Plan 2019,20 lists 14,000 schools.", False),  # a year before the comma
])
def test_decimal_comma_evidence(text, expected):
    from plancli.normalize.numbers import decimal_comma_evidence

    assert decimal_comma_evidence(text) is expected


@pytest.mark.parametrize(("text", "value"), [
    ("95,9", 95.9), ("179.549", 179549), ("1.234,5", 1234.5), ("2.000.000", 2000000),
    ("1,250", None), ("3.5", None), ("12", None),
])
def test_parse_continental(text, value):
    from plancli.normalize.numbers import parse_continental

    parsed = parse_continental(text)
    assert (parsed is None and value is None) or (parsed is not None and close(float(parsed), value))


def test_indefinite_scale_is_no_repeat(nlp):
    """ "worth over a trillion" without its noun is a rough size, no repeat of the "$1 trillion" stated later."""
    found = quantities(nlp, "Region unveils plan worth over a trillion\nFirms reported over $1 trillion in planned "
                            "investment.")
    assert [text for v, _, _, text in found if close(v, 1e12)] == ["over $1 trillion"], found


@pytest.mark.parametrize(("text", "expected"), [
    # a speaker's label before a bare figure: it repeats a figure stated with its noun elsewhere
    ("Minister: One million to be connected to power\nThe agency will connect one million homes by 2027.",
     [("One million", "home"), ("one million homes", "home")]),
    ("Mayor: 2,450 to be hired\nThe city will hire 2,450 nurses next year.",
     [("2,450", "nurse"), ("2,450 nurses", "nurse")]),
    # ... but a round figure may repeat another by chance
    ("Mayor: 2,000 to be hired\nThe city employs 2,000 nurses.", [("2,000 nurses", "nurse")]),
    # ... and a document part is never a bare figure's unit
    ("The code now runs to 2,450 sections.\nClerk: 2,450 to be printed", [("2,450 sections", "section")]),
])
def test_labelled_figure_repeats_a_stated_one(nlp, text, expected):
    assert [(surface, unit) for _, _, unit, surface in quantities(nlp, text)] == expected
