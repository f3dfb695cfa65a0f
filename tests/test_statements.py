"""Statement rooms: one sentence per status / deadline rule, user cue rules, evidence on every record."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import plancli
from plancli.extract import Extractor
from plancli.patterns import PatternError, default_patterns_dir, load_pattern_set

PUBLISHED = "2024-05-01"

#: rule id -> (text, the record's text contains, expected status, expected deadline origin or None).
#: Data rules (patterns/context/*.jsonl) and the built-in ones of plancli/statements/status.py.
RULE_ROWS: dict[str, tuple[str, str, str, str | None]] = {
    "target-cue": ("The county will build 40 new schools by 2027.", "40", "target", "clause"),
    "actual-cue": ("Grain output stood at 12 million tonnes.", "12 million", "actual", None),
    "past-tense-verb": ("The province joined 18 trade zones.", "18", "actual", None),
    "actual-cue-after": ("The district expects 30 percent growth, and 2,000 jobs were created in the first half.",
                         "2,000", "actual", None),
    "target-cue-after": ("In the new plan, 60 industrial parks are to be upgraded.", "60", "target", None),
    "carry-cue": ("By 2027, Hexi District will open 12 new clinics. By then, its clinics will serve 900,000 residents.",
                  "900,000", "target", "carried"),
    "deadline-past": ("Provincial revenue rose to 80 billion yuan in 2022.", "80 billion", "actual", "clause"),
    "baseline-value": ("Wind capacity will reach 30 GW, up from 12 GW today.", "12 GW", "actual", None),
    "goals-leadin": ("The main targets for 2026 are:\n- 500 new charging stations\n- 20 bus depots", "500", "target",
                     "heading"),
    "deadline-future": ("The city hopes that 15 percent of homes are retrofitted by 2028.", "15 percent", "target",
                        "clause"),
    "perfect-tense": ("The state has pledged 3 billion rupees for rural roads.", "3 billion", "actual", None),
    "future-passive": ("The bureau will have planted 5 million trees by 2026.", "5 million", "target", "clause"),
    "own-future-deadline": ("The agency is already speeding up 4,000 permits over the next two years.", "4,000",
                            "target", "publication"),
    "default-actual": ("Some 45 villages in the valley lie above 2,000 metres.", "45", "actual", None),
    # not_target: forecasts and policy instruments are reported as actuals.
    "projection": ("Regional output is projected to grow 4.2 percent in 2026.", "4.2", "actual", "clause"),
    "it-is-estimated-that": ("It is estimated that output will reach 90 billion yuan, up 8%; exports will reach 12 "
                             "billion yuan.", "12 billion", "actual", None),
    "the-present-level": ("Road spending will rise from the present $4.1 billion to $6 billion by 2027.", "$4.1 billion",
                          "actual", "clause"),
    "gerund-bullet-item": ("Highlights of the plan:\n\n-- Creating 40,000 jobs in the county\n\n-- Other items", "40,000",
                           "target", None),
    "will-likely": ("Copper exports will likely end the year at around $3 billion.", "$3 billion", "actual",
                    "publication"),
    "todays-level": ("Output will rise 5% a year from today's 12 million tonnes.", "12 million", "actual", None),
    "estimate-of": ("Exports rose 3.9%, just below an earlier estimate of 4.2%.", "4.2%", "actual", None),
    "compared-to": ("Sales would slow to 4.2 percent, compared to a 5.1 percent rise in the prior season.", "5.1", "actual",
                    None),
    "percent-grant": ("Under the scheme, 20,000 farmers will be getting a 60% grant to buy drip kits.", "60%", "actual", None),
    "projected-for": ("A deficit of 2.1 billion euros is projected for 2026, the treasury said.", "2.1 billion", "actual",
                      "clause"),
    "global-market": ("The global market for heat pumps will reach $90 billion by 2029.", "$90 billion", "actual",
                      "clause"),
    "return-benchmark": ("The fund carries a performance benchmark of 4.5 percent a year.", "4.5", "actual", None),
    "target-reached-later": ("The port pledged a 30% cut in diesel use by 2030 but reached this target in 2023.",
                             "30%", "actual", "clause"),
    "target-was-reached": ("The city vowed to plant 20,000 trees by 2028, and officials say this target was "
                           "already met.", "20,000", "actual", "clause"),
    "own-calculation": ("By our calculations, the region will have 70% clean power by 2030.", "70%", "actual",
                        "clause"),
    "goal-which-is": ("The northern region has the highest growth target, which is above 6.5% this year.", "6.5%",
                      "target", "publication"),
    "already-done-after": ("The target is to triple the 40 solar farms already built in the state.", "40", "actual",
                           None),
    "to-be-done-after": ("Port chief announces 40 more cranes to be installed at the container terminal.", "40",
                         "target", None),
    "goal-participle-after": ("Ferry trips rose to 2.1 million, a third of the 6 million trips targeted by the port "
                              "for 2030.", "6 million", "target", "clause"),
    "progress-state-after": ("Some 64% of the county's road projects now complete, officials say", "64%", "actual",
                             None),
    "decided-to": ("The ministers agreed to lower fertiliser use by 20% and pesticide use by 50%.", "20%", "target",
                   None),
    "projects-figure": ("Lender Norbank projects 3.2 percent growth for the province in 2026.", "3.2",
                        "actual", "clause"),
    "has-projected-that": ("The lender has projected that farm output will rise by 2.5% in 2026.", "2.5%", "actual",
                           "clause"),
    "ensure-that": ("The county will dredge its canals and ensure that the share of treated sewage in the county "
                    "reaches 95%.", "95%", "target", None),
    "bare-verb-after-noun": ("Rice output stabilize at 3 million tonnes, the share of days with clean air reach 90% "
                             "above.",
                             "3 million", "target", None),
    "money-for-output": ("Funding for some 4,000 new homes has been agreed by the council.", "4,000", "target", None),
    "purpose-infinitive": ("Last month the council announced a $40 million grant to fund 12 new libraries.", "12",
                           "target", None),
    "projection-noun": ("The latest projection for 2026 is 1.8 percent growth in farm output.", "1.8", "actual",
                        "clause"),
    "would-need": ("Under the plan, the utility would need an investment of $12 billion by 2035.", "$12 billion",
                   "actual", "clause"),
    "all-members": ("The treaty must be ratified by all 27 member states before it takes effect.", "27", "actual",
                    None),
    "counterfactual": ("Had the grid kept pace, the region would today be exporting 2,000 MW of power.", "2,000",
                       "actual", None),
    "goal-set-at": ("The province's revenue target for 2026-27 stands at 9.2 billion rupees.", "9.2 billion",
                    "target", "clause"),
    "set-a-goal": ("The leather sector has been set a $2.4 billion goal by the trade ministry.", "$2.4 billion",
                   "target", None),
    "mentioned-in-plan": ("Raising literacy to 95 percent is also mentioned in the strategy.", "95 percent", "target",
                          None),
    "plan-mentions": ("The new transport plan also foresees a 40 percent rise in bus trips.", "40 percent", "target",
                      None),
    "powered-by": ("The startup aims to make green ammonia powered by 12 MW solar arrays.", "12 MW", "actual", None),
    "possessive-asset": ("The bank will work to electrify its branch network of 830 offices.", "830", "actual", None),
    "world-total": ("The mine could meet 8 percent of world lithium demand of 1.2 million tonnes.", "1.2 million",
                    "actual", None),
    "approved-after": ("With 240 solar projects approved so far, the agency plans more auctions.", "240", "actual",
                       None),
    "document-parts": ("The county's water plan puts forward 7 key tasks for the river basin.", "7", "actual", None),
    "to-each": ("Under the scheme, the state will give 2,500 rupees to each weaver.", "2,500", "actual", None),
    "against-target": ("Tax receipts against the annual target stood at 3.1 billion cedis.", "3.1 billion", "actual",
                       None),
    "first-person-expectation": ("I would expect around 300 MW of new wind to be built in the state next year.",
                                 "300 MW", "actual", "publication"),
    "we-need": ("We need 12% of output in new investment to catch up with our neighbours.", "12%", "actual", None),
    "reported-in-relative": ("The new programme will build on the 350 clinics that were opened in the first phase.",
                             "350", "actual", None),
    "commitment-to-doing": ("The ministry restated its commitment to lifting literacy from 70 percent to 90 percent.",
                            "90 percent", "target", None),
    "plan-includes-figure": ("The county's rural programmes include 3,000 km of gravel roads.", "3,000 km", "target",
                             None),
    "goals-heading-row": ("Our climate goals (by 2035, from a 2020 base)Progress\n40% cut in fleet fuel use\n"
                          "Source 80% of power from renewables", "40%", "target", "heading"),
    "irregular-past-verb": ("Under the new action plan, the bureau made 14 inspection visits.", "14", "actual",
                            None),
    "imperative-bullet-item": ("Priorities for the term:\n- Rehabilitate 640 km of rural roads\n- Open 12 clinics",
                               "640 km", "target", None),
    "action-noun-of": ("The grant covers the construction of 60 new boreholes in the district.", "60", "target",
                       None),
    "reported-verb": ("The port, aiming to double traffic, reported 4 million cruise and 9 million ferry passengers.",
                      "9 million", "actual", None),
    "there-are": ("The scheme reaches every village, and there are about 4,300 villages in the region.", "4,300",
                  "actual", None),
    "forecast": ("The central bank forecasts inflation of 3.5 percent next year.", "3.5", "actual", "publication"),
    "analysts-expect": ("Growth of 6 percent is expected by analysts for the coming year.", "6 percent", "actual",
                        None),
    "subsidy-cap": ("Farmers will receive a subsidy of up to 60 percent for drip irrigation.", "60", "actual", None),
    "benefit-up-to": ("Pensioners will get an energy rebate of up to 450 dollars on their winter bills.", "450",
                      "actual", None),
    "fiscal-impact": ("The bill is expected to decrease state revenue by $2.4 million in fiscal year 2027.",
                      "$2.4 million", "actual", "clause"),
    "requirement-for-goal": ("To reach the goal, the region needs an investment of $40 billion in grids.",
                             "$40 billion", "actual", None),
    "requirement-for-goal-have-to": ("To meet the target, the country will have to add 9 GW of wind capacity a year.",
                                     "9 GW", "actual", None),
    "shortfall-after": ("At the current pace, the 500 MW target will be 120 MW short.", "120 MW", "actual", None),
    "shortfall-before": ("The province fell short by 2.5 percent of its renewables goal.", "2.5 percent", "actual",
                         None),
    "cap": ("Loans under the scheme are capped at Rs 10 lakh per unit.", "10 lakh", "actual", None),
    "maximum-of": ("Each startup can draw a maximum of 5 million yuan from the fund.", "5 million", "actual", None),
    # headlines: a plan without a modal.
    "headline-to": ("Riverside county to plant 2 million trees\n\nThe county said on Monday it has a plan.",
                    "2 million", "target", None),
    "headline-money-plan": ("Province backs $12 billion water strategy\n\nThe vote came after a long debate.",
                            "12 billion", "target", None),
    "headline-sets-goal": ("Port authority sets 40 million tonne cargo goal\n\nThe port handled more ships.",
                           "40 million", "target", None),
    # money given, and instruments in force.
    "allocation": ("The ministry allocates $45 million to the northern district for clinics.", "$45 million",
                   "actual", None),
    "budget-of": ("The solar scheme comes with a total budget of Rs 900 crore.", "Rs 900 crore", "actual", None),
    "per-unit-rate": ("Home owners will get 300 dollars per kilowatt installed.", "300 dollars", "actual",
                      None),
    "per-recipient-every": ("The council will pay a 250-dollar bonus to every new apprentice.", "250-dollar", "actual",
                            None),
    "eligibility": ("Families earning less than 20,000 pesos a month will get free school meals.", "20,000", "actual",
                    None),
    "threshold-each": ("Only projects worth more than 50 million euros each will be eligible.", "50 million",
                       "actual", None),
    "threshold-above": ("The rule will cover plants above 5,000 tonnes of yearly output.", "5,000", "actual", None),
    "threshold-with": ("The levy will apply to firms having more than 250 staff on their payroll.", "250", "actual",
                       None),
    "achievement-level": ("Works whose completion rates exceeded 85% will be finished first.", "85%", "actual", None),
    "goals-achieved-by": ("The province says its plan targets were achieved by 72 percent.", "72", "actual", None),
    "potential-of": ("The coast has a technical potential of 40 GW of offshore wind.", "40 GW", "actual", None),
    "potential-after": ("The bay offers up to 12 GW of untapped potential.", "12 GW", "actual", None),
    "instrument-after": ("The pact brings in a 12% tariff on imported cement.", "12%", "actual", None),
    "forecast-that": ("The regional lender has forecast that the output of the country's textile and garment "
                      "industries would slow down to 3.1 percent.", "3.1", "actual", None),
    "procedural-period": ("Grants will be paid 90 days after the closing date of the call.", "90 days", "actual", None),
    "into-force": ("The decree enters into force 30 days after it is published.", "30 days", "actual", None),
    "rebate-rate": ("Under the new rules the feed-in tariff will be 8 cents for small rooftop systems.", "8 cents",
                    "actual", None),
    "worked-example": ("For example, a driver covering 15,000 km a year will save about $600.", "$600", "actual",
                       None),
    "worked-example-person": ("For a household using 300 kWh, the monthly bill will drop by 12 percent.",
                              "12 percent", "actual", None),
    # forecasts, hedges and benchmarks.
    "we-estimate": ("We estimate that solar will supply 40% of the grid by 2030.", "40%", "actual", "clause"),
    "estimate-verb": ("The think tank estimates a shortfall of 2 GW by 2028.", "2 GW", "actual", "clause"),
    "valued-at": ("The new bridge, valued at $300 million, will open next year.", "$300 million", "actual",
                  "publication"),
    "on-track": ("The province is on track to reach 30 percent forest cover by 2027.", "30 percent", "actual",
                 "clause"),
    "hedge": ("Demand could be as high as 90 TWh in 2030.", "90 TWh", "actual", "clause"),
    "would-mean": ("A 5% cut in the region's emissions would equate to 20 million tonnes a year.", "20 million",
                   "actual", None),
    "benchmark-needed": ("The 70% cut needed to be in line with the Paris goal is far away.", "70%", "actual", None),
    "benchmark-aligned": ("Anything below 40% is not aligned with 1.5 degrees, the analysts say.", "40%", "actual",
                          None),
    "estimated-to": ("Current measures are estimated to bring emissions down to 48 Mt in 2030.", "48 Mt", "actual",
                     None),
    "would-need-to": ("To be 1.5C compatible, the state would need to cut emissions to 30 Mt by 2030.", "30 Mt",
                      "actual", "clause"),
    "fair-share": ("The island's fair share contribution of 12 Mt in 2030 is far below its plan.", "12 Mt", "actual",
                   None),
    "potential-to": ("The lease areas have the potential to power almost 800,000 homes.", "800,000", "actual", None),
    "anaphoric-share": ("Of those 400 new clinics, 120 will open in rural districts by 2028.", "400", "actual",
                        "sentence"),
    "top-n-scope": ("From next year the top 500 listed companies must file a climate report.", "500", "actual", None),
    "section-number": ("The amendments to sections 12.405 and 12.410 will take effect in 2027.", "12.405", "actual",
                       "clause"),
    "sections-enacted": ("Section 4 is repealed and three new sections enacted in its place.", "three", "actual", None),
    "according-to-survey": ("According to the survey, 35% of graduates think the city will offer more jobs.", "35%",
                            "actual", None),
    "share-of-projected": ("About 40% of projected demand will come from data centres in 2030.", "40%", "actual",
                           "clause"),
    "falls-short": ("The pledge falls short of the 65% reduction that science demands.", "65%", "actual", None),
    "allocation-after": ("The state said Rs 600 crore sanctioned for canal repairs reached the districts.",
                         "Rs 600 crore", "actual", None),
    # plans without a modal in running text.
    "purpose-to": ("Over $2 billion through the housing fund to build 9,000 new social homes.", "9,000", "target",
                   None),
    "appeal": ("We call on every province to step up and reach an additional 500,000 trees.", "500,000", "target", None),
    "imminent": ("The territory is about to tender for another 300 MW of solar.", "300 MW", "target", None),
    "announced-plan": ("The carmaker announced a $4 billion investment plan in Mexico.", "$4 billion", "target", None),
    # forecasters (patterns/context/attribution.jsonl, generated from patterns/lexicon/forecast_sources.json)
    "source-its-forecast-role": ("The brokerage lifted its copper price scenario to $9,800 a tonne in 2025.",
        "$9,800", "actual", "clause"),
    "source-its-forecast-name": ("Halvard Analytics kept its solar outlook at 14 GW in 2025.",
        "14 GW", "actual", "clause"),
    "source-its-forecast-pair": ("The research firm trimmed its tablet shipment figures to 120 million units in 2025.",
        "120 million", "actual", "clause"),
    "source-its-forecast-body": ("The central bank lifted its growth forecast for 2025 to 3.4%.",
        "3.4%", "actual", "clause"),
    "forecast-adjective": ("The 2.6% predicted growth for 2025 is below the budget's assumption.",
        "2.6%", "actual", "clause"),
    "forecast-adjective-before": ("The port expects an anticipated 40,000 cruise visitors in 2025.",
        "40,000", "actual", "clause"),
    "forecast-period": ("Demand for drones will grow at 18% a year over the forecast period, the study found.", "18%",
                        "actual", None),
    "source-market-size": ("The regional cold-chain market size is expected to reach $12 billion by 2029.",
                           "$12 billion", "actual", "clause"),
    "person-titled": ("Oil analyst Ines Marr expects a weak year. Refinery runs will fall 3% in 2025, Marr said.",
                      "3%", "actual", "clause"),
    "person-appositive": ("Cement prices will ease, said Ravi Menon, an economist at Tallis Bank. Output will "
                          "reach 90 million tonnes in 2025, said Menon.", "90 million", "actual", "clause"),
    "source-says-person": ("Oil analyst Ines Marr expects a weak year. Refinery runs will fall 3% in 2025, Marr "
                           "also said.", "3%", "actual", "clause"),
    "source-said-by-person": ("Cement prices will ease, said Ravi Menon, an economist at Tallis Bank. Output will "
                              "reach 90 million tonnes in 2025, said Menon.", "90 million", "actual", "clause"),
    "source-according-to-person": ("Economist Ravi Menon sees a slow year. According to Menon, output will reach "
                                   "90 million tonnes in 2025.", "90 million", "actual", "clause"),
    "source-possessive-person": ("Economist Ravi Menon sees a slow year. Output will reach 90 million tonnes in "
                                 "2025 under Menon's forecast.", "90 million", "actual", "clause"),
    "source-according-to-role": ("According to economists polled by the paper, retail sales will rise 3% in 2025.",
        "3%", "actual", "clause"),
    "source-according-to-name": ("According to Marlow Economics, freight rates will fall 8% next year.",
        "8%", "actual", "publication"),
    "source-according-to-pair": ("According to the research firm, smart speaker sales will reach 40 million units "
                                 "in 2026.",
        "40 million", "actual", "clause"),
    "source-says-role": ("Steel demand will grow 6 percent next year, Fitch said in a note.",
        "6 percent", "actual", "publication"),
    "source-says-name": ("Hotel occupancy will climb to 78% by 2026, Tessaly Research said.",
        "78%", "actual", "clause"),
    "source-says-pair": ("Hotel revenue will climb to $3 billion by 2028, the consulting firm said.",
        "$3 billion", "actual", "clause"),
    "source-said-by-role": ("Grain imports will drop to 4 million tonnes next season, said Omar Haddad, a senior "
                            "analyst.",
        "4 million", "actual", None),
    "source-said-by-name": ("Cloud spending will top $90 billion in 2026, said Quorvel Analytics.",
        "$90 billion", "actual", "clause"),
    "source-said-by-pair": ("Air cargo will expand 5% a year through 2030, wrote the ratings agency.",
        "5%", "actual", "clause"),
    "source-report-by-role": ("Wind output will rise to 60 TWh in 2027, a study by economists at the university shows.",
        "60 TWh", "actual", "clause"),
    "source-report-by-name": ("Data centre demand will double to 9 GW by 2030, a report from Verity Intelligence "
                              "shows.",
        "9 GW", "actual", "clause"),
    "source-report-by-pair": ("Lithium prices will fall 20% next year, a study by the research house shows.",
        "20%", "actual", "publication"),
    "source-report-by-body": ("Inflation will average 2.7% in 2025, projections by the central bank show.",
        "2.7%", "actual", "clause"),
    "source-possessive-role": ("Gas demand will fall to 30 bcm by 2030 in the consultancy's central scenario.",
        "30 bcm", "actual", "clause"),
    "source-possessive-name": ("Fleet sales will reach 2 million cars in 2026 in Carrow Research's latest outlook.",
        "2 million", "actual", "clause"),
    "source-possessive-pair": ("Home prices will rise 4% in 2025, the research house's projections show.",
        "4%", "actual", "clause"),
    "source-possessive-body": ("Exports will grow 6% in 2025, the central bank's latest outlook shows.",
        "6%", "actual", "clause"),
    "source-according-to-firm": ("According to the data provider, tablet sales will reach 30 million units in 2026.",
        "30 million", "actual", "clause"),
    "source-says-firm": ("Bond issuance will climb to $80 billion in 2026, the investment bank said.",
        "$80 billion", "actual", "clause"),
    "source-said-by-firm": ("Gold demand will ease 4% in 2026, said the investment bank.", "4%", "actual", "clause"),
    "source-report-by-firm": ("Bond yields will fall to 3.5% in 2026, a note from the investment bank shows.",
        "3.5%", "actual", "clause"),
    "source-possessive-firm": ("Bond yields will fall to 3.5% in 2026 in the investment bank's outlook.",
        "3.5%", "actual", "clause"),
    "source-its-forecast-firm": ("The investment bank cut its copper outlook to $8,900 a tonne in 2026.",
        "$8,900", "actual", "clause"),
    "source-report-by-bodypair": ("Exports will rise 5% in 2026, projections by the economic institute show.",
        "5%", "actual", "clause"),
    "source-possessive-bodypair": ("Exports will rise 5% in 2026 in the economic institute's latest outlook.",
        "5%", "actual", "clause"),
    "source-its-forecast-bodypair": ("The economic institute kept its growth estimate at 2.2% in 2026.",
        "2.2%", "actual", "clause"),
    "source-expects-role": ("Economists expect retail sales to rise 3% in 2026.", "3%", "actual", "clause"),
    "source-expects-name": ("Marlow Economics sees freight rates falling 8% in 2026.", "8%", "actual", "clause"),
    "source-expects-pair": ("The research firm predicts smart speaker sales of 40 million units in 2026.",
        "40 million", "actual", "clause"),
    "source-expects-firm": ("The investment bank believes bond issuance will hit $80 billion in 2026.",
        "$80 billion", "actual", "clause"),
    "source-expects-person": ("Economist Ravi Menon sees a slow year. Menon believes output will hit 90 million tonnes "
                              "in 2026.", "90 million", "actual", "clause"),
    "asset-descriptor": ("The utility, which runs a network of 820 substations, will cut losses by 2029.", "820",
                         "actual", "sentence"),
    "announced-investments-amounting": ("The minister announced on Monday new rail investments worth $4 billion.",
                                        "$4 billion", "target", None),
    "committing-money": ("The cabinet unveiled a port plan on Friday, committing 300 billion pesos toward new berths.",
                         "300 billion", "target", None),
    "approval-for": ("The water board has sought cabinet approval for a Rs 9,000 crore outlay for new mains.",
                     "Rs 9,000", "target", None),
    "plan-includes": ("The master plan, shared with the states last week, includes building 7,500 km of roads.",
                      "7,500 km", "target", None),
    "as-against": ("Wheat procurement stood at 26 million tonnes as against 34 million tonnes a year earlier.",
                   "34 million", "actual", None),
    "obligation": ("Each utility has to source 20 percent of its power from renewables.", "20 percent", "target",
                   None),
    "current-level": ("Pension contributions will rise from the current rate of 9 percent.", "9 percent", "actual",
                      None),
    "imperative-item": ("Key tasks for the year were set. Train no fewer than 600 village doctors.", "600", "target",
                        None),
    "change-from": ("The bus fare of 40 cents will rise to 55 cents.", "40 cents", "actual", None),
    "announced-earlier": ("The clinics will be paid from the $3bn fund announced in the last budget.", "$3bn",
                          "actual", None),
    "counts-as": ("Each tonne of recycled steel shall count as 1.5 tonnes for the quota.", "1.5 tonnes", "actual",
                  None),
    "age": ("Families will receive a grant until the child turns 16 years of age.", "16", "actual", None),
    "prior-to": ("Under the scheme buyers will pay 5 percent prior to completion.", "5 percent", "actual", None),
    "goals-include": ("The region works towards its climate targets, which include 40% less landfill waste.",
                      "40%", "target", None),
    "predicate-target": ("The figure of 300,000 new jobs was an ambitious target, the mayor said.", "300,000",
                         "target", None),
    "current-trends": ("Under current policies, coal will still supply 35% of power in 2035.", "35%", "actual",
                       "clause"),
    "current-policies-lead": ("Current policies and actions will lead to emissions 20% below 2010 levels in 2030.",
                              "20%", "actual", "clause"),
    "under-construction": ("About 2 GW of solar farms are under construction in the north.", "2 GW", "actual",
                           None),
    "than-in-year": ("Since then, ridership has climbed steadily to be 12% higher than in 2019.", "12%", "actual", None),
    "achieved-target": ("The island reaches its 100% solar power target two years early.", "100%", "actual", None),
    "set-itself": ("The port authority has set itself the task of handling 9 million containers.", "9 million",
                   "target", None),
    "consists-of-count": ("The strategy consists of four pillars, 85 sectoral programmes and 12 funds.",
                          "85 sectoral", "actual", None),
    "superlative-group": ("The law requires the 40 largest towns to publish a heat plan.", "40 largest", "actual",
                          None),
    "named-asset-size": ("The ministry said 450 MW will come online once the 450MW Lakeside Power Plant is built.",
                         "450MW", "actual", None),
    "plan-parts-outlined": ("Each of the 24 strategies outlined in the county plan has a lead agency.", "24", "actual",
                            None),
    "if-keeps-trend": ("If the region keeps its average growth rate of 6%, it will miss the goal.", "6%", "actual",
                       None),
    "if-trend-continues": ("If the 8% growth rate of the past year continues, the port will run out of space.", "8%",
                           "actual", None),
    "announcement-money": ("The announcement would put another $30 million toward battery research.", "$30 million",
                           "actual", None),
    "announced-initiative-to": ("The governor has announced a new initiative to lift farm exports to $9 billion.",
                                "$9 billion", "target", None),
    "measures-to": ("Among the bills signed were measures to cut landfill waste by 40 percent.", "40 percent", "target",
                    None),
    "demanded-measures": ("Farm groups demanded tougher measures to cut fertiliser prices by 30 percent.", "30 percent",
                          "actual", None),
    "reduced-to-at-most": ("Coal use is to be reduced to a maximum of 12 million tonnes.", "12 million", "target",
                           None),
    "imperative-after-comma": ("The city will upgrade bus depots, build 800 charging points, and plant trees.",
                               "800", "target", None),
    "threshold-relative": ("A utility with a wind share that exceeds 20 percent shall file a report.", "20 percent",
                           "actual", None),
    "share-of-goals": ("The review found that the county met 60% of its climate goals.", "60%", "actual", None),
    "accomplishments-include": ("The report's main achievements include planting 90,000 trees in the suburbs.",
                                "90,000", "actual", None),
    "total-of-part": ("In the health sector, 17 of 20 new clinics have opened.", "20 new", "actual", None),
    "projected-heading": ("Bank outlook for the region\nProjected growth rates of farming (3.1%) and trade (2.2%).",
                          "3.1%", "actual", None),
    "announced-under-scheme": ("In the budget, 60,000 rural homes were announced under the housing scheme.", "60,000",
                               "target", None),
    "plan-line-item": ("The cabinet listed its priorities.\nIncrease in river freight from 4 million to 7 million "
                       "tonnes.", "7 million", "target", None),
    "goal-for-pair-set-at": ("The goal for dairy and meat exports has been set at $2.4 billion.", "2.4 billion",
                             "target", None),
    "set-a-minimum": ("The ministry has set a minimum localisation share of 40 percent for new car plants.", "40",
                      "target", None),
    "provides-for": ("The new law provides for at least 12 industrial clusters in border districts.", "12", "target",
                     None),
    "plan-of-doing": ("Premier unveils plan of milling 2mn tonnes of wheat\nThe premier spoke in the capital.",
                      "2mn tonnes", "target", None),
}


#: Rules that show in another rule's evidence: a carry cue's target cue, a person named a forecaster by the
#: attribution to that name.
RULE_EVIDENCE = {"carry-cue": "target-cue", "person-titled": "source-says-person",
                 "person-appositive": "source-said-by-person"}


def _record(text: str, find: str, extractor: Extractor | None = None) -> plancli.Target:
    records = extractor.extract(text, published=PUBLISHED) if extractor else plancli.extract(text, published=PUBLISHED)
    found = [r for r in records if find in r.text]
    assert len(found) == 1, [r.to_dict() for r in records]
    return found[0]


def test_every_cue_rule_has_a_sentence():
    ids = {rule.id for rule in load_pattern_set().cue_rules}
    missing = sorted(ids - set(RULE_ROWS))
    assert not missing, f"cue rules without a sentence in RULE_ROWS: {missing}"


@pytest.mark.parametrize("rule", sorted(RULE_ROWS))
def test_rule_sentence(rule):
    text, find, status, origin = RULE_ROWS[rule]
    record = _record(text, find)
    assert record.evidence is not None
    evidence = record.evidence.to_dict()
    expected_rule = RULE_EVIDENCE.get(rule, rule)
    assert (record.status, evidence["status"]["rule"]) == (status, expected_rule), evidence
    if evidence["status"]["text"] is not None:
        assert text[evidence["status"]["start"]:evidence["status"]["end"]] == evidence["status"]["text"]
    assert (evidence["deadline"] or {}).get("from") == origin, evidence
    if evidence["deadline"]:
        assert text[evidence["deadline"]["start"]:evidence["deadline"]["end"]] == evidence["deadline"]["text"]


def test_user_cue_rule_makes_a_forecast_not_a_target(tmp_path):
    (tmp_path / "context").mkdir()
    rule = {"id": "pencilled-at", "category": "not_target", "pattern": "pencilled in at", "direction": "forward",
            "max_scope": 3, "terminated_by": [";"], "note": "An outside forecast, not a plan."}
    (tmp_path / "context" / "mine.jsonl").write_text(json.dumps(rule) + "\n", encoding="utf-8")
    text = "Exports are pencilled in at 6 percent growth by 2027."
    assert _record(text, "6 percent").status == "target"  # the deadline ahead alone makes it a target
    record = _record(text, "6 percent", Extractor(patterns=[tmp_path]))
    assert record.status == "actual"
    assert record.evidence is not None and record.evidence.status.rule == "pencilled-at"
    assert record.evidence.status.text == "pencilled in at"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "category": "maybe", "label": "TARGET_CUE", "direction": "forward"}', "unknown category"),
        ('{"id": "x", "category": "target", "label": "TARGET_CUE", "direction": "sideways"}', "unknown direction"),
        ('{"id": "x", "category": "target", "label": "TARGET_CUE", "direction": "forward", "scope": 3}',
         "unknown key 'scope'"),
        ('{"id": "x", "category": "target", "direction": "forward"}', "exactly one of"),
        ('{"id": "x", "category": "target", "label": "NOPE", "direction": "forward"}', "unknown label"),
        ('{"id": "x", "category": "target", "pattern": "aims", "direction": "both", "max_scope": 0}', "max_scope"),
        ('{"id": "target-cue", "category": "target", "pattern": "aims", "direction": "both"}', "duplicate cue rule"),
    ],
)
def test_bad_cue_rule_fails_with_file_and_line(tmp_path, line, message):
    (tmp_path / "context").mkdir()
    path = tmp_path / "context" / "bad.jsonl"
    path.write_text("// a comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PatternError, match=message) as info:
        load_pattern_set((tmp_path,))
    assert str(info.value).startswith(f"{path}:2:")


def test_every_record_explains_itself():
    text = (Path(__file__).parents[1] / "samples").glob("*.txt")
    for sample in text:
        source = sample.read_text(encoding="utf-8")
        for record in plancli.extract(source):
            evidence = record.to_dict()["evidence"]
            assert evidence["status"]["rule"]
            assert (evidence["deadline"] is None) == (record.deadline is None)
            for part in (evidence["status"], evidence["deadline"] or {}):
                if part.get("text") is not None:
                    assert source[part["start"]:part["end"]] == part["text"]


def test_lexicons_say_what_they_are_for():
    for path in sorted((default_patterns_dir() / "lexicon").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("description", "").strip(), f"{path}: add a one-line 'description' of its role"
    for rule in load_pattern_set().cue_rules:
        assert rule.note.strip(), f"{rule.origin}: add a 'note' saying what the rule is for"


def test_no_long_word_lists_in_statement_code():
    """Vocabularies are data: no literal of more than ten strings in plancli/statements/."""
    package = Path(plancli.__file__).parent / "statements"
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        closed_class = {id(n) for a in ast.walk(tree) if isinstance(a, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id in {"DETERMINERS", "PRONOUNS"} for t in a.targets)
                        for n in ast.walk(a.value)}
        for node in ast.walk(tree):
            if id(node) in closed_class:
                continue
            if isinstance(node, ast.Set | ast.List | ast.Tuple):
                words = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(words) > 10 and not all(w.value.isupper() for w in words):
                    raise AssertionError(f"{path}:{node.lineno}: a list of {len(words)} words; move it to "
                                         "patterns/lexicon/")


def test_csv_flattens_evidence():
    from plancli.writers import CSV_COLUMNS, flatten_record

    record = _record(*RULE_ROWS["target-cue"][:2]).to_dict()
    flat = flatten_record(record)
    assert list(flat) == list(CSV_COLUMNS)
    assert flat["evidence_status"] == "target-cue: will"
    assert flat["evidence_deadline"] == "clause: by 2027"


def test_table_explain_column(tmp_path):
    from typer.testing import CliRunner

    from plancli.cli import app

    path = tmp_path / "plan.txt"
    path.write_text(RULE_ROWS["target-cue"][0], encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "table", "--explain", "--quiet",
                                      "--published", PUBLISHED])
    assert result.exit_code == 0, result.output
    assert "why" in result.output and "target-cue 'will'" in result.output
