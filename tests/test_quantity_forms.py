"""Counted nouns, units and bare numbers as news articles write them (sentences written for this table).

Each row of the first table: (sentence, value, unit, unit type) of one quantity the sentence must yield.
Each row of the second: (sentence, a substring no quantity's text may start with).
"""

from __future__ import annotations

import pytest


def quantities(nlp, text):
    doc = nlp(text)
    return [(q.value, q.unit, q.unit_type, doc[q.start:q.end].text) for q in doc._.quantities]


@pytest.mark.parametrize("text, value, unit, unit_type", [
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
])
def test_quantity_forms(nlp, text, value, unit, unit_type):
    found = quantities(nlp, text)
    assert any(abs(v - value) <= 1e-9 * max(1, abs(value)) and u == unit and t == unit_type
               for v, u, t, _ in found), found


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
