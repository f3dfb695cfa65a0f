"""Status from who speaks: a figure attributed to a forecaster is a forecast, a plan owner's figure stays a target.

Forecasters are analysts, economists, strategists, research firms, consultancies, ratings agencies, think tanks,
data providers and forecasting bodies (the IMF, the OECD, the IEA); a central bank or a development bank is one only
through its forecast, projections or outlook. Every sentence, name and place is written for this table in the genre
of policy and business news; none is copied from an article.
"""

from __future__ import annotations

import pytest

import plancli

PUBLISHED = "2024-05-02"

#: (text, the record's text contains, expected status)
FORECASTS: list[tuple[str, str, str]] = [
    # --- ", X said" after the figures: a person titled as a forecaster, a research firm by name --------------------
    ("Cement demand in the region will grow 4.5% next year, Marta Okafor, an economist at Sahel Capital, said.",
     "4.5%", "actual"),
    ("Housing starts will fall 12% this year, said Priya Nandakumar, chief economist at Orchid Bank.", "12%",
     "actual"),
    ("The country will welcome 14 million tourists by 2027, analysts at the brokerage said in a note.",
     "14 million", "actual"),
    ("Port traffic will rise to 9 million containers by 2029, Delmont Economics said on Tuesday.", "9 million",
     "actual"),
    ("Mobile payments will account for 60% of retail sales by 2028, Keystone Insights said in its latest report.",
     "60%", "actual"),
    ("Rail freight volumes will grow to 85 million tonnes by 2030, stated Halvard Analytics in a briefing.",
     "85 million", "actual"),
    ("Battery storage will reach 7 GW by 2028, the Paris-based consultancy said.", "7 GW", "actual"),
    ("Coal's share of power will drop to 40% by 2030, the think tank said.", "40%", "actual"),
    # --- "X said / expects ...": the source opens the sentence ---------------------------------------------------
    ("Economists expect inflation to ease to 3.2% by the end of the year.", "3.2%", "actual"),
    ("Analysts see the carmaker delivering 1.5 million vehicles next year.", "1.5 million", "actual"),
    ("The think tank said coal's share of power will fall to 35% by 2032.", "35%", "actual"),
    ("Credit rating agency Corvus Ratings said bank lending will grow 11% in 2025.", "11%", "actual"),
    ("Nomura analyst Kenji Arai said shipments will climb to 5 million units next year.", "5 million", "actual"),
    ("The IMF said growth will slow to 3.1% in 2025 as exports weaken.", "3.1%", "actual"),
    ("Strategists at Ardent Bank say the central bank will cut its policy rate to 4.25% next year.", "4.25%",
     "actual"),
    # --- a market's size, a forecast period: a market study's voice -------------------------------------------------
    ("The global drone market size is projected to grow to $55 billion by 2030.", "$55 billion", "actual"),
    ("Shipments will rise at 9% a year over the forecast period to 2030.", "9%", "actual"),
    # --- a person named a forecaster once, then by name alone ------------------------------------------------------
    ("Rents rose 6% last year, said Dana Reyes, an analyst at Colvin Partners. Rents will climb another 4% in 2025, "
     "Reyes said.", "4%", "actual"),
    ("Auto analyst Tomas Lindqvist expects a slow year. Car sales will fall to 1.9 million units in 2025, "
     "according to Lindqvist.", "1.9 million", "actual"),
    # --- "according to X", "a report by X", "X's estimates" ------------------------------------------------------
    ("According to Lumen Analytics, data centre capacity in the country will hit 1.2 GW by 2028.", "1.2 GW",
     "actual"),
    ("The market for electric buses will be worth $3.4 billion by 2030, according to a report by Norvale Research.",
     "$3.4 billion", "actual"),
    ("Copper output will rise to 2.1 million tonnes in 2026, a study by the consultancy shows.", "2.1 million",
     "actual"),
    ("Sales of heat pumps will double to 400,000 units by 2027, according to estimates from the research firm.",
     "400,000", "actual"),
    ("Offshore wind capacity will reach 25 GW by 2035 under GreenGrid Research's projections.", "25 GW", "actual"),
    ("The central bank's latest forecast puts growth at 2.8% for 2025.", "2.8%", "actual"),
    ("According to the central bank's projections, inflation will return to 2.5% in 2026.", "2.5%", "actual"),
]

#: Plans spoken by their owner, or reported with a word of intent: still targets.
TARGETS: list[tuple[str, str, str]] = [
    ("We will build 500 homes by 2027, the mayor said.", "500 homes", "target"),
    ("The ministry said it will plant 2 million trees by 2026.", "2 million", "target"),
    ("The minister said the state will connect 400,000 households to the grid by 2025.", "400,000", "target"),
    ("According to the energy ministry, the country will add 5 GW of solar capacity by 2028.", "5 GW", "target"),
    ("According to the plan, the province will install 20,000 public chargers by 2027.", "20,000", "target"),
    ("The World Bank will lend $500 million to pave rural roads by 2027.", "$500 million", "target"),
    ("The utility will install 50,000 smart meters by 2026, its chief executive said.", "50,000", "target"),
    # a word of intent in the figure's clause outranks the forecaster who reports it
    ("The government aims to cut the deficit to 3% of GDP by 2026, analysts at the bank said.", "3%", "target"),
    ("The retailer plans to open 120 stores next year, the research firm said.", "120 stores", "target"),
    ("Fitch said the government's target of 6% growth in 2025 looks ambitious.", "6%", "target"),
    ("According to the think tank, the city's goal is to plant 1 million trees by 2030.", "1 million", "target"),
    ("The research institute said it will train 500 data scientists by 2026.", "500", "target"),
    ("The sovereign fund's annual report shows it will invest $5 billion in wind farms by 2027.", "$5 billion",
     "target"),
    ("Analysts welcomed the plan, under which the state will build 1 million homes by 2030.", "1 million", "target"),
    ("The minister told analysts the country will produce 5 million tonnes of steel by 2027.", "5 million",
     "target"),
    ("S&P Global Ratings said it expects the country to meet its deficit target of 4% of GDP in 2025.", "4%",
     "target"),
    ("The Ministry of Economics said the state will open 40 new border crossings by 2027.", "40", "target"),
    ("Under the plan, the domestic EV market is expected to reach 5 million units by 2027.", "5 million", "target"),
    # a name alone is a forecaster only when the text says so
    ("The city will build 2,000 homes by 2027, Reyes said.", "2,000", "target"),
    ("Dana Reyes, the mayor, spoke on Monday. The city will build 2,000 homes by 2027, Reyes said.", "2,000",
     "target"),
    ("In Kenya, analysts expect a good harvest. The government will build 300 dams by 2030, Kenya said.", "300",
     "target"),
    # counted staff, a forecast verb before "to" or after a comma: no forecaster speaks
    ("The firm will hire 200 analysts, expected to start work by 2026.", "200 analysts", "target"),
    ("The institute will recruit 1,000 researchers to see the programme through by 2028.", "1,000 researchers",
     "target"),
    ("The agency will train 300 economists, who will advise districts by 2027.", "300 economists", "target"),
    # a body that plans, with a modifier of money or markets: a forecaster only through a forecast noun
    ("The national investment agency said 500 projects will be completed by 2027.", "500 projects", "target"),
    ("The state economic group said it plans 40 new factories by 2026.", "40", "target"),
    ("Inflation will ease to 2.9% next year, the economic institute's projections show.", "2.9%", "actual"),
    ("Data centre demand will triple to 3 GW by 2030, the market data provider said.", "3 GW", "actual"),
    # "tank" alone, a generic name ending standing alone, a place named before an appositive
    ("The fire service will buy 60 water tanks by 2026, the tank maker said.", "60", "target"),
    ("The ports will handle 9 million containers by 2030, according to Government Data.", "9 million", "target"),
    ("Broadband will reach 95% of homes by 2027, according to Corvane Data.", "95%", "target"),
    ("Broadband will reach 95% of homes by 2027, TeleData said in a note.", "95%", "actual"),
    ("In Lusaka, local analysts are cautious. According to Lusaka, the city will have 8,000 street lights by "
     "2026.", "8,000", "target"),
    ("At Meridian, the analysts are upbeat. The city will build 900 flats by 2026, Meridian said.", "900", "target"),
    # a participle before a preposition or an adverb is no forecast adjective
    ("The project will create 30,000 jobs expected over the next five years.", "30,000", "target"),
    ("The plant will add 400 MW expected shortly after the upgrade, in 2026.", "400 MW", "target"),
    # the forecaster's clause does not reach a plan in another clause
    ("The city will build 300 km of bike lanes by 2030, while analysts expect car sales to fall 5% next year.",
     "300 km", "target"),
    ("The city will build 300 km of bike lanes by 2030, while analysts expect car sales to fall 5% next year.",
     "5%", "actual"),
]


@pytest.mark.parametrize(("text", "find", "status"), FORECASTS + TARGETS)
def test_status_by_source(text: str, find: str, status: str) -> None:
    records = plancli.extract(text, published=PUBLISHED)
    found = [r for r in records if find in r.text]
    assert len(found) == 1, [r.to_dict() for r in records]
    assert found[0].status == status, found[0].evidence.to_dict() if found[0].evidence else None


def test_attribution_rules_are_generated_from_the_lexicon() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gen_source_rules", root / "scripts" / "gen_source_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (root / "patterns" / "context" / "attribution.jsonl").read_text(encoding="utf-8")
    assert shipped == module.render(), "run python scripts/gen_source_rules.py after editing forecast_sources.json"


#: A forecaster's piece: the lead attributes its figures to a forecaster, a later sentence does again, and no word
#: of intent follows; its other figures in the future tense are the forecaster's too.
PIECE = """Regional freight spending to climb to $21 billion by 2028

Freight infrastructure spending in the region will rise from $14 billion today to $21 billion by 2028, said a
report by Calder Analytics, a market data company.

Port upgrades will take the largest slice, at 38% of the total.

"Rail is the part to watch," said Noor Saleh, an analyst at Calder Analytics. Rail spending will reach
$6 billion in 2027, Saleh said.
"""

#: The same shape with a plan owner's word of intent: not a piece, its figures keep their own status.
PLAN = """Regional freight spending to climb to $21 billion by 2028

The regional authority will raise freight spending from $14 billion today to $21 billion by 2028, analysts at
Calder Analytics said.

The authority aims to give port upgrades 38% of the total.

Rail spending will reach $6 billion in 2027, the analysts said.
"""

#: One attribution in the lead alone does not make a piece.
ONCE = """Coastal city to build 300 km of bike lanes

The city will build 300 km of bike lanes by 2030, while analysts expect car sales to fall 5% next year.

The lanes will connect 40 schools.
"""


#: An outlook: the headline forecasts, and so does the body, whoever the forecaster is (here a government body).
OUTLOOK = """Treasury forecasts slower growth for Norland

The Treasury kept its projection for growth at 1.2% in 2026. Output is expected to grow by 1.8% in 2027.

Inflation is projected to ease to 2.4% in 2026 and is expected to reach 2.1% in 2027.
"""

#: An outlook whose headline states the projection with the verb "projects", and whose quote names a goal noun in a
#: sentence without a figure: still an outlook.
PROJECTS = """Lender projects 4.1% growth for Norland in 2026

The lender has projected that Norland's economy will grow by 4.1% in 2026. Growth is expected to reach 4.4% in
2027, its projections show.

"Farm output remains below its quota," the report said. Inflation is projected to ease to 6.2% by 2028.
"""

#: A plan whose headline forecasts once: not an outlook.
PLAN_WITH_FORECAST = """Ministry forecasts record harvest

The ministry will distribute 40,000 tonnes of seed by 2027.
"""


#: A forecaster's piece that also quotes a plan owner: the plan owner's "will" is its plan.
PIECE_WITH_PLAN = """Region's solar output to double by 2028

Solar output in the region will double to 40 TWh by 2028, analysts at Corvane Research said in a note.

Rooftop systems will supply 30% of that, the analysts said.

The city will install 5,000 rooftop panels on schools by 2026, the government said.
"""


#: An outlook whose first line is a site's tagline and whose next sentence names the forecast it reports
#: ("According to the latest ... forecast"); the department that made the forecast speaks, its "will" is its forecast.
LEAD_FORECAST = """Grid Weekly: Norland's grid is turning green fast.

According to the latest Norland energy department forecast, by 2030 wind will supply 48% of grid power, up from
20% in 2021. This forecast is 6 percentage points higher than last year's.

Coal will fall to 12% of generation by 2030, the department said. Emissions in 2030 will be 9% lower than predicted
a year ago.
"""


@pytest.mark.parametrize(("text", "find", "status"), [
    (LEAD_FORECAST, "48%", "actual"),
    (LEAD_FORECAST, "12%", "actual"),
    (LEAD_FORECAST, "9%", "actual"),
    (PROJECTS, "4.4%", "actual"),
    (PROJECTS, "6.2%", "actual"),
    (PIECE_WITH_PLAN, "40 TWh", "actual"),
    (PIECE_WITH_PLAN, "5,000 rooftop panels", "target"),
    (OUTLOOK, "1.8%", "actual"),
    (OUTLOOK, "2.1%", "actual"),
    (PLAN_WITH_FORECAST, "40,000 tonnes", "target"),
    (PIECE, "$21 billion by 2028\n", "actual"),  # the headline
    (PIECE, "38%", "actual"),  # a sentence of the piece without its own attribution
    (PIECE, "$6 billion", "actual"),
    (PLAN, "38%", "target"),
    (PLAN, "$6 billion", "actual"),
    (ONCE, "300 km of bike lanes by", "target"),
    (ONCE, "40 schools", "target"),
])
def test_forecast_piece(text: str, find: str, status: str) -> None:
    records = plancli.extract(text, published=PUBLISHED)
    at = text.index(find)
    found = [r for r in records if r.start <= at < r.end]
    assert len(found) == 1, [r.to_dict() for r in records]
    assert found[0].status == status, found[0].evidence.to_dict() if found[0].evidence else None


def test_long_sentence_of_attributions_keeps_each_status() -> None:
    """A run-on text of attributions and plans (no full stop): each figure keeps its own status."""
    unit = "Exports rose 5% to $100 million, analysts said, and the state aims to build 500 homes by 2030 "
    records = plancli.extract(unit * 40, published=PUBLISHED)
    homes = [r for r in records if "500 homes" in r.text]
    assert len(homes) == 40 and all(r.status == "target" for r in homes)
    assert all(r.status == "actual" for r in records if "5%" in r.text)
