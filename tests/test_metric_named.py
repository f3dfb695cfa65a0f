"""Metrics named the way a plan's indicator is: a share says "share", a change by a percentage says which way it
goes ("reduction", "growth", "increase"), a yearly figure says so, a base year reads "from <year>", and verbs or
actors before the measured noun are left out.

Rows: ``(rule, text, the record's text contains, words the metric must contain, words it must not)``, on
sentences written for this file in the genre.
"""

from __future__ import annotations

import pytest

from rowchecks import check_metric_row

PUBLISHED = "2024-05-01"

NAMED_ROWS: list[tuple[str, str, str, list[str], list[str]]] = [
    ("count-in-compound-place", "The ministry will train 15,000 people in clean energy industries by 2028.",
     "15,000", ["in clean energy industries"], []),
    ("count-in-place-no-period", "The state plans to build 2,000 homes in the coming years.", "2,000", [],
     ["coming"]),
    ("share-whole-from-source", "The order sets a goal for the state to draw 90% of its power from clean sources "
     "by 2040.", "90%", ["share of power", "from clean sources"], []),
    ("share-whole-sourced-from", "5. Ensure that 40% of school meals are sourced from local farms.", "40%",
     ["share of school meals from local farms"], ["sourced"]),
    ("share-whole-from-range-not-source", "By 2030, 100 percent of villages must have schools from grade one to "
     "grade nine.", "100 percent", [], ["from grade"]),
    ("share-synonym", "The proportion of clean power in the grid will reach 45 percent by 2030.", "45 percent",
     ["share of clean power"], ["proportion"]),
    ("share-of-level", "The plan will raise renewables to 60 percent by 2035.", "60 percent",
     ["share", "renewables"], []),
    ("share-not-for-rate", "The literacy rate will reach 95 percent by 2030.", "95 percent",
     ["literacy rate"], ["share"]),
    ("share-not-for-ratio", "The ministry will keep public debt to GDP below 60 percent in 2027.", "60 percent",
     ["debt to GDP"], ["share"]),
    ("share-of-whole", "By 2026 the added value of tourism will account for 12 percent of the region's GDP.",
     "12 percent", ["added value of tourism share of", "GDP"], []),
    ("steering-verb-capitalised", "- Ramping up rural broadband investments to 40 percent of the budget by 2028",
     "40 percent", ["rural broadband investments"], ["Ramping"]),
    ("have-is-no-metric", "The carmaker plans to have 30 electrified models on sale by 2028.", "30",
     ["electrified models"], ["have", "carmaker"]),
    ("reduction-for-down", "Farm lands must cut their nitrate runoff by 30% by 2029.", "30%",
     ["nitrate runoff", "reduction"], []),
    ("growth-for-economy", "Under the plan, manufacturing output will expand by 6.5 per cent a year to 2030.",
     "6.5 per cent", ["manufacturing output growth", "annual"], ["increase"]),
    ("increase-for-other", "Clinic visits are expected to rise by 12 per cent by 2027.", "12 per cent",
     ["clinic visits increase"], ["growth"]),
    ("increase-verb-renamed", "The province's exports will increase by 9 percent in 2026.", "9 percent",
     ["exports growth"], ["increase"]),
    ("annual-noun", "The island targets 4 million visitors annually by 2028.", "4 million",
     ["annual visitors"], []),
    ("annual-participle", "The state will build 30,000 homes a year from 2026.", "30,000",
     ["homes built per year"], ["annual"]),
    ("annual-level-not-carried", "The fee will rise by 0.5 percentage points each year until it reaches 8 percent "
     "in 2031.", "8 percent", [], ["annual"]),
    ("base-year-from", "The state will cut emissions by 50% by 2035 compared with 2005 levels.", "50%",
     ["reduction from 2005"], ["vs"]),
    ("actor-before-change-verb", "Norland unveils plan for the government to cut landfill waste by 40 percent "
     "by 2030.", "40 percent", ["landfill waste reduction"], ["government", "Norland"]),
    ("verb-before-change-verb", "Priorities include raising labour productivity by 3 per cent annually.",
     "3 per cent", ["labour productivity", "growth", "annual"], ["include", "raising"]),
    ("owner-possessive-dropped", "The revenue of Norland's software industry will reach 80 billion dollars in 2027.",
     "80 billion", ["revenue of", "software industry"], ["Norland"]),
    ("agent-possessive-dropped", "The province's exports will increase by 9 percent in 2026.", "9 percent",
     ["exports"], ["province"]),
    ("share-named-after", "The ministry set a 20% share in new bus sales by 2030.", "20%",
     ["share of new bus sales"], []),
    ("share-named-after-part", "Norland wants a 70% renewables share in the power mix by 2035.", "70%",
     ["renewables share of power mix"], []),
    ("cut-part-of-whole", "The agency will cut 40% of its permit procedures by 2026.", "40%",
     ["permit procedures reduction"], ["share"]),
    ("elliptic-change", "Farm output is to expand by 2.5 per cent a year, and mining output by 4 per cent.",
     "4 per cent", ["mining output growth"], []),
    ("money-verb-purpose", "The utility plans to invest a total of $4 billion in grid upgrades by 2029.", "4 billion",
     ["investment in grid upgrades"], ["utility"]),
    ("money-verb-gloss", "Westmark Motors is ready to invest 900 billion yen ($6 billion) in battery plants by 2028.",
     "900 billion", ["investment in battery plants"], ["Westmark"]),
    ("money-verb-bare", "The agency plans to inject 2 trillion won by 2027.", "2 trillion", ["investment"], []),
    ("steering-verb", "The central bank plans on keeping inflation within 4 per cent next year.", "4 per cent",
     ["inflation"], ["keeping"]),
    ("period-not-metric", "Farm output growth is projected at 3.1 percent for fiscal year 2026-27 and 3.4 percent for "
     "fiscal year 2027-28.", "3.4 percent", ["farm output growth"], ["fiscal", "year"]),
    ("period-not-purpose", "The ministry projected a three percent growth target for 2026-27 and 3.8 percent for "
     "fiscal year 2027-28.", "3.8 percent", ["growth"], ["fiscal", "year"]),
    ("period-goal-not-metric", "The council set a long-term goal of USD 12 billion by 2031.", "12 billion", [],
     ["term"]),
    ("change-in-level-no-share", "The programme seeks a reduction in inflation to 5% by 2028.", "5%",
     ["inflation"], ["share", "reduction"]),
    ("plural-agent-subject", "Municipal agencies are required to use 90% clean power by 2033.", "90%",
     ["clean power"], ["agencies"]),
    ("money-in-noun", "The export council targets $45 billion in exports by 2030.", "45 billion", ["exports"],
     ["council"]),
    ("money-in-noun-list", "The fund of EUR 90 billion is split between EUR 50 billion in loans and EUR 40 billion "
     "in grants until 2029.", "40 billion", ["grants"], ["split", "loans"]),
    ("money-in-noun-verb", "The tax office has a goal to collect $2 billion in duties this year.", "2 billion",
     ["duties collected"], ["this", "year"]),
    ("money-noun-after-verb", "The republic, the largest exporter of tin in the region, plans to achieve $900 billion "
     "GDP by 2032.", "900 billion", ["gdp"], ["exporter", "region"]),
    ("money-sized-goal", "Officials want to reach a $2 trillion economy target by 2035.", "2 trillion",
     ["size of", "economy"], ["target"]),
    ("rate-after-number", "Minister Jane Roe voiced confidence in reaching a 3.8 percent GDP growth rate in 2027.",
     "3.8 percent", ["gdp growth rate"], ["roe", "confidence"]),
    ("rate-after-number-time", "The central bank sees 6.5 percent economic growth next year.", "6.5 percent",
     ["economic growth"], ["bank", "next"]),
    ("list-sibling-long-name", "The strategy sets goals for 35 percent biogas energy use and 12 percent heat pump "
     "adoption.", "12 percent", ["heat pump adoption"], ["biogas"]),
    ("ratio-deficit", "The treasury will cut its budget deficit to 3.4 percent of GDP in 2027.", "3.4 percent",
     ["budget deficit to gdp"], ["share"]),
    ("ratio-gap-spelled", "- Narrow the fiscal gap to 2.9% of gross domestic product by 2028", "2.9%",
     ["fiscal gap to gdp"], ["share", "gross"]),
    ("spelled-measure-initials", "Norland's GDP grew slowly last year. The plan targets gross domestic product growth "
     "of 6.2 percent in 2027.",
     "6.2 percent", ["gdp growth"], ["gross", "domestic"]),
    ("spelled-measure-initials-cpi", "The bank will hold average consumer price index (CPI) growth near 3 percent "
     "next year.", "3 percent", ["cpi"], ["consumer", "index"]),
    ("spelled-measure-kept-without-initials", "The plan targets gross domestic product growth of 6.2 percent in "
     "2027.", "6.2 percent", ["gross domestic product growth"], ["gdp"]),
    ("share-part-from-range", "The programme aims to bring the fiscal deficit from 5.8% to 3.5% of GDP by 2029.",
     "3.5%", ["fiscal deficit to gdp"], ["share"]),
    ("share-part-and-account-for", "Under the plan, green industry output will exceed 90 billion yuan and make up at "
     "least 20 percent of the county's GDP by 2027.", "20 percent",
     ["green industry output share of", "gdp"], []),
    ("share-part-not-other-subject", "The plan will cost $4 billion and aims to raise 40% of the funds from private "
     "lenders by 2028.", "40%", ["share of funds"], ["plan", "cost"]),
    ("share-part-not-a-change", "Exports rose from 12% to 15% of output last year, and the plan wants 20% of output "
     "exported by 2030.", "15%", [], ["growth"]),
    ("base-year-over", "The county will aim for a 45% emissions reduction by 2030 over 2010 in the interim.", "45%",
     ["emissions reduction from 2010"], ["interim"]),
    ("base-year-over-baseline", "The plan sets targets to cut city emissions by 35% by 2030 and up to 90% by 2050 "
     "(over the 2010 baseline).", "35%", ["reduction from 2010"], []),
    ("base-year-of-levels", "The law requires the state to cut emissions by 30 per cent of 2005 levels by 2030.",
     "30 per cent", ["emissions reduction from 2005"], ["share"]),
    ("base-year-reduction-in", "The strategy calls for a 60 per cent reduction in citywide emissions by 2035 from "
     "2000 levels.", "60 per cent", ["reduction in citywide emissions from 2000"], []),
    ("base-year-not-a-period", "The council will cut emissions by 20% over the next decade.", "20%",
     ["emissions reduction"], ["next", "decade", "from"]),
    ("whole-place-not-a-period", "The ministry plans to keep public debt at 50 percent of GDP in the long term.",
     "50 percent", ["public debt to gdp"], ["term", "long"]),
    ("whole-place-kept", "By 2030, 60 percent of all water used in the region will be recycled.", "60 percent",
     ["water used in the region"], []),
    ("count-tail-at-place", "The city will create 5,000 parking spaces at underground garages by 2026.", "5,000",
     ["parking spaces created at underground garages"], []),
    ("count-tail-on-place", "The plan will optimize 100 intersections on main roads by 2025.", "100",
     ["intersections", "on main roads"], []),
    ("count-tail-for-whom", "The state will build 300 schools for rural children by 2027.", "300",
     ["schools built for rural children"], []),
    ("count-tail-not-a-period", "The ministry will train 5,000 nurses for two years.", "5,000", ["nurses trained"],
     ["for", "two", "years"]),
    ("count-tail-not-determiner", "The agency will build 2,000 homes on the site by 2028.", "2,000", ["homes built"],
     ["site"]),
    ("reported-speech-subject", "The minister said currently Norland's textile industry is worth Rs 4 lakh crore and he "
     "wants to take it to Rs 9 lakh crore.", "9 lakh crore", ["textile industry"], ["minister", "said", "currently"]),
    ("phrasal-verb-particle", "The cabinet wants to speed up economic growth to 6.8% by 2029.", "6.8%",
     ["economic growth"], ["up"]),
    ("gerund-of-count", "Goals in the strategy include building of 400,000 social housing units by 2030.",
     "400,000", ["social housing units built"], ["include", "strategy"]),
    ("of-after-long-gloss", "The programme covers paving 1,500 km (932 miles) of rural roads by 2029.", "1,500 km",
     ["rural roads"], ["programme"]),
    ("percent-more-noun", "The strategy foresees a doubling of bus riders and 35 percent more rail freight by 2031.",
     "35 percent", ["rail freight increase"], ["share", "doubling"]),
    ("percent-fewer-noun", "The agency aims for 25% fewer road deaths by 2030.", "25%", ["road deaths reduction"],
     ["share", "fewer"]),
    ("percent-more-noun-period", "The firm aims to sell 20 percent more cars next year.", "20 percent",
     ["cars increase"], ["next", "year"]),
    ("relative-clause-subject", "The minister noted that Norland's tea exports, which were $2.3 billion in 2024, are "
     "expected to rise to $2.9 billion in 2026.", "2.9 billion", ["tea exports"], ["expected", "are"]),
    ("inside-relative-clause", "The minister noted that Norland's tea exports, which were $2.3 billion in 2024, are "
     "expected to rise to $2.9 billion in 2026.", "2.3 billion", ["tea exports"], []),
]


@pytest.mark.parametrize(("rule", "text", "find", "wanted", "unwanted"), NAMED_ROWS, ids=[r[0] for r in NAMED_ROWS])
def test_metric_named(rule: str, text: str, find: str, wanted: list[str], unwanted: list[str]) -> None:
    check_metric_row(rule, text, PUBLISHED, find, wanted, unwanted)
