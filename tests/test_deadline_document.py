"""Deadlines that come from the whole document, table-driven.

Every sentence was written for this file in the genre (ministry releases, budget stories, wire copy with a
dateline); none is copied from an article. Covered:

* a dateline of month and year ("QUITO, Ecuador, Feb. 2022 – ...", a line "April 2022") or with a place
  in non-ASCII letters dates the article, so relative deadlines resolve;
* a budget named with its fiscal year in the first lines ("the 2023/2024 budget", "the 2024-25 budget"),
  a lead sentence that sets a goal for a fiscal year and a plan named by its length only ("12 years plan")
  give the period of the document's targets; "Of the total, ..." carries the total's deadline; an undated
  budget story's "over four years" ends where "the four years to 2027-28" stated before ends;
* a sentence that points back at the one before ("These chargers ...", "The plan ... includes ...")
  takes its deadline;
* a headline or lead that sets this year's goals frames the annual goals below it; a plan named with one year
  ("Vision 2045", "the 2035 Strategy") gives its horizon to the targets without a deadline; a date line below the
  headline is no line of text, a short heading ends the first lines;
* a numbered plan ("the 16th Five-Year Plan") has the years of the article's country (Nepal, Bangladesh, ...),
  China's when the article names no other; an ordinal the country never had names no period;
* "over this Parliament" ends with the term under way; "this same period" carries; "in third quarter of 2026";
  "Rs. 8,000" does not end a sentence;
* a figure reported for a past period ("the $8.3 billion recorded in FY25") never gives a deadline.

A scope row is ``(text, published, find, expected)``: exactly one record's ``text`` contains ``find``;
``expected`` holds ``deadline`` (end year or None) and optionally ``from`` (``evidence.deadline.from``)
and ``status``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from rowchecks import check_deadline_row

from plancli.normalize.dates import find_published

_LONG = " The provincial government said the money would come from the state budget and from donors. " * 3

DATELINES: list[tuple[str, dt.date | None]] = [
    ("Province pledges forests\n\nQUITO, Ecuador, Feb. 2022 – The government will restore land." + _LONG,
     dt.date(2022, 2, 1)),
    ("City approves spending plan\n\nApril 2022\n\nThe council will pave roads.", dt.date(2022, 4, 1)),
    ("City approves spending plan\n\nSept. 2018\n\nThe council will pave roads.", dt.date(2018, 9, 1)),
    ("City approves spending plan\n\n14 February 2024\n\nThe council will pave roads.", dt.date(2024, 2, 14)),
    ("Port city sets growth goal\nĐÀ NẴNG, June 3, 2024 The city aims for faster growth." + _LONG,
     dt.date(2024, 6, 3)),
    ("Council sets housing goal\n\nKRAKÓW, May 2023: The council will build flats." + _LONG, dt.date(2023, 5, 1)),
    # a full date anywhere in the header beats a month and year
    ("Agency report\nMarch 2021\nPublished: 2021-03-15\nBody.", dt.date(2021, 3, 15)),
    # a headline or a sentence that starts with a month and year is no dateline
    ("May 2024 jobs report beats forecasts\n\nEmployers added jobs.", None),
    ("Title\n\nThe report, released in March 2021, said output rose.", None),
    ("Title\n\nRain in March 2021 flooded 300 homes.", None),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES, ids=[t[1].isoformat() if t[1] else "none" for t in DATELINES])
def test_dateline(text: str, expected: dt.date | None) -> None:
    assert find_published(text) == expected


Row = tuple[str, str | None, str, dict[str, Any]]

ROWS: list[Row] = [
    # --- a month-and-year dateline resolves relative deadlines ------------------------------------
    ("Province pledges forests\n\nQUITO, Ecuador, Feb. 2022 – The provincial government plans to restore "
     "50,000 hectares of forest over the next eight years.", None, "50,000 hectares",
     {"deadline": 2030, "from": "publication"}),
    ("Council approves road plan\n\nMarch 2023\n\nThe council will pave 120 km of rural roads this year.", None,
     "120 km", {"deadline": 2023}),
    # --- a budget named with its fiscal year in the first lines ---------------------------------
    ("Finance minister tables 2023/2024 budget\n\nThe government will hire 5,000 nurses and build 300 "
     "dispensaries.", "2023-06-15", "300 dispensaries", {"deadline": 2024, "from": "document"}),
    ("While reading the 2023/2024 budget, the minister set aside Ksh 4 billion for schools.\n\nOut of this, "
     "Ksh 1 billion will buy 90,000 desks.", "2023-06-15", "90,000 desks", {"deadline": 2024}),
    ("Treasury details the 2024-25 budget\n\nCounties will receive Rs 800 billion for roads.", "2024-06-10",
     "Rs 800 billion", {"deadline": 2025, "from": "document"}),
    ("Agency sets $12 billion export target for FY26\n\nOf this, $9 billion is targeted from goods, up 8% "
     "from the $8.3 billion recorded in FY25.", "2025-08-01", "$9 billion", {"deadline": 2026, "from": "document"}),
    ("Highlights of the state budget\n\nThe 2026-27 state budget sets aside Rs 12,000 crore for irrigation.\n\n"
     "Revenue collection is targeted at Rs 2.1 lakh crore.", "2026-03-01", "Rs 2.1 lakh crore",
     {"deadline": 2027, "from": "document"}),
    # the fiscal year stated once; the breakdown of the same total follows
    ("Exporters briefed on new goals\n\nCAIRO, July 2025: The government has set an export earnings target of "
     "$50 billion for the fiscal year 2025–26 (FY’26).\nOf the total, $41 billion is targeted from goods.", None,
     "$41 billion", {"deadline": 2026}),
    ("The county will spend $40 million on parks by 2027. Out of this, $12 million will restore 30 playgrounds.",
     "2025-01-01", "30 playgrounds", {"deadline": 2027, "from": "carried"}),
    # a lead sentence that sets a goal for a period across years frames the article like a headline does
    ("Exporters briefed on new goals\n\nCAIRO, July 2025: The government has set an export earnings target of "
     "$50 billion for the fiscal year 2025–26 (FY’26).\n\nThe ministry said the services sector should earn "
     "$9 billion.", None, "$9 billion", {"deadline": 2026}),  # the lead's period, carried or as the document's
    # ... a lead that reports a past period does not
    ("Council reviews its budget\n\nThe council spent $3 million on parks in 2023-24, officials said.\n\n"
     "The council will hire 40 rangers.", "2025-01-01", "40 rangers", {"deadline": None}),
    # an undated budget story's "over four years" is the "four years to 2027-28" stated before
    ("Budget papers forecast net debt of $40 billion over the four years to 2027-28.\n\nThe government will "
     "spend $2 billion over four years to build 12 new hospitals.", None, "12 new hospitals",
     {"deadline": 2028, "from": "clause"}),
    ("Budget papers forecast net debt of $40 billion over the four years to 2027-28.\n\nThe government will "
     "spend $500 million over five years to build 30 new clinics.", None, "30 new clinics", {"deadline": None}),
    # a headline or lead that sets the goals of the year of publication frames the annual goals below it
    ("County work report: this year's growth target set at about 6%\n\nThe county will add 12,000 urban jobs.\n\n"
     "Trade and investment. Exports strive to grow 7%, and actual use of foreign capital 300 million dollars.",
     "2024-01-20", "300 million", {"deadline": 2024, "from": "document"}),
    ("Provinces lift growth goals\n\nHANOI, March 3, 2025 Provinces are raising their growth goals to beat a "
     "target set by the central government for this year.\n\nOne province aims to achieve 9 per cent "
     "growth.", None, "9 per cent", {"deadline": 2025, "from": "document"}),
    # ... a lead that reports this year's figure does not
    ("Port traffic climbs\n\nThe port handled 4 million containers this year, officials said.\n\nThe port will "
     "add 6 new berths.", "2024-11-01", "6 new berths", {"deadline": None}),
    # --- a plan named with one year is its horizon -------------------------------------------------
    # "Vision"/"Agenda" name a horizon even in an undated text
    ("Ruritania Vision 2045\n\nThe kingdom aims to raise tourism to 12 percent of GDP.", None, "12 percent",
     {"deadline": 2045, "from": "document"}),
    ("Ruritania Reform Policy 2021\n\nThe kingdom aims to raise tourism to 12 percent of GDP.", None,
     "12 percent", {"deadline": None}),
    # the year before the name ("the Ruritania 2035 Strategy"), in the first lines below a date line
    ("President sets out long-term plan\n\nMon Mar 4 2024\n\nRURITANIA: The president unveiled his plan for the "
     "country's next decade.\n\nThe Ruritania 2035 Strategy groups its goals into six areas.\n\nIn health, key "
     "objectives include vaccinating 2 million children.", None, "2 million children",
     {"deadline": 2035, "from": "document"}),
    ("City reviews its record\n\nThe 2022 strategy guided the council's work.\n\nThe council will plant "
     "4,000 trees.", "2024-03-01", "4,000 trees", {"deadline": None}),
    # ... outside its own clause a plan's one-year name is what the sentence is about, not a deadline
    ("Officials met on Monday.\n\nDrafted over two years, the Ruritania Vision 2035, approved by the cabinet, "
     "lists 80 priority projects.", "2024-03-01", "80 priority projects", {"deadline": None, "status": "actual"}),
    # a short heading below the headline ends the first lines: a roundup's summary names no period of its own
    ("Weekly roundup: March 22, 2024\n\nTop stories:\n\nTwo states present their Budgets 2024-25; a port "
     "opens.\n\nThe state will create 12 new districts.", "2024-03-22", "12 new districts", {"deadline": None}),
    # --- a plan named by its length only, from the publication date --------------------------------
    ("Country launches 12 years plan to end hunger\n\nThe government will irrigate 400,000 hectares of farmland.",
     "2025-05-01", "400,000 hectares", {"deadline": 2036, "from": "document"}),
    ("Regional board adopts a ten years development plan\n\nThe region will build 2,000 km of rural roads.",
     "2025-05-01", "2,000 km", {"deadline": 2034, "from": "document"}),
    # --- a sentence that points back at the one before --------------------------------------------
    ("The province will install 100,000 public chargers by 2027.\n\nThese chargers will serve 700,000 electric "
     "cars.", "2025-01-01", "700,000", {"deadline": 2027, "from": "carried"}),
    ("The ministry plans to build 25,000 km of railways by 2035. The national plan, approved by the cabinet, "
     "includes electrifying 9,000 km of lines.", "2025-01-01", "9,000 km", {"deadline": 2035, "from": "carried"}),
    ("The state will add 5 GW of solar by 2030.\n\nThe projects will support 2,000 jobs.", "2025-01-01",
     "2,000 jobs", {"deadline": None}),
    ("The agency will connect 3,000 villages to the grid by 2028.\n\nThese upgrades will also create "
     "4,500 jobs.", "2025-01-01", "4,500 jobs", {"deadline": None}),
    # --- a numbered plan is the article's country's ----------------------------------------------------
    ("Nepal approves its plan\n\nKATHMANDU - Nepal's cabinet approved the 16th Five-Year Plan on Monday. "
     "Under the 16th Five-Year Plan, Nepal aims to raise its literacy rate to 95 percent.", "2024-05-01",
     "95 percent", {"deadline": 2029}),
    ("16th plan sets growth goal\n\nKATHMANDU, May 16: The 16th Five-Year Plan aims to raise the economic growth "
     "rate to 7.3 percent.", "2024-05-16", "7.3 percent", {"deadline": 2029}),
    ("Dhaka unveils growth plan\n\nDHAKA - Bangladesh will create 11 million jobs during the 8th Five Year "
     "Plan, the planning minister said in Dhaka.", "2020-12-01", "11 million", {"deadline": 2025}),
    ("Province sets energy goal\n\nThe province will install 3 GW of wind power during the 16th Five-Year Plan "
     "period, its development commission said.", "2026-03-01", "3 GW", {"deadline": 2035}),
    # a Bikram Sambat fiscal year ("2085/86" is 2028/29) is never read as a Gregorian one
    ("Nepal sets literacy goal\n\nKATHMANDU, May 16: The commission set a target to raise the literacy rate to "
     "90 percent by 2085/86.", "2024-05-16", "90 percent", {"deadline": None}),
    ("Nepal reviews its plans\n\nNepal's officials said Nepal would finish 40 hydropower projects during the "
     "9th Five-Year Plan.", "2024-05-01", "40 hydropower", {"deadline": None}),
    # a plan named after its country reads that country's table ("13MP" is the 13th Malaysia Plan, 2026-2030)
    ("Plan review tabled\n\nKUALA LUMPUR: The government targets wage growth of at least 6 per cent a year "
     "during the 13MP.", "2028-09-01", "6 per cent", {"deadline": 2030}),
    ("Under the Twelfth Malaysia Plan, the state will build 40 new schools.", "2022-03-01", "40 new schools",
     {"deadline": 2025}),
    # "the fiscal year 2025/2026" is one fiscal year; an undated text's "next fiscal year" is the one it names
    ("The cabinet approved the plan for the fiscal year 2025/2026, which targets 5.2% growth.", None, "5.2%",
     {"deadline": 2026}),
    ("Country sets growth goal for next fiscal year\n\nThe minister said the social and economic plan for the "
     "fiscal year 2024/2025 puts people first. She said the growth rate for the next fiscal year will reach 3.9%.",
     None, "3.9%", {"deadline": 2025}),
    ("The minister compared the budget for fiscal year 2023/24 with the budget for fiscal year 2024/25. Growth for "
     "the next fiscal year will reach 3.9%.", None, "3.9%", {"deadline": None}),
    # an undated company's "Medium-term Plan 2028" is named after its last year, and beats its far vision
    ("Medium-term Business Plan 2028\n\nUnder the Medium-term Business Plan 2028, we also set out our Group Vision "
     "2035.\nIn the Retail Business, we will target net sales of 80 billion yen.", None, "80 billion",
     {"deadline": 2028}),
    # a lead naming a plan that restates the headline's figure gives that goal's horizon to the plan's items
    ("Region unveils roadmap to a $2 trillion economy\n\nThe regional government released a blueprint to grow "
     "into a $2 trillion economy by 2032 at a summit on Monday.\nThe blueprint plans to bring 40 lakh young people "
     "into jobs.", None, "40 lakh", {"deadline": 2032, "from": "document"}),
    ("Island wants to lift tourism receipts to $9 billion by 2028\n\nThe tourism ministry has announced a new "
     "plan to lift receipts to $9 billion by 2028.\n\nThe target for cruise arrivals has been set at 400,000, "
     "with a $1.2 billion aim for hotel receipts.", None, "$1.2 billion", {"deadline": 2028}),
    # ... the plan's own period, stated in the first lines, beats that horizon
    ("Country sets goal of a $3 trillion economy by 2040\nThe country set a goal of a $3 trillion economy by 2040 "
     "under a new national plan.\nThe plan aims for 7% growth a year over the five years from 2025 to 2029.\n"
     "Under this plan, the country will plant 10 million trees.", None, "10 million trees", {"deadline": 2029}),
    # ... and a lead whose figure is not the headline's names one target, not the plan's horizon
    ("Region unveils growth roadmap\n\nThe regional government released a plan to add 300 buses by 2030.\n"
     "The plan also backs 50 new clinics.", None, "50 new clinics", {"deadline": None}),
    # a translated outline's "Eleventh Five-Year Plan" that ended long before is the plan of now when it plans
    ("Prefecture sets power goals\n\nDuring the Eleventh Five-Year Plan period, the county's grid reliability "
     "will reach 99.9%.", "2022-04-01", "99.9%", {"deadline": 2025}),
    ("The city outline for the 14th Five-Year Plan period was released. During the Eleventh Five-Year Plan "
     "period, the share of wind power will rise to 30%. By 2025, output will reach 5 GW.", None, "30%",
     {"deadline": 2025}),
    ("The county drafted its development outline. It is proposed that at the end of the Tenth Five-Year Plan "
     "period, forest cover will reach 45%. By 2025, 300 villages will have paved roads. In 2025, tourism will "
     "reach 8 million visits.", None, "45%", {"deadline": 2025}),
    # ... but history keeps its period, and so does a plan with its years
    ("Province reviews its record\n\nDuring the Tenth Five-Year Plan period, the province's output grew 9% a "
     "year.", "2022-04-01", "9%", {"deadline": 2005}),
    ("Oman reviews its plan\n\nUnder the Tenth Five-Year Plan (2021-2025), Oman aims to lift growth to 3.5%.",
     "2023-04-01", "3.5%", {"deadline": 2025}),
    # ... nor does a sentence that tells the old plan's aims in the past (red-team 8, finding 3)
    ("Cement sector review\n\nThe 10th Five-Year Plan had aimed to lift cement output to 900 million tonnes, a "
     "goal it missed.", "2025-06-01", "900 million", {"deadline": 2005, "status": "actual"}),
    ("Mining review\n\nUnder the Tenth Five-Year Plan, the ministry planned to close 40 million tonnes of mines.",
     "2025-06-01", "40 million", {"deadline": 2005}),
    ("Road review\n\nThe expressway grid was built under the 11th Five-Year Plan, which targeted 60,000 km of "
     "roads.", "2025-06-01", "60,000 km", {"deadline": 2010, "status": "actual"}),
    # --- among lead figures of the headline's value, the one sharing its words is the restatement ---------
    ("Government targets 5 percent growth\n\nInflation stood at 5% in 2024, and the government now targets 5% growth "
     "by 2027.", None, "5 percent", {"deadline": 2027}),
    # --- a headline that opens with a year takes the lead's deadline for its figure when the years agree -----
    ("Country Sets Goal: 2030 Electric Buses Must Reach 40 Percent\n\nCAPITAL - The transport ministry said the "
     "country is targeting 40 percent of new bus sales to be electric by 2030.", None, "40 Percent",
     {"deadline": 2030}),
    ("Country Sets Goal: 2030 Electric Buses Must Reach 40 Percent\n\nCAPITAL - The transport ministry said the "
     "country is targeting 40 percent of new bus sales to be electric by 2035.", None, "40 Percent",
     {"deadline": None}),
    # --- a lead restates the headline's figure only with the same value and unit (red-team 8, finding 9) ----
    ("Ministry unveils plan to train 3 million workers\n\nUnder the new plan, 4 million homes will get broadband "
     "by 2028.\nThe plan will also open 90 colleges.", "2025-06-01", "3 million workers", {"deadline": None}),
    ("Town to plant one million saplings\n\nThe plan includes one new reservoir by 2027, officials said.",
     "2025-06-01", "one million", {"deadline": None}),
    # --- an undated review's "next fiscal year" follows the fiscal year it reports (red-team 8, finding 12) --
    ("Revenue outturn\n\nIn the fiscal year 2021/2022, tax revenue was 3 trillion rupees. The ministry aims to "
     "lift the tax ratio to 12% of GDP in the next fiscal year.", None, "12%", {"deadline": 2023}),
    # --- a medium-term framework is named after its first year, a short-term plan after none (finding 13) ----
    ("Spending framework\n\nThe Medium-Term Expenditure Framework 2025 puts spending at 9 trillion shillings. "
     "It will lift tax revenue to 16% of GDP.", None, "16%", {"deadline": None}),
    ("Short-term Recovery Plan 2024\n\nThe ministry's short-term Recovery Plan 2024 will repair 150 bridges.",
     None, "150 bridges", {"deadline": None}),
    ("Group outlook\n\nUnder our Mid-term Plan 2029 we will raise operating profit to 70 billion yen.", None,
     "70 billion", {"deadline": 2029}),
    # --- an undated text: a plan's year in a sentence naming the plan is no year it reports as past -----
    ("Ministries issue car plan\n\nThe plan sets a target of 31 million car sales in 2026. The plan, jointly "
     "issued by five ministries, projects sales of electric cars to hit around 3.1 million units in 2026.", None,
     "31 million", {"deadline": 2026, "status": "target"}),
    # --- forms of relative and carried deadlines ---------------------------------------------------------
    # "over this Parliament": to the latest end of the term under way (parliament_terms lexicon)
    ("The UK minister said the government would build 900,000 social homes over this Parliament.", "2025-02-10",
     "900,000", {"deadline": 2029, "from": "publication"}),
    ("Ministers in Westminster promised 40 new hospitals by the end of this Parliament.", "2021-06-01",
     "40 new hospitals", {"deadline": 2024}),
    # another country's parliament has other elections: no deadline from the UK's
    ("The Indian government will spend Rs 500 crore on rural roads over this Parliament.", "2025-05-01", "500 crore",
     {"deadline": None}),
    # "this same period" carries the deadline stated before
    ("The plan will add 2 million homes by 2031. Provinces will add a further 500,000 homes over this "
     "same period.", "2024-04-16", "500,000", {"deadline": 2031, "from": "carried"}),
    # a quarter without "the"
    ("Two new bus depots will be opened in third quarter of 2026.", "2025-03-01", "Two new bus depots",
     {"deadline": 2026}),
    # "Rs." before an amount does not end the sentence, so the list keeps its deadline
    ("The state aims to attract investments worth Rs. 8,000 crore, and employ 50,000 people in the next three "
     "years.", "2024-11-20", "8,000", {"deadline": 2027}),
    # --- a count of years past any plan's length is no period (and never a date before year 1) ----------
    ("Spending rose over the 3000 years to 2021-22. Over 3000 years the fund will spend $5 billion.", "2024-01-01",
     "$5 billion", {"deadline": None}),
    # --- a figure reported for a past period is never a deadline -------------------------------------
    ("Exports are targeted at $12 billion this fiscal year, up 10% from the $10.9 billion earned in FY’25.",
     "2025-08-01", "$10.9 billion", {"deadline": None}),
    ("The city will cut traffic deaths by 40% compared with 2019.", "2025-01-01", "40%", {"deadline": None}),
    # --- an annual rate keeps the plan's period, not a later purpose's or coordinated item's horizon ----
    ("Harbor Region Plan 2024-2028\n\nThe plan aims for output growth of 6 percent a year to turn the region "
     "into a logistics hub by 2040.", None, "6 percent", {"deadline": 2028}),
    ("Harbor Region Plan 2024-2028\n\nThe plan targets a 2 per cent annual rise in exports and a ten-point gain "
     "in literacy by 2045.", None, "2 per cent", {"deadline": 2028}),
    ("Agency plan\n\nAnother goal is issuing at least four safety codes annually and \u201claunching a national "
     "certification scheme by 2028.\u201d", "2024-05-01", "four safety codes", {"deadline": None}),
    # the rate's own sentence gave its horizon away: no deadline carried from the sentence before either
    ("The utility will replace 2% of its pipes annually and maintaining pressure standards by 2030 is also "
     "required. The city will add 500 buses annually and operating subsidies will rise by 2028.", "2025-01-01",
     "500 buses", {"deadline": None}),
    ("The region will grow exports by 5 percent a year until 2030.", "2025-01-01", "5 percent",
     {"deadline": 2030}),
    ("The region will grow exports by 8 percent a year to reach $40 billion by 2031.", "2025-01-01", "8 percent",
     {"deadline": 2031}),
    ("The region will grow tourism revenue 7 percent per annum of which hotels bring most, by 2032.", "2025-01-01",
     "7 percent", {"deadline": 2032}),
    # --- a plan's own period stated with "to <year>" in the lead frames the goals listed after it ------
    ("Cabinet backs industry drive\n\nThe cabinet approved a ten-year industrial plan to 2034 on Tuesday.\n\n"
     "Goals in the plan include training 80,000 welders.", "2025-02-01", "80,000 welders",
     {"deadline": 2034, "from": "document"}),
    # ... but an old plan's period dates none of the new plan's goals
    ("Mayor unveils housing plan\n\nUnlike the previous plan to 2020, the new plan will deliver 20,000 homes.",
     "2025-06-01", "20,000 homes", {"deadline": None}),
    # --- a budget named with its one year in the headline frames the budget's aims ----------------------
    ("Governor presents 2027 budget\n\nThe governor wants to cut the jobless rate to 4% and build 30 clinics.",
     None, "30 clinics", {"deadline": 2027, "from": "document"}),
    # --- "the current year" is this year --------------------------------------------------------------------
    ("The county aims to plant 20,000 trees by the end of the current year.", "2024-03-01", "20,000 trees",
     {"deadline": 2024}),
    # --- "the current fiscal year": the year before the next one ----------------------------------------
    ("The ministry targets a primary surplus of 2.5% of GDP in the current fiscal year.", "2025-09-10", "2.5%",
     {"deadline": 2026}),
    # ... a period after a base figure dates the base, a horizon stays the goal's
    ("The council wants revenue to grow to $9 billion from the $7 billion expected for the current fiscal year.",
     "2025-09-10", "$9 billion", {"deadline": None}),
    ("The council wants to cut the jobless rate to 5% from 9% by 2029.", "2025-09-10", "5%", {"deadline": 2029}),
    ("Exports are targeted at $12 billion this fiscal year, up 10% from the $10.9 billion earned a year ago.",
     "2025-08-01", "$10.9 billion", {"deadline": None}),
    ("The firm aims for 2027 sales ranging from about $40 billion to $44 billion.", "2025-08-01", "$40 billion",
     {"deadline": 2027}),
    # --- "within a decade" is ten years from publication; "the most in a decade" looks back -----------------
    ("The program aims to cut home energy costs by 20 percent within a decade.", "2024-05-01", "20 percent",
     {"deadline": 2034}),
    ("The city completed 1,900 affordable units, the most in a decade.", "2024-05-01", "1,900",
     {"deadline": None}),
    # --- a year range written with an en or em dash reads like one with "-" -----------------------------------
    ("The province will build 400 clinics in 2026\u20132028.", "2025-09-12", "400 clinics", {"deadline": 2028}),
    ("The ministry wants exports of $9 billion for the fiscal year 2026\u201327.", "2025-09-12", "$9 billion",
     {"deadline": 2027}),
    ("Under its Medium-Term Program for 2026\u20142028, the ministry will open 25 trade offices.", "2025-09-12",
     "25 trade offices", {"deadline": 2028}),
    ("The utility adds 2.5\u20133 GW of storage by 2031.", "2025-09-12", "2.5", {"deadline": 2031}),
    # --- a statute's duty "in the years 2027 and thereafter" starts that year, not in a conditional clause's year
    ("If a provider's share exceeds 9 percent for the year 2026, the provider shall keep its share in the years "
     "2027 and thereafter at a level at least 2 percentage points above its baseline.", "2025-04-01",
     "2 percentage points", {"deadline": 2027}),
    # --- "before 2031" dates a goal 2031, like "by 2031" ------------------------------------------------------
    ("The agency wants to halve the cost of batteries by 50 percent before 2031.", "2025-01-01", "50 percent",
     {"deadline": 2031}),
]


@pytest.mark.parametrize(("text", "published", "find", "expected"), ROWS, ids=[r[2] for r in ROWS])
def test_document_deadline(text: str, published: str | None, find: str, expected: dict[str, Any]) -> None:
    check_deadline_row(text, published, find, expected)


def test_national_plan_periods_lexicon_errors_name_file_and_line(tmp_path: Any) -> None:
    from plancli.normalize.periods import NationalPlans
    from plancli.patterns import PatternError

    path = tmp_path / "national_plan_periods.json"
    path.write_text('{"name": "national_plan_periods",\n "entries": {\n  "Atlantis": {"names": ["Atlantis"],\n'
                    '   "periods": {"3": [2030]}}\n }}\n', encoding="utf-8")
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    with pytest.raises(PatternError, match=r"national_plan_periods\.json:3: entry 'Atlantis'"):
        NationalPlans.from_lexicon(entries, f"{path}:1")
