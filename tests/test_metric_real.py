"""Metric rules for real articles: what a quantity measures, as a short noun phrase headed by a noun.

One row per rule, on sentences written for this file in the genre (ministry releases, climate pledges,
budget notes): ``(rule, text, the record's text contains, words the metric must contain, words it must not)``.
"""

from __future__ import annotations

import pytest

import plancli
from rowchecks import check_metric_row

PUBLISHED = "2024-05-01"

METRIC_ROWS: list[tuple[str, str, str, list[str], list[str]]] = [
    ("goal-noun-is-no-metric", "The ministry set a target of about 3 million electric car sales in 2027.", "3 million",
     ["electric car sales"], ["target"]),
    ("goal-noun-is-no-metric-goal", "The city has a goal of 4,000 new social homes by 2028.", "4,000",
     ["new social homes"], ["goal"]),
    ("from-to-subject", "The output of the province's software sector will grow from 2 trillion yuan in 2020 to "
     "5 trillion yuan in 2025.", "5 trillion", ["output", "software sector"], []),
    ("from-to-subject-percent", "The coverage rate of rural clinics is expected to jump from 40 percent in 2021 to "
     "75 percent in 2026.", "75 percent", ["coverage rate of rural clinics"], []),
    ("verb-phrase-is-no-metric", "The wheat output target has been fixed at 110 million tonnes for 2026.",
     "110 million", [], ["fixed", "been"]),
    ("possessive-is-no-metric", "The state's plan was to see 60,000 new housing starts this year.", "60,000",
     ["housing starts"], ["state"]),
    ("change-verb-reduction", "The state pledged to cut its greenhouse gas emissions by 40% by 2030.", "40%",
     ["greenhouse gas emissions", "reduction"], []),
    ("change-verb-increase", "The ministry will raise rural broadband coverage by 15 percent by 2027.", "15 percent",
     ["broadband coverage", "increase"], []),
    ("bare-power-verb", "The lake plant opened in March. It is expected to produce 120 megawatts within two years.", "120",
     ["power output"], []),
    ("bare-money-verb", "The utility delayed its share sale. It is set to raise $300 million from shareholders this year.", "300",
     ["funds raised"], []),
    ("worth-after-causative", "The amnesty scheme aims to help the province recover unpaid levies worth $40 million "
     "by March 2026.", "40", ["unpaid levies recovered"], ["province"]),
    ("worth-participle", "The ministry aims to attract investments worth Rs 5,000 crore by 2027.", "5,000",
     ["investments attracted"], ["worth"]),
    ("list-item-share", "Wind power will reach 30% by 2030, made up of 20% onshore, 8% offshore and 2% floating.",
     "8%", ["offshore share"], ["made"]),
    ("list-item-share-last", "Wind power will reach 30% by 2030, made up of 20% onshore, 8% offshore and 2% floating.",
     "2%", ["floating"], ["offshore"]),
    ("verb-before-determiner", "The council expects the tariff will rise to 15 percent in 2030.", "15 percent",
     ["tariff"], ["council", "expects"]),
    ("reject-pronoun-fragment", "The levy will rise by 1 percentage point a year until it reaches 12 percent in 2031.",
     "12 percent", [], ["until", " it"]),
    ("unit-rate-of-phrase", "The plan sets a target of two million tonnes per annum of green ammonia production by 2030.",
     "two million", ["green ammonia production"], ["plan sets"]),
    ("auxiliary-cut", "Funded by the new law, the grid program is investing a total of $10.5 billion over five years.",
     "10.5", ["grid program investment"], ["investing"]),
    ("goal-modifier", "- A water-intensity target of 30% below 2015 levels by 2030;", "30%",
     ["water-intensity", "below 2015 levels"], []),
    ("reduction-below-base", "The province aims to cut methane emissions by 35% by 2030 below 2010 levels.", "35%",
     ["methane emissions reduction", "below 2010 levels"], []),
    ("paired-nouns", "The agency will tender another 400MW of wind and solar by 2026.", "400MW",
     ["wind and solar"], []),
    ("paired-not-verb", "The scheme will add 12 gigawatts of rooftop solar capacity and contribute to grid goals.",
     "12 gigawatts", ["rooftop solar capacity"], ["contribute"]),
    ("action-noun-of-count", "The fund will back the construction of at least 9,000 homes over the next four years.",
     "9,000", ["homes"], ["construction"]),
    ("share-of-whole-of-value", "The grid plan aims for a share of installed capacity of 45% in 2029.", "45%",
     ["share of installed capacity"], []),
    ("empty-head-figure", "The figure of 300,000 new flats will be reached by 2029, the mayor said.", "300,000",
     ["new flats"], ["figure"]),
    ("power-unit-capacity", "The utility plans to install 300 MW of storage by 2028.", "300 MW",
     ["storage capacity"], []),
    ("power-unit-capacity-kept", "The ministry will add 5 GW of solar capacity by 2028.", "5 GW",
     ["solar capacity"], ["capacity capacity"]),
    ("value-sizes-noun", "The agency will build the 1,500MW Lakeshore hydropower dam by 2031.", "1,500MW",
     ["hydropower dam capacity"], []),
    ("value-sizes-noun-money", "The state aims to become a $2 trillion economy by 2030.", "2 trillion",
     ["economy"], ["state"]),
    ("goal-noun-before-subject", "Reaching the 25% wind power target by 2035 is uncertain, analysts said.", "25%",
     ["wind power"], ["reaching"]),
    ("infinitive-subject-share", "We will build the means to locally grow 20% of our vegetable needs by 2030.",
     "20%", ["share of", "vegetable needs"], ["means"]),
    ("percent-goal-noun", "Analysts put the plan at roughly a 40% electric bus fleet target.", "40%",
     ["electric bus fleet"], ["target"]),
    ("pronoun-object", "Landfill waste per resident fell 4% last year. The aim is to reduce it by 25% by 2030.", "25%",
     ["landfill waste", "reduction"], []),
    ("goal-is-carry", "Solar power made up 31 per cent of capacity in 2023. The goal is to reach 45 per cent by 2030.",
     "45 per cent", ["solar power"], []),
    ("trailing-preposition", "The city will cut the median wait for building permits from 90 days to 40 days by 2027.",
     "40 days", ["median wait for building permits"], ["from"]),
    ("respectively-pairs", "Its contribution rate of 8 percent and coverage rate of 60 percent will rise to "
     "10 percent and 75 percent, respectively.", "10 percent", ["contribution rate"], ["coverage"]),
    ("respectively-pairs-second", "Its contribution rate of 8 percent and coverage rate of 60 percent will rise to "
     "10 percent and 75 percent, respectively.", "75 percent", ["coverage rate"], []),
    ("unit-tail-equivalent", "The country aims to cut emissions by 2.5 billion tonnes of CO2 equivalent by 2030.",
     "2.5 billion", ["emissions reduction"], ["equivalent"]),
    ("gerund-change", "The state has committed to reducing all greenhouse gas emissions by 30% by 2035.", "30%",
     ["greenhouse gas emissions reduction"], ["reducing", "all"]),
    ("deadline-not-purpose", "The treasury plans to raise Rs 8,000 crore in the remaining period of the fiscal year.",
     "8,000", [], ["period"]),
    ("percent-of-share", "The bloc sets a binding target of 40% of all bloc energy from renewables by 2030.", "40%",
     ["share of", "bloc energy"], ["all"]),
    ("bare-head-purpose", "The region pledged to reach a capacity of 900 gigawatts for wind and solar power by 2035.",
     "900", ["wind and solar power capacity"], []),
    ("leading-gerund-level", "The ministry aims to lift coal's share of output, while increasing nuclear energy's "
     "share to 25% by 2040.", "25%", ["nuclear energy"], ["increasing"]),
    ("verb-after-subject", "The fee will increase by 0.5 percentage points each year.", "0.5", ["fee increase"], []),
    ("change-noun-in-bullets", "The targets include: - 30% reduction in water use across the city - 25% drop in "
     "landfill waste", "25%", ["drop in landfill waste"], ["reduction", "city"]),
    ("numbered-list-leadin", "The commission shall require that clean sources supply the following portions of "
     "each distributor's sales:\n(1) No less than ten percent before December 31, 2028;\n(2) No less than thirty "
     "percent before December 31, 2035.", "thirty", ["share of each distributor"], ["portions"]),
    ("share-of-each", "At least five percent of each regional quota shall come from offshore wind.", "five percent",
     ["share of each regional quota"], []),
    ("list-item-whole", "The state will raise renewables in its power mix to 45% by 2030, made up of 25% solar, "
     "15% wind and 5% biomass.", "15%", ["wind share of power mix"], []),
    ("count-noun-fallback", "The programme aims to identify and scale up 2,000 small factories by 2027.", "2,000",
     ["small factories"], ["identify"]),
    ("bare-change-noun-carry", "We will cut food waste sent to incineration per household by 15 per cent by 2027. "
     "This will speed up progress towards the 25 per cent reduction target by 2032.", "25 per cent",
     ["food waste", "reduction"], []),
    ("number-of-counted", "By 2026, the total number of upgraded school libraries will exceed 3,000.", "3,000",
     ["upgraded school libraries"], ["number"]),
    ("level-not-change", "The levy will rise by 1 percentage point a year until it reaches 12 percent in 2031.",
     "12 percent", ["levy"], ["increase"]),
    ("reduction-versus-base", "The city will reduce landfill waste by 20% from 2018 levels by 2030.", "20%",
     ["landfill waste reduction from 2018"], ["vs"]),
    ("reduction-versus-scenario", "The state pledged to cut its methane emissions by 15% by 2030 compared with a "
     "business-as-usual scenario.", "15%", ["reduction vs business-as-usual"], ["scenario"]),
    ("currency-purpose-participle", "The state approves its excise policy with a target to collect $1.2 billion "
     "in revenue.", "1.2", ["revenue collected"], []),
    ("part-in-whole-share", "The province has pledged to increase the renewables in its power mix to 45% by 2030.",
     "45%", ["renewables share of power mix"], []),
    ("not-time-word-head", "The ministry aims to bring the average waiting time below 20 minutes by 2026.",
     "20 minutes", ["waiting time"], []),
    ("gerund-participle", "The plan includes modernising four ports and building three new rail depots by 2027.",
     "three", ["rail depots built"], ["buildinged"]),
    ("action-noun-participle", "The housing plan includes the creation of 6 technology parks by 2028.", "6",
     ["technology parks created"], ["creation"]),
    ("phase-verb-action-noun", "The province will start construction of 40 water projects in 2025.", "40",
     ["water projects started"], ["built"]),
    ("coordination-compound", "We are targeting 80% of new bus and heavy-duty truck sales to be zero-emission "
     "by 2035.", "80%", ["bus and heavy-duty truck sales"], []),
    ("coordination-not-comparative", "The projects will support $2 billion in private investment and create more "
     "than 900 jobs.", "2 billion", ["private investment"], ["create"]),
    ("percent-before-noun-share", "We aim to reach 90 percent renewable power by 2035.", "90 percent",
     ["share of renewable power"], []),
    ("percent-before-goal-noun-share", "Meeting the 35% offshore wind power target by 2040 is uncertain, experts "
     "said.", "35%", ["share of offshore wind power"], ["target"]),
    ("percent-before-rate-noun", "Meeting the 6% GDP growth target in 2025 will be hard.", "6%", ["GDP growth"],
     ["share"]),
    ("additional-amount", "The utility will procure an additional 300MW of battery storage by 2027.", "300MW",
     ["additional battery storage"], []),
    ("fronted-subject-relative", "Gas generation, which currently dominates the island's supply, is expected to "
     "fall to 25% by 2035.", "25%", ["gas generation"], ["currently"]),
    ("fronted-subject-participle", "The licence fee, currently set at 90 dollars, will be raised to 120 dollars "
     "next year.", "120", ["licence fee"], []),
    ("fronted-subject-not-opener", "Speaking at the launch, the minister said the city will plant 5,000 trees "
     "by 2026.", "5,000", ["trees"], ["speaking"]),
    ("supply-verb-part", "The plan has offshore wind supply 40% of the grid's electricity by 2032.", "40%",
     ["offshore wind share of", "electricity"], ["supply"]),
    ("supply-verb-relative", "The plan backs rooftop solar, which is expected to contribute 15% of household "
     "electricity by 2030.", "15%", ["rooftop solar share of household electricity"], []),
    ("spend-share-participle", "No household should spend more than 25 per cent of its income on energy bills "
     "by 2030.", "25 per", ["share of income spent on energy bills"], ["its"]),
    ("whole-with-place", "At least 20% of the heat consumed in each district must come from renewables by 2030.",
     "20%", ["heat consumed in each district"], []),
    ("whole-place-not-verb", "Nearly 48% of renter households in this town spend more than 30% of their income "
     "on rent.", "48%", ["renter households"], ["spend"]),
    ("to-be-participle", "The agency wants 15 GW of solar capacity to be installed by 2030.", "15 GW",
     ["solar capacity installed"], ["capacity installed capacity"]),
    ("count-per-year", "The council will build 4,000 social homes per year until 2030.", "4,000",
     ["social homes built per year"], []),
    ("unit-of-before-capacity", "The mission targets a production capacity of three million tonnes per annum of "
     "green methanol by 2030.", "three million", ["green methanol production capacity"], []),
    ("facility-power-capacity", "The new wind project will generate 250MW of power by 2027.", "250MW",
     ["wind project capacity"], []),
    ("definite-head-antecedent", "Today the island has 1,200MW of installed capacity. The utility plans to double "
     "that capacity to 2,400MW by 2028.", "2,400MW", ["installed capacity"], []),
    ("definite-head-ambiguous", "The contribution rate of 9 percent and replacement rate of 41 percent will rise to "
     "10 percent and 43 percent, respectively. The rate will then increase by 0.5 percentage points each year.",
     "0.5", ["rate increase"], ["contribution", "replacement"]),
    ("part-from-source", "Today the island has 1,200MW of installed capacity. The utility plans to double that "
     "capacity to 2,400MW by 2028, including 30% from renewable sources.", "30%",
     ["renewable sources share of installed capacity"], []),
    ("agent-invests-in", "The finance minister said the government aims to invest $3 billion each year "
     "through 2030 in water projects.", "3 billion", ["investment in water projects"], ["government"]),
    ("acronym-goal-owner", "Officials expect forests to absorb 4 billion tonnes by 2030, which would beat the "
     "NDC target of 3 billion tonnes.", "3 billion", [], ["ndc"]),
    ("bare-goal-not-clause", "Trade groups wrote to lawmakers in May calling for a binding target of at least "
     "40% by 2030.", "40%", ["binding target"], ["lawmakers", "wrote"]),
    ("unit-action-participle", "The strategy aims to deploy 12 gigawatts of floating wind by 2032.", "12 gigawatts",
     ["floating wind", "deployed"], []),
    ("unit-imperative-participle", "Build 50,000 square meters of pocket parks.", "50,000", ["pocket parks built"], []),
    ("unit-enabling-no-participle", "The subsidy is expected to enable 8 gigawatts of rooftop solar capacity by 2030.",
     "8 gigawatts", ["rooftop solar capacity"], ["enabled"]),
    ("bracket-gloss", "Current policies fall short of the country's emissions target (150 MtCO2e) for 2030.",
     "150", ["emissions target"], ["policies"]),
    ("bracket-conversion-not-gloss", "The new line will run 400 km (248 miles) by 2030.", "248", [], ["km"]),
    ("agent-not-count-metric", "The government targets 400,000 new jobs in tourism by 2027.", "400,000",
     ["new jobs"], ["government"]),
    ("agent-percent-of-whole", "The city aims to have 60% of its taxis run on electricity by 2030.", "60%",
     ["share of taxis"], ["city"]),
    ("relative-opening-word", "Hydro, which supplies 30% of the grid today, will supply 45% of the grid by 2035.",
     "45%", ["hydro share of grid"], []),
    ("share-link-after-aside", "Electric buses, now 8% of the fleet, should make up 50% of new bus sales by 2030.",
     "50%", ["electric buses share of new bus sales"], []),
    ("share-link-subject-kept", "The added value of green industries will account for 20 percent of the region's GDP "
     "by 2027.", "20 percent", ["added value of green industries"], []),
    ("relative-hyphen-compound", "The grid has 9,000 MW from low-carbon power plants, which accounts for 41 per cent "
     "of the total capacity.", "41 per", ["low-carbon power plants share of total capacity"], []),
    ("money-sizes-economy", "The state aims to become a $2 trillion economy by 2030.", "2 trillion",
     ["size of economy"], []),
    ("actor-subject", "The island aims to reach 65 percent solar power by 2032.", "65 percent", ["solar power"],
     ["island"]),
    ("plan-verb-subject", "The agency wants 40 million domestic and 9 million foreign trips by 2030.", "9 million",
     ["trips"], ["wants"]),
    ("shared-noun", "The ministry wants 50 million domestic and 12 million foreign tourists by 2031.", "50 million",
     ["domestic tourists"], []),
    ("weekday-lead", "The president unveiled on Monday a package of road and rail investments amounting to $12 billion.",
     "$12 billion", ["investments"], ["Monday"]),
    ("catenative-help", "The agency will help deliver 40,000 homes by 2030.", "40,000", ["homes delivered"],
     ["help"]),
    ("catenative-include", "Key goals include treating 200,000 malaria patients by 2027.", "200,000",
     ["malaria patients treated"], ["include"]),
    ("counted-of-once", "The fund will help lift about two lakh of the poorest households from poverty by 2026.",
     "two lakh", ["poorest households lifted"], ["households of"]),
    ("name-is-no-metric", "Norvia aims 5% GDP growth on average in 2025-2027.", "5%", ["GDP growth"], ["Norvia"]),
    ("headline-phrase-after-name", "Westland Targets 40% Solar Power In Energy Mix By 2032", "40%", ["Solar Power"],
     ["Westland"]),
    ("headline-verb-after-to", "Agency to Hire 12000 New Nurses by 2026", "12000", ["New Nurses hired"], ["Agency"]),
    ("bare-verb-percent-phrase", "The carmaker plans to switch to 100 percent renewable power by 2035.", "100 percent",
     ["renewable power"], ["switch"]),
    ("bare-verb-area", "The new plantations will cover more than 2 million hectares by 2030.", "2 million",
     [], ["cover"]),
    ("bare-verb-area-noun", "It aims to restore 40,000 hectares by 2030.", "40,000", ["area restored"], []),
    ("bare-verb-power-capacity", "The programme is to deliver up to 24 GW by 2050.", "24 GW", ["capacity delivered"],
     ["capacity capacity"]),
    ("lead-to-no-participle", "The cap would lead to about 300,000 fewer foreign students by 2026.", "300,000",
     ["fewer foreign students"], ["led"]),
    ("goal-revised-to-value", "Foreign direct investment stood at 40 trillion yen last year. Officials said they "
     "would revise the 2030 goal to 90 trillion yen.", "90", ["foreign direct investment"], ["revise"]),
    ("rank-for-what", "The province aims to be one of the top 5 regions for quality of education by 2030.", "5",
     ["rank for quality of education"], ["regions"]),
    ("rank-for-what-in-world", "The country wants to be among the top 20 nations in the world for digital "
     "competitiveness by 2031.", "20", ["rank for digital competitiveness"], ["nations"]),
    ("rank-among", "The firm aims to rank among the world's top three shipbuilders by 2030.", "three",
     ["rank among shipbuilders"], []),
    ("generic-noun-refers-back", "Logistics costs were 14 percent of sales last year; by 2030 this value will fall "
     "to 11 percent.", "11 percent", ["logistics costs"], ["value"]),
    ("figure-as-high-as", "The government expects the bond balance to reach 100 trillion yen in 2030, and aims for a "
     "figure as high as 150 trillion yen before 2035.", "150", ["balance"], ["figure", "high"]),
    ("level-after-growth", "The annual revenue of the software industry will grow by 12% on average, to exceed "
     "2.2 trillion yuan in 2027.", "2.2 trillion", ["annual revenue of the software industry"], ["increase"]),
    ("source-of-amount", "The plan targets $15.2 billion from woven garments and $1.1 billion from leather goods "
     "by 2026.", "1.1", ["leather goods"], ["from"]),
    ("source-after-linking", "Of the total, $40 billion is targeted from merchandise exports.", "40",
     ["merchandise exports"], []),
    ("source-power-capacity", "Norland will have around 300 GW from solar and wind by 2030.", "300 GW",
     ["solar and wind capacity"], ["Norland"]),
    ("source-percent-share", "The mix will include 40 percent from large hydropower alongside 25 percent from wind "
     "by 2035.", "40 percent", ["large hydropower share"], ["alongside"]),
    ("goal-noun-before-auxiliary", "The bill says the maize output target has been fixed at 30 million tonnes for "
     "2026.", "30 million", ["maize output"], ["fixed", "target"]),
    ("verb-before-article-change", "The bill requires that by 2030 the state achieve a 15 percent increase in water "
     "efficiency.", "15 percent", ["water efficiency"], ["state", "achieve"]),
    ("goal-set-to-make", "A target has been set to make the economic growth rate 6.5 percent under the new plan.",
     "6.5", ["economic growth rate"], []),
    ("adverb-between-verb-and-number", "The council is failing to meet its target: it plans to deliver only 5,400 "
     "dwellings in 2025.", "5,400", ["dwellings delivered"], ["only"]),
    ("planned-for-subject", "Norda Motors also plans for EVs to account for more than 75 percent of sales in Europe "
     "by 2026.", "75", ["EVs share of sales"], ["Norda", "plans"]),
    ("part-will-have", "By 2030, 80-90 percent of villages nationwide will have paved roads.", "percent",
     ["villages", "with paved roads"], []),
    ("source-over-earlier", "Exports are targeted at $40 billion, including $15.2 billion from woven garments, "
     "$3.1 billion from knitwear and $1.1 billion from leather goods.", "3.1", ["knitwear"], ["woven"]),
    ("actor-subject-three-words", "The country's mining province plans to have 90,000 charging piles by 2026.",
     "90,000", ["charging piles"], ["province"]),
    ("change-of-percent-in", "The plan targets a drop of around 2.5 percent in water use per unit of output this "
     "year.", "2.5", ["drop in water use"], []),
    ("share-done", "By 2027, 95% of these projects will be completed.", "95", ["share of projects completed"], []),
    ("share-derived-from", "At least 5 percent of each utility's quota shall be derived from wind by 2030.",
     "5 percent", [], ["derived"]),
    ("count-will-be-done", "On average, over 30,000 homes will be built per annum until 2030.", "30,000",
     ["homes built per annum"], []),
    ("count-expected-to-be-done", "At least 12,000 nurses are expected to be trained by 2027.", "12,000",
     ["nurses trained"], []),
    ("count-phrasal-left", "By 2026, 80 new health posts will be set up in rural districts.", "80", ["health posts"],
     ["set"]),
    ("count-later-verb-not-done", "The 20,000 families that will benefit from the scheme will be housed by 2026.",
     "20,000", [], ["housed"]),
    ("contribute-percent-to", "Norland hopes to contribute 10 percent to the world's lithium demand by 2030.",
     "10 percent", ["share of", "lithium demand"], ["Norland", "hopes"]),
    ("share-to-be-noun", "The ministry wants 30% of local production to be electric vehicles by 2030.", "30%",
     ["electric vehicles share of local production"], []),
    ("spaced-dash-new-clause", "Norland reveals its EV roadmap, three-phase plan into 2030 - 30% of local production "
     "to be EVs by then", "30%", ["EVs share of local production"], ["plan"]),
    ("bare-goal-after-number", "The share of non-fossil power reached 42% last year. We will easily achieve the 50 "
     "per cent target by 2030, the minister said.", "50", ["share of non-fossil power"], ["target"]),
    ("change-noun-alone", "Targets for landfill use: By 2025: 30% reduction from 2010. By 2030: 50% reduction from "
     "2010 levels.", "50%", ["reduction"], []),
    ("headline-money-noun", "Westland Targeting US$21bn Investments From Mineral Processing", "21",
     ["Investments"], ["Westland"]),
    ("headline-verb-then-metric", "Norland passes higher solar power target of 12GW by 2035\n\nThe law was "
     "approved on Monday.", "12GW", ["solar power"], ["Norland", "passes"]),
    ("headline-verb-goal-noun", "Westmark governor sets clean electricity goal: 80% by 2040\n\nThe order was "
     "signed on Friday.", "80%", ["clean electricity"], ["governor", "sets", "goal"]),
    ("headline-actor-before-number", "Eastland eyes 50 bln USD farm export earnings by 2028\n\nThe ministry "
     "said so.", "50 bln", ["farm export earnings"], ["Eastland"]),
    ("headline-label-colon", "AU: 35% Recycled Water by 2032\n\nThe council agreed on the plan.", "35%",
     ["Recycled Water"], []),
    ("bare-target-of-value", "Copper output reached 3 million tons last year. The firm aims to meet the target of "
     "4 million tons in 2026.", "4 million", ["copper output"], ["target"]),
    ("named-aim-goes-on", "Coastal regions have set their growth targets near 6 percent. Lowmark aims for roughly "
     "6 percent, while Highmark targets about 6.5 percent this year.", "6.5 percent", ["growth"], ["Highmark"]),
    ("named-aim-bare-rates", "Inland regions set growth targets of 4 percent. Eastvale and Westvale both set their "
     "sights on rates of 4 percent or higher.", "4 percent or higher", ["growth"], ["rates"]),
    ("period-after-noun", "The plan will let the utility reach an operating profit in the period of between 900 and "
     "950 million euros.", "between 900", ["operating profit"], ["period"]),
    ("per-thing-money", "The group expects to pay a dividend of 0.42 euros per share in 2027.", "0.42",
     ["dividend per share"], []),
    ("per-thing-not-unit-per", "The rule keeps lead in water below 10 parts per billion from 2027.", "10 parts",
     [], ["per billion per"]),
    ("additional-without-article", "The county plans to irrigate additional 40,000 acres by 2027.", "40,000",
     ["area irrigated"], []),
    ("of-whole-after-plan-noun", "Norvia has plans targeting 55% of electricity generation from solar energy by "
     "2035.", "55%", ["share of electricity generation from solar energy"], []),
    ("power-for-thing", "The strategy sets a target of 4 GW for electrolysers by 2030.", "4 GW",
     ["electrolysers capacity"], []),
    ("power-for-each-own", "The plan sets targets of 50 gigawatts (GW) for solar and 15 GW for onshore wind by "
     "2035.", "15 GW", ["onshore wind capacity"], ["solar"]),
    ("goal-qualifier-dropped", "The government has set an ambitious growth target of 6.5 per cent for 2026.",
     "6.5", ["growth"], ["ambitious"]),
    ("benchmark-reading-gives-way", "The council wants to reach the standard 40 percent preschool enrolment of "
     "peer nations by 2029.", "40 percent", ["preschool enrolment"], ["share of standard"]),
    ("standard-as-modifier-kept", "The park will offer 300,000 square meters of standard warehouse space by 2027.",
     "300,000", ["standard warehouse space"], []),
    ("goal-qualifier-before-adverb-kept", "The bank revised down its credit growth target to 9 per cent for 2026.",
     "9 per cent", [], ["down 's"]),
    ("plan-adopter-not-metric", "The cabinet approved a plan to achieve 35 percent methane emission cut by 2032.",
     "35 percent", ["methane emission cut"], ["cabinet"]),
    ("plan-adopter-headline", "Norvia council OKs plan to achieve 25 percent landfill waste cut by 2031\n\nThe vote "
     "was close.", "25 percent", ["landfill waste cut"], ["council"]),
    ("demonstrative-share-refers-back", "The local hiring rate in the sector stands at 4 percent. The goal is to "
     "raise this percentage to 9 percent in 2028.", "9 percent", ["local hiring rate"], []),
    ("goal-qualifier-term-kept", "The government aims to raise official development assistance to 0.7% of GNI by "
     "2030.", "0.7%", ["official development assistance"], []),
    ("goal-qualifier-term-kept-money", "The bank aims to raise official reserves to $80 billion by 2027.", "80",
     ["official reserves"], []),
    ("goal-qualifier-before-goal-noun", "The state set a bold export goal of $50 billion for 2028.", "50",
     ["export"], ["bold"]),
    ("goal-qualifier-after-figure", "The parks board plans the replanting of 3,000 targeted acres of woodland by 2030.",
     "3,000", ["acres"], ["targeted"]),
    ("opening-action-gerund", "The decree sets these goals:\n- Allocating credit lines totaling $40 billion to small "
     "firms.\n- Keeping prices stable.", "40", ["credit lines allocated"], ["Allocating"]),
    ("opening-state-gerund-kept", "The decree sets these goals:\n- Remaining budget of $2 billion to be spent on "
     "schools.", "2", ["Remaining budget"], ["remained"]),
    ("opening-change-gerund-kept", "The decree sets these goals:\n- Rising wages of 5 percent for nurses.", "5",
     ["wages"], ["rised"]),
    ("opening-steering-gerund", "The decree sets these goals:\n- Managing yearly inflation below 6% and more.",
     "6%", ["yearly inflation"], ["Managing", "managed"]),
    ("activity-gerund-is-a-noun", "Funding levels for rural schools will reach $4 billion by 2027.", "4",
     ["Funding levels"], ["funded"]),
    ("ratio-part-no-share", "The decree sets these goals:\n- Managing consumer inflation levels below 7% and fiscal "
     "deficits below 2%, with later steps.", "below 2%", ["fiscal deficits"], ["share"]),
    ("preposition-gerund-is-no-metric", "The county will spend $50 million towards finishing 900 bridge repairs by "
     "2028.", "900", ["bridge repairs"], ["towards"]),
    ("reach-verb-opening-dropped", "The country aims to reach peak emissions of no more than 400 Mt by 2030.", "400",
     ["peak emissions"], ["reach"]),
    ("possessive-place-is-no-metric", "Norland's Eastvale looks to produce over 1.5 mln electric buses in 2027\n\n"
     "The plan was released on Monday.", "1.5 mln", ["electric buses"], ["Norland", "Eastvale"]),
    ("goal-qualifier-alone-kept", "The industry is calling for a binding target of at least 40% by 2030.", "40%",
     ["binding target"], []),
    ("name-then-qualified-phrase", "Norvia: 3.8% targeted economic growth rate for next fiscal year\n\nThe cabinet "
     "met on Sunday.", "3.8%", ["economic growth rate"], ["Norvia", "targeted"]),
    ("gerund-after-preposition", "The plan will add 40 lakh women to the workforce, along with training 3 crore "
     "youths for skilled jobs.", "3 crore", ["youths trained"], ["along"]),
]


@pytest.mark.parametrize(("rule", "text", "find", "wanted", "unwanted"), METRIC_ROWS, ids=[r[0] for r in METRIC_ROWS])
def test_metric(rule: str, text: str, find: str, wanted: list[str], unwanted: list[str]) -> None:
    check_metric_row(rule, text, PUBLISHED, find, wanted, unwanted)


#: rule -> (text, the record's text contains, expected actor or None for "no fragment", words the actor must not be).
ACTOR_ROWS: dict[str, tuple[str, str, str | None, list[str]]] = {
    "sentence-subject": ("Lakeview County will plant 40,000 trees by 2027.", "40,000", "Lakeview County", []),
    "carried-from-earlier": ("Riverton unveiled its climate plan on Monday. Tenders will be awarded for 300 MW of "
                             "solar capacity near Riverton by 2026.", "300 MW", "Riverton", ["Tenders"]),
    "pronoun-not-actor": ("Westmark Province released its budget. We will build 120 clinics by 2028, the Westmark "
                          "Province governor said.", "120", "Westmark Province", ["We"]),
    "headline-actor": ("Norland to double wind power by 2030\n\nThere are 12 wind farms in Norland today, and "
                       "Norland plans to open 10 more.", "12 wind farms", "Norland", ["There"]),
    "title-not-actor": ("Minister Jane Holt said the state would add 500 buses. Minister Holt spoke in Porto Vale.",
                        "500", None, ["Minister"]),
    "currency-symbol-not-actor": ("The state allocated Rs 2,000 crore to rural roads this year.", "2,000", None,
                                  ["Rs"]),
    "shouted-opener-not-actor": ("THE CABINET HAS approved the plan. Farm emissions must fall by 25% by 2030.", "25%",
                                 None, ["HAS"]),
    "fiscal-year-not-actor": ("Toll waiting time fell to 47 seconds in FY 2023-24.", "47", None, ["FY"]),
    "generic-body-not-actor": ("Scheme funds will reach Rs 400 crore by 2026.", "400", None, ["Scheme"]),
}


@pytest.mark.parametrize("rule", sorted(ACTOR_ROWS))
def test_actor(rule: str) -> None:
    text, find, expected, unwanted = ACTOR_ROWS[rule]
    records = [r for r in plancli.extract(text, published=PUBLISHED) if find in r.text]
    assert len(records) == 1, [r.to_dict() for r in plancli.extract(text, published=PUBLISHED)]
    actor = records[0].actor
    if expected is not None:
        assert actor is not None and expected in actor, f"{rule}: actor {actor!r}, expected {expected!r}"
    for word in unwanted:
        assert actor is None or actor.split()[0] != word, f"{rule}: actor {actor!r} is a fragment"
