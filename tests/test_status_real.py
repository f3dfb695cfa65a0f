"""Status on real-article forms: who speaks and when decides target or actual (one row per form).

Every sentence is written for this table in the genre of policy news; none is copied from an article.
"""

from __future__ import annotations

import pytest
from rowchecks import check_status_row


#: (text, published or None, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str | None, str, str, str | None]] = [
    # --- words of intent, and report words without tense ----------------------------------------------
    ("The national vision sets clear markers, aspiring to reach 45% clean power by 2035.", "2025-06-01", "45%",
     "target", "target-cue"),
    ("The utility is planning to retire 900 MW of gas plants and build solar farms amounting to 2.4 GW.",
     "2025-06-01", "2.4 GW", "target", "target-cue"),
    ("The plan sets a target of 2 million car sales in 2027, representing an increase of 15 percent.", "2025-06-01",
     "15 percent", "target", "target-cue"),
    ("The minister said the scheme aimed to recruit and employ 40,000 nurses in rural clinics.", "2025-06-01",
     "40,000", "target", "target-cue"),
    ("Funding for 300 schools was cut in 2023.", "2025-06-01", "300", "actual", "deadline-past"),
    ("One province exceeded its target, Norland was down 2.5 percent on the year.",
     "2025-06-01", "2.5 percent", "actual", "actual-cue"),
    ("Of the plan's goal to build 90,000 homes by 2027, 41,000 homes have already been handed over.", "2025-06-01",
     "41,000", "actual", "actual-cue-after"),
    ("The plan will create 900,000 jobs over five years, with 180,000 new jobs generated annually.", "2025-06-01",
     "180,000", "target", None),
    ("Exports rose 8% in the quarter, amounting to $4 billion.", "2025-06-01", "$4 billion", "actual", None),
    ("The port will dredge two berths, and its pipeline includes 40 projects totalling 3,000 MW.", "2025-06-01",
     "3,000 MW", "actual", "actual-cue"),
    # --- a forecast verb or noun reaches past a long subject ("we forecast the ratio ... to be ...") -----
    ("Over the next three years we forecast the province's public debt to farm output ratio to stay just under "
     "60% of output.", "2025-06-01", "60%", "actual", "forecast"),
    ("The central bank has kept its projection for core inflation, seeing it to be within the band of 2.0 "
     "percent to 2.5 percent.", "2025-06-01", "2.0 percent", "actual", "projection-noun"),
    # --- a translated plan's bare verb after a singular noun; plural subjects and causatives are English ---
    ("The share of days with good air quality reach 90% above.", "2025-06-01", "90%", "target", "bare-verb-after-noun"),
    ("Wind farms in the region reach 40% of peak demand on windy days.", "2025-06-01", "40%", "actual", None),
    ("The new subsidies help reach 30% of rural households.", "2025-06-01", "30%", "actual", None),
    ("The city ensured that 80% of the new homes were sold to first-time buyers.", "2025-06-01", "80%", "actual",
     None),
    # --- a figure for a date before publication is an actual, whatever the tense -----------------
    ("The province's share of regional output has stayed above 30% in recent years, and it will reach 35% by 2030.",
     "2025-01-01", "30%", "actual", None),
    ("The budget will fund a $150 voucher for every secondary school student.", "2025-06-01", "$150", "actual",
     "percent-grant"),
    ("The strategy sets a 2030 goal of 9 GW of heat pumps, up from a previous 5 GW.", "2025-06-01", "5 GW",
     "actual", "baseline-value"),
    ("The province looks to bring the number of electric buses on its roads to 8,000.", "2025-06-01", "8,000",
     "target", "target-cue"),
    ("The scheme will pay Rs 6,000 to each small farmer in three instalments.", "2025-06-01", "Rs 6,000", "actual",
     "per-recipient-every"),
    ("By the end of 2021, the number of insured farmers will be 3.2 million.", "2022-03-01", "3.2 million",
     "actual", "deadline-past"),
    # --- undated text: the latest year it reports as past is a floor ------------------------------
    ("In March 2023, the agency released its annual survey. Exports in 2022 will grow by 4.5% year-on-year.",
     None, "4.5%", "actual", "deadline-before-report-year"),
    ("Wind output rose 12% in 2023. By the end of 2023, the number of wind farms will be 240.", None, "240",
     "actual", "deadline-before-report-year"),
    ("Wind output rose 12% in 2023. The province will build 30 more wind farms by 2027.", None, "30 more",
     "target", None),
    ("The city has to cut its emissions by 40% by 2030.", None, "40%", "target", None),
    # --- 'According to' is a source, not a headline 'X to <verb>' --------------------------------
    ("According to the poll, 61% of commuters take the bus.", "2024-05-01", "61%", "actual", None),
    ("Thanks to the new line, 20,000 riders a day save time.", "2024-05-01", "20,000", "actual", None),
    ("Metro area to add 500 electric buses\nThe transit agency published its fleet plan on Monday.", "2024-05-01",
     "500", "target", "headline-to"),
    ("The report says the region to the north grew 5% last year.", "2024-05-01", "5%", "actual", None),
    # --- a purpose after money reaches the coordinated verb ----------------------------------------
    ("Over $3 billion through the rental fund to build 20,000 new rental homes and repair 90,000 older homes.",
     "2024-05-01", "90,000", "target", "purpose-to"),
    # --- a participle after a plural noun is a reduced relative clause, not the report verb ---------
    ("The carmaker aims to raise the share of trucks sold in Europe from 20 percent to 45 percent by 2030.",
     "2024-05-01", "45 percent", "target", "target-cue"),
    ("Trucks sold 20 percent more units last year.", "2024-05-01", "20 percent", "actual", None),
    # --- a forward period belongs to the nearer quantity ---------------------------------------------
    ("Already, the $2 billion transit fund is speeding up works, with 64 signed deals enabling over 300 km of "
     "new track over the next decade.", "2024-05-01", "64", "actual", None),
    # --- forecasts, hedges, benchmarks, reached targets -------------------------------------------
    ("Solar generation is projected to double to 80 TWh by 2030, the regulator said.", "2024-05-01", "80 TWh",
     "actual", "projection"),
    ("The watchdog predicts 900,000 homes will be built over the parliament.", "2024-05-01", "900,000", "actual",
     "source-expects-role"),
    ("The state reached its 50% clean power target this spring.", "2024-05-01", "50%", "actual", "achieved-target"),
    ("The country is on track to meet its goal of 25% forest cover by 2030.", "2024-05-01", "25%", "target", None),
    # --- instruments in force ----------------------------------------------------------------------
    ("Small firms can get grants capped at 2 million rupees per unit.", "2024-05-01", "2 million", "actual", "cap"),
    ("The rebate will be 40 cents per watt for systems installed this year.", "2024-05-01", "40 cents", "actual",
     None),
    ("The rules apply to plants above 2,000 population equivalent.", "2024-05-01", "2,000", "actual",
     "threshold-above"),
    ("Only businesses with fewer than 10 workers can apply for the grant.", "2024-05-01", "10", "actual",
     "threshold-with"),
    ("The nation's plan to reach 2 million tonnes of zinc by 2030 could greatly lift exports, a researcher said.",
     "2024-05-01", "2 million", "target", "target-cue"),
    ("Output might reach 40 GW next year, analysts said.", "2024-05-01", "40 GW", "actual", "hedge"),
    ("The county has picked four old dams for repair in a bid to bring 12,000 more acres under irrigation.",
     "2024-05-01", "12,000", "target", "target-cue"),
    ("Budget execution stood at 61% at the end of the third quarter.", "2024-05-01", "61%", "actual",
     "achievement-level"),
    ("The agency also looks to restore 800,000 hectares of degraded pasture.", "2024-05-01", "800,000", "target",
     "target-cue"),
    ("The bill provides for a 30% reservation for local hires in factory jobs.", "2024-05-01", "30%", "target",
     "provides-for"),
    # --- cue scope: relative and reported clauses, participle adjectives ----------------------------
    ("The bloc will need a new grid, more than 70% of which still runs on coal.", "2024-05-01", "70%", "actual",
     None),
    ("A win would give the three largest economies, which account for about 40% of trade, one voice.", "2024-05-01",
     "40%", "actual", None),
    ("Critics have argued that the 30% hydrogen target by 2035 is out of reach.", "2024-05-01", "30%", "target",
     None),
    ("The vote saw 40 MPs back the motion that at least 25% of new cars must be electric by 2030.", "2024-05-01",
     "25%", "target", None),
    ("The plan aims for a share of installed capacity of 60% in 2030.", "2024-05-01", "60%", "target", None),
    ("The ministry expects the fund to post a return of about 6 percent this year.", "2024-05-01", "6 percent",
     "actual", "estimate-verb"),
    ("The government will cut import tariffs by 20% by 2026.", "2024-05-01", "20%", "target", None),
    ("For example, the port city will plant 2 million trees by 2027.", "2024-05-01", "2 million", "target", None),
    # --- money given vs a fund still to be set up --------------------------------------------------
    ("The ministry allocated $30 million to flood defences.", "2024-05-01", "$30 million", "actual", "allocation"),
    ("A $50 million green fund will be set up next year.", "2024-05-01", "$50 million", "target", None),
    ("Loans of 3 billion rupees are to be disbursed in 2025.", "2024-05-01", "3 billion", "target", None),
    # --- a goal noun as subject or object of 'set': the goal, not the report words 'stands at', 'has been' ----
    ("The ministry's export target for FY27 stands at $70 billion.", "2024-05-01", "$70 billion", "target",
     "goal-set-at"),
    ("The goal for tree cover has been fixed at 33 percent of land area.", "2024-05-01", "33 percent", "target",
     "goal-set-at"),
    ("The target for pulses output has been kept at 26 million tonnes.", "2024-05-01", "26 million", "target",
     "goal-set-at"),
    ("The tax office's collection target has been set at Rs 4,100 billion for the year.", "2024-05-01",
     "Rs 4,100 billion", "target", "goal-set-at"),
    ("Output stood at 26 million tonnes against the target.", "2024-05-01", "26 million", "actual", None),
    ("The council has set a 20 percent recycling goal for households.", "2024-05-01", "20 percent", "target",
     "set-a-goal"),
    ("The dairy industry has been assigned a 500,000-tonne export goal.", "2024-05-01", "500,000", "target",
     "set-a-goal"),
    ("The club has set a record of 40,000 members.", "2024-05-01", "40,000", "actual", None),
    # --- the base a targeted growth is measured from is a reported figure --------------------------------------
    ("Of this, $40 billion is targeted from goods, up 9 percent from the $36.7 billion earned in FY24.",
     "2024-09-01", "$36.7 billion", "actual", None),
    ("The ministry has set a $9 billion goal, a 12 percent increase from the $8 billion the sector achieved.",
     "2024-05-01", "$8 billion", "actual", "baseline-value"),
    ("The ministry has set a $9 billion goal, a 12 percent increase from the $8 billion the sector achieved.",
     "2024-05-01", "$9 billion", "target", "set-a-goal"),
    # --- what a plan names without a modal ---------------------------------------------------------------------
    ("Cutting child mortality by 30 percent is also outlined in the health plan.", "2024-05-01", "30 percent",
     "target", "mentioned-in-plan"),
    ("The roadmap mentions 2,500 new charging points along highways.", "2024-05-01", "2,500", "target",
     "plan-mentions"),
    ("The report mentions 2,500 charging points along highways.", "2024-05-01", "2,500", "actual", None),
    ("The policy sets a cap of 30% on foreign ownership.", "2024-05-01", "30%", "actual", None),
    # --- a project's equipment and an actor's existing assets are descriptors, not goals ------------------------
    ("The consortium plans to build a desalination plant powered by 60 MW of solar panels.", "2024-05-01", "60 MW",
     "actual", "powered-by"),
    ("The consortium plans to build 60 MW of solar panels to power a desalination plant.", "2024-05-01", "60 MW",
     "target", None),
    ("From 2026 every new boiler must be powered by at least 50 percent green gas.", "2024-05-01", "50 percent",
     "target", None),
    ("The retailer will cut emissions across its store network of 1,200 shops.", "2024-05-01", "1,200", "actual",
     "possessive-asset"),
    ("The retailer will grow its network to 1,500 shops by 2027.", "2024-05-01", "1,500", "target", None),
    # --- pay per person is an instrument, not a goal ------------------------------------------------------------
    ("Trainee nurses will be paid a monthly salary of 18,000 shillings.", "2024-05-01", "18,000", "actual",
     "rebate-rate"),
    # --- a consequence a plan entails ------------------------------------------------------------------------
    ("That means building 45,000 classrooms in five years.", "2024-05-01", "45,000", "target", "plan-includes"),
    ("That means 45,000 classrooms are overcrowded.", "2024-05-01", "45,000", "actual", None),
    # --- forecasts: a long projection sentence, a hedged guess ----------------------------------------------
    ("Inflation is projected to ease from an estimated 6.1 percent in 2023 to 4.4 percent in 2024 before falling "
     "to 3.6 percent in 2025.", "2024-05-01", "3.6 percent", "actual", "projection"),
    ("By our reading, grid demand will be somewhere around 310 TWh in 2030.", "2024-05-01", "310 TWh", "actual",
     None),
    ("Grid demand will be somewhere round 310 TWh in 2030.", "2024-05-01", "310 TWh", "actual", "hedge"),
    # --- a short aside in brackets does not end the clause; a figure in brackets (a gloss) still does -----------
    ("A $25 million Coastal Resilience Fund (CRF) will be set up for island councils.", "2024-05-01", "$25 million",
     "target", "target-cue-after"),
    ("Nearly a third of the money (31%) will go to rail.", "2024-05-01", "a third", "actual", None),
    # --- counts already approved ----------------------------------------------------------------------------
    ("With 75 wind farms approved nationally, the regulator will hold a new auction next year.", "2024-05-01", "75",
     "actual", "approved-after"),
    ("The regulator wants 75 wind farms approved by 2027.", "2024-05-01", "75", "target", None),
    # --- an announced investment outranks the past tense of 'announced' -----------------------------------------
    ("The state has also announced Rs. 750 crore investment in its fishing ports.", "2024-05-01", "750", "target",
     "announced-plan"),
    # --- under a goals lead-in, a state to reach by a date ahead is the goal; today's state is not ------------
    ("The ministry set out three main objectives:\n\n- Have 4GW of storage under construction by 2028;\n\n"
     "- Cut fuel imports by 10 percent by 2030.", "2024-05-01", "4GW", "target", "goals-leadin"),
    ("The main targets are:\n- 40 GW of wind capacity, with 10 GW under construction today;\n- 500 new chargers.",
     "2024-05-01", "10 GW", "actual", "under-construction"),
    # --- the parts of a plan document count its text, not a goal ------------------------------------------------
    ("The 2025-2027 action plan sets out 4 main pillars and 22 concrete measures.", "2024-05-01", "22", "actual",
     "document-parts"),
    ("The 2025-2027 action plan will build 22 new water plants.", "2024-05-01", "22", "target", None),
    ("Mercury in batteries will be limited to 5 parts per million.", "2024-05-01", "5 parts", "target", None),
    # --- money per recipient or item is an instrument or a cost --------------------------------------------------
    ("The new grant will pay $1,200 per apprentice taken on this year.", "2024-05-01", "$1,200", "actual",
     "per-unit-rate"),
    ("Developers say the new fee adds $7,500 to each apartment.", "2024-05-01", "$7,500", "actual", "to-each"),
    ("The agency will plant 400 trees for each year of the programme.", "2024-05-01", "400", "target", None),
    ("Key points of the programme\n- Have 600MW of batteries connected by 2028\n- Plant 9,000 hectares of forest",
     "2024-05-01", "600MW", "target", "imperative-bullet-item"),
    # --- a translation's past tense of reaching, for a date wholly ahead, is a goal -------------------------------
    ("By the end of 2027, the county's broadband coverage reached 98% and fibre lines exceeded 40,000 km.",
     "2024-05-01", "98%", "target", "own-future-deadline"),
    ("This year, broadband subscriptions reached 40,000.", "2024-05-01", "40,000", "actual", "actual-cue"),
    ("Total demand will be somewhere round 240 TWh in 2030.", "2024-05-01", "240 TWh", "actual", "hedge"),
    # --- a plan word after the quantity does not reach past a report verb whose subject the quantity is ----------
    ("In the accord, some 190 countries agreed steps to try to curb plastic waste.", "2024-05-01", "190", "actual",
     None),
    ("About 30 firms said they will invest in the new port.", "2024-05-01", "30 firms", "actual", None),
    # --- goal verbs in the perfect are still plans; a comparison base after "than" is not the figure ------------
    ("The ministry has targeted full coverage this year by linking 300 villages to the grid.", "2024-05-01", "300",
     "target", "target-cue"),
    ("The state has pledged 3 billion rupees for rural roads.", "2024-05-01", "3 billion", "actual", "perfect-tense"),
    ("The agency is also targeting exports to grow 25 percent more than what has been achieved so far.",
     "2024-05-01", "25 percent", "target", "target-cue"),
    # --- the end value of a planned change: the start's date is not the end's -------------------------------------
    ("The carmaker plans to lift yearly sales from 600,000 cars last year to 1.1 million by 2030.", "2024-05-01",
     "1.1 million", "target", "target-cue"),
    ("The carmaker plans to lift yearly sales from 600,000 cars last year to 1.1 million by 2030.", "2024-05-01",
     "600,000", "actual", None),
    ("The board reaffirmed its commitment to raising the female share of staff from 30% to 45%.", "2024-05-01",
     "45%", "target", "commitment-to-doing"),
    ("Showing its commitment to clean air, the city said tree cover now exceeds 30 percent.", "2024-05-01",
     "30 percent", "actual", None),
    # --- a speaker's benchmark, and a baseline reported in a relative clause, are not goals ----------------------
    ("They need 8% of the budget in health spending to meet demand, the minister said.", "2024-05-01", "8%",
     "actual", "we-need"),
    ("The utility will expand on the 120 substations that were upgraded last year.", "2024-05-01", "120", "actual",
     None),
    ("We need to build 40,000 homes by 2030, the housing minister said.", "2024-05-01", "40,000", "target", None),
    # --- what a plan includes is its goal; the parts of the document are not --------------------------------------
    ("The minister listed regional schemes that include 800 km of new water mains.", "2024-05-01", "800 km",
     "target", "plan-includes-figure"),
    ("The new strategy includes 12 initiatives for the fishing sector.", "2024-05-01", "12", "actual",
     "document-parts"),
    # --- "a newly added N" after a plan word is an adjective, not a report; a plan's key actions open a list ------
    ("Reforestation will cover a newly added 20,000 hectares during the five years.", "2024-05-01",
     "20,000 hectares", "target", "target-cue"),
    ("Among the key actions include:\n\n• Water savings of two to five percent in schools\n", "2024-05-01",
     "two to five percent", "target", "goals-leadin"),
    # --- rows of a flattened table under a goals heading: a row's first figure is the goal ------------------------
    ("Environment\n\nTarget (all by 2030 from a 2019 base, unless noted)2023 progress\n"
     "30% reduction in energy intensity\nDrive to 90% recycled packaging\n", "2024-05-01", "30%", "target",
     "goals-heading-row"),
    ("Environment\n\nTarget (all by 2030 from a 2019 base, unless noted)2023 progress\n"
     "30% reduction in energy intensity\nDrive to 90% recycled packaging\n", "2024-05-01", "90%", "target",
     "goals-heading-row"),
    ("Targets and milestones\n\nCut diesel use 40%\n\nYearly: 3% reduction per year\n", "2024-05-01", "3%",
     "target", "goals-heading-row"),
    ("Targets met\n\n45 schools were built.\n", "2024-05-01", "45", "actual", None),
    # --- a participle right after the figure is no report when the figure's own deadline is ahead -------------
    ("Housing officials met mayors in order to ensure 250,000 homes get built by 2032.", "2024-05-01", "250,000",
     "target", "own-future-deadline"),
    ("- 80,000 homes built over the next decade across the region\n", "2024-05-01", "80,000", "target",
     "own-future-deadline"),
    ("About 80,000 homes were built in 2023.", "2024-05-01", "80,000", "actual", None),
    # --- every starting point of a listed change is an actual ---------------------------------------------------
    ("Port investment in the three states will increase from $1.2 billion, $2.5 billion and $0.8 billion, "
     "respectively, to $1.9 billion, $3.1 billion and $1.4 billion by 2028.", "2024-05-01", "$2.5 billion", "actual",
     "baseline-value"),
    ("Port investment in the three states will increase from $1.2 billion, $2.5 billion and $0.8 billion, "
     "respectively, to $1.9 billion, $3.1 billion and $1.4 billion by 2028.", "2024-05-01", "$3.1 billion", "target",
     None),
    # --- a money rate per litre or quintal is an instrument ---------------------------------------------------------
    ("Dairy farmers will get a higher subsidy, from Rs 2/litre to Rs 4/litre.", "2024-05-01", "Rs 4", "actual",
     "per-unit-rate"),
    # --- "there's N" states what exists ---------------------------------------------------------------------------
    ("\"That would be a good number because there's 1.5 billion cars in the world,\" he said.", "2024-05-01",
     "1.5 billion", "actual", "there-are"),
    # --- a report verb after "to" is an infinitive ---------------------------------------------------------------
    ("The roadmap projects sales of heat pumps to hit around 2 million units in 2027.", "2024-05-01",
     "2 million", "target", "target-cue"),
    ("Country targets 3 million car sales in 2026\n\nThe plan outlines over 40 measures across four key areas, "
     "which include demand and supply.\n", "2024-05-01", "40 measures", "actual", None),
    ("Goals\n\nIn the past decade the town grew by 12,000 people.\n", "2024-05-01", "12,000", "actual", None),
    # --- plans without a modal ---------------------------------------------------------------------
    ("The utility announced a $2 billion investment plan for the grid.", "2024-05-01", "$2 billion", "target",
     "announced-plan"),
    ("The agency announced $40 million for research centres last week.", "2024-05-01", "$40 million", "actual",
     None),
    # --- the make-up, assets, groups and trends of a plan are no goals; the goals next to them still are -----------
    ("The plan consists of three pillars and aims to cut emissions by 40% by 2030.", "2024-05-01", "40%", "target",
     None),
    ("The new fleet will consist of 500 electric buses by 2030.", "2024-05-01", "500", "target", None),
    ("The strategy consists of six goals, 85 measures spread across 9 sectors.", "2024-05-01", "85", "actual",
     "consists-of-count"),
    ("The company plans to build a 600MW Gas Power Plant in the north by 2027.", "2024-05-01", "600MW", "target",
     None),
    ("Power will rise on completion of the 450MW Lakeside Power Plant next year.", "2024-05-01", "450MW", "actual",
     "named-asset-size"),
    ("If the state keeps to its goal of 500,000 homes by 2030, rents will fall.", "2024-05-01", "500,000", "target",
     None),
    ("If last year's 12% growth rate continues, exports will double.", "2024-05-01", "12%", "actual", None),
    ("The push for housing drew 3,000 protesters to the capital on Sunday.", "2024-05-01", "3,000", "actual", None),
    ("The ministry will connect the 50 largest towns to the grid by 2026.", "2024-05-01", "50", "target", None),
    ("The law requires the 25 largest cities to report their emissions by 2026.", "2024-05-01", "25", "actual",
     "superlative-group"),
    ("Goals of the plan:\n• Energy outlook: The ministry will build 500 schools by 2027.", "2024-05-01", "500",
     "target", None),
    # --- a pronoun "that" opens no clause: the report verb before it reaches the figure ---------------------------
    ("The agency pledged to launch 50,000 flats from 2021 to 2025, but exceeded that by launching some 51,800 units.",
     "2024-05-01", "51,800", "actual", "actual-cue"),
    # --- a goal's year before a figure reached is no deadline of the figure: progress towards the goal -------------
    ("Most member states are about halfway to the 2030 objective, but two states have reached above 9 percent.",
     "2024-05-01", "9 percent", "actual", "actual-cue"),
    ("Most member states are about halfway to the 2030 goal; two states have reached 9 percent.",
     "2024-05-01", "9 percent", "actual", "actual-cue"),
    # --- a fiscal year just closed is not yet past: its end month differs by country ------------------------------
    ("The export target for FY24 stands at $62 billion, the ministry said.", "2024-05-01", "$62 billion", "target",
     "goal-set-at"),
    ("The export target for FY24 stood at $62 billion, the ministry said.", "2024-11-01", "$62 billion", "actual",
     "deadline-past"),
    # --- a fiscal year weeks from its end: a budget summary's figure for it is the year's estimate ------------------
    ("Budget balance: a surplus of $3.1 bn in FY25, narrowing to $0.6 bn in FY26.", "2025-02-20", "$3.1 bn",
     "actual", "fiscal-year-ending"),
    ("Budget balance: a surplus of $3.1 bn in FY25, narrowing to $0.6 bn in FY26.", "2025-02-20", "$0.6 bn",
     "target", "deadline-future"),
    ("The rollout covers 1,500 schools by end FY2025.", "2025-02-20", "1,500", "target", None),
    ("Spending rises 9 percent over the revised estimates for 2024-25.", "2025-02-20", "9 percent", "target", None),
    # --- a past year after a participle of setting dates the promise, not the figure ---------------------------
    ("Building 500,000 homes was a campaign promise made by the provincial government in 2021.", "2024-05-01",
     "500,000", "target", "predicate-target"),
    # --- a plan's own action to meet its goal stays a plan; what the goal requires is a benchmark ------------------
    ("To meet the target, the ministry will build 40 new solar parks by 2028.", "2024-05-01", "40", "target", None),
    # --- a list of "<figure> for <item>" pairs: the first item's clause decides the later items ------------------
    ("A growth target of 3 percent has been set for farming, 5.2 percent for mining, and 4.8 percent "
     "for trade.", "2024-05-01", "4.8 percent", "target", "target-cue"),
    ("A subsidy of 40% has been approved for farmers, 25% for traders and 10% for importers.", "2024-05-01", "25%",
     "actual", None),
    ("Exports grew 6% for textiles in the quarter, while the plan aims to reach 9% for leather.", "2024-05-01", "9%",
     "target", None),
    # --- a goal noun right after the figure: the verb before it sets the goal, unless it tells the goal's fate ---
    ("For the farm sector, the board projected three percent growth target for 2027.", "2025-06-01",
     "three percent", "target", "verb-sets-goal"),
    ("The council approved a 12% recycling goal at its last sitting.", "2025-06-01", "12%", "target", None),
    ("Last year the province met its 5% growth target.", "2025-06-01", "5%", "actual", None),
    # --- measures an outsider demands or urges are a demand, no goal; measures adopted stay the goal ------------
    ("Economists urged the government to adopt measures to lift growth to 4 percent.", "2025-06-01", "4 percent",
     "actual", "demanded-measures"),
    ("The government adopted measures to cut fuel prices by 20 percent.", "2025-06-01", "20 percent", "target",
     "measures-to"),
    # --- "reduced to a maximum of" is the level a change is to reach only after a plan word; else a rule's cap -----
    ("Under the new rules, speed is reduced to a maximum of 30 km/h in school zones.", "2025-06-01", "30 km/h",
     "actual", "maximum-of"),
    ("Rice imports will be limited to a maximum of 2 million tonnes.", "2025-06-01", "2 million", "target",
     "reduced-to-at-most"),
    # --- a bare "within <period>" after a past verb is how long a change took, not a period ahead ---------------
    ("Car sales grew 30 percent within a decade, the association said.", "2025-06-01", "30 percent", "actual",
     None),
    ("The company built 2,000 homes within five years.", "2025-06-01", "2,000", "actual", None),
    ("The city is building 2,000 homes within five years.", "2025-06-01", "2,000", "target", None),
    ("Sales grew 3 percent last year; the firm will raise them 30 percent within the next decade.", "2025-06-01",
     "30 percent", "target", None),
    # --- a plan piece (its headline names a plan, no forecaster quoted): its projections are its own figures ----
    ("Cabinet unveils farm plan\nUnder the plan, grain output is projected to reach 80 million tonnes.",
     "2025-06-01", "80 million", "target", "projection"),
    ("Cabinet unveils farm plan\nThe plan also notes that global grain demand is projected to reach 3 billion "
     "tonnes.", "2025-06-01", "3 billion", "actual", "projection"),
    ("Cabinet unveils farm plan\nGrain output is projected to reach 80 million tonnes, analysts at a bank said.",
     "2025-06-01", "80 million", "actual", None),
    ("Grain harvest news\nGrain output is projected to reach 80 million tonnes.", "2025-06-01", "80 million",
     "actual", "projection"),
    ("City plan aims to add 50,000 homes\nThe city's population is projected to reach 2.4 million by 2040.",
     "2025-06-01", "2.4 million", "actual", "projection"),
    ("Ministry plans to double exports\nOil prices are projected to average $70 a barrel next year.", "2025-06-01",
     "$70", "actual", "projection"),
    ("Ministry plans to double exports\nDemand for coal is projected to fall 5 percent.", "2025-06-01",
     "5 percent", "actual", "projection"),
    ("Van maker unveils growth strategy\nThe market for electric vans is projected to reach $40 billion by 2030.",
     "2025-06-01", "$40 billion", "actual", "projection"),
    ("Van maker unveils growth strategy\nIts market share is projected to reach 30 percent by 2030.", "2025-06-01",
     "30 percent", "target", "projection"),
    ("Ministry unveils water strategy\nRainfall is projected to decline 10 percent by 2050.", "2025-06-01",
     "10 percent", "actual", "projection"),
    ("Government launches tourism plan\nThe sector's share of GDP is projected at 8 percent, according to the "
     "central bank.", "2025-06-01", "8 percent", "actual", None),
    ("Cabinet unveils farm plan\nGrain output is projected to reach 80 million tonnes, according to the plan.",
     "2025-06-01", "80 million", "target", "projection"),
    ("Cabinet unveils farm plan\nProjected growth rates of farming (3.1%) and trade (2.2%).", "2025-06-01", "2.2%",
     "target", "projected-heading"),
    ("Transport plan unveiled\nThe company expects ticket sales to be 9 million.", "2025-06-01", "9 million",
     "actual", None),
    ("The company's programme saw it pledge to spend $3bn on grid upgrades.", "2025-06-01", "$3bn", "target",
     "target-cue"),
    # a bare verb after a comma is a list's item, no word of intent: a forecaster's attribution holds, as for one verb
    ("Analysts said the utility could, in theory, build 900 charging points, but it has no money.", "2025-06-01",
     "900", "actual", "source-says-role"),
    ("The utility will upgrade depots, build 900 charging points and train staff, analysts said.", "2025-06-01",
     "900", "actual", "source-says-role"),
    ("Last year, the firm cut 300 jobs, raised prices and sold two plants.", "2025-06-01", "300", "actual", None),
    ("The plan includes building 4,000 homes, officials said.", "2025-06-01", "4,000", "target", "plan-includes"),
    ("The ministry set a target that exceeds 40 percent for solar power.", "2025-06-01", "40 percent", "target",
     None),
    # --- a progress story counts a plan's goals and indicators: no goal's value ------------------------------
    ("The review says the state has met the targets for 21 (60%) of the 35 indicators by 2026.", "2025-06-01", "60%",
     "actual", "share-of-goals"),
    ("The review says the state will meet the targets for 35 indicators by 2026.", "2025-06-01", "35 indicators",
     "actual", "counts-plan-items"),
    ("The national plan has 12 strategic goals.", "2025-06-01", "12 strategic", "actual", "counts-plan-items"),
    ("The city says 4,200 of them will be affordable homes.", "2025-06-01", "4,200", "target", None),
    ("The plan aims to make it one of the top 10 tourist destinations.", "2025-06-01", "top 10", "target", None),
    ("So far 90,000 homes have been sanctioned under the housing scheme.", "2025-06-01", "90,000", "actual", None),
    # --- a cap of an instrument, and the level a change is to reach ---------------------------------------------
    ("Households get a rebate of a maximum of $400 under the new rules.", "2025-06-01", "$400", "actual",
     "maximum-of"),
    # --- an announced initiative's purpose, and lines of a plan's list that open with an action noun ---------
    ("The mayor announced a green initiative to plant 60,000 street trees, officials said.", "2025-06-01",
     "60,000", "target", "announced-initiative-to"),
    ("The agency launched a programme in 2019, and it trained 4,000 teachers.", "2025-06-01", "4,000", "actual",
     None),
    ("The ministry presented its plan.\nIncreasing the number of hospital beds from 9,000 to 14,000.", "2025-06-01",
     "14,000", "target", "plan-line-item"),
    ("Exports slowed.\nBuildings use 38% of the energy consumed in the region.", "2025-06-01", "38%", "actual", None),
    ("Work began in 2021.\nConstruction of the 600 km line was completed last year.", "2025-06-01", "600 km",
     "actual", None),
    # --- a report word inside a tenseless apposition, today's level that names a period or a starting point -----
    ("The plan sets a goal of 4 million bicycle sales in 2027, representing a year-on-year increase of 6 percent.",
     "2025-06-01", "6 percent", "target", "target-cue"),
    ("Bicycle sales reached 4 million units, marking a year-on-year increase of 6 percent.", "2025-06-01",
     "6 percent", "actual", "actual-cue"),
    ("The bank's deposit goals are 12 percent for the current fiscal year and 9 percent for the next year.",
     "2025-06-01", "9 percent", "target", "target-cue"),
    ("The aim is to lift places from an expected 30,000 places in the current financial year to 45,000 places "
     "by 2029.", "2025-06-01", "45,000", "target", "target-cue"),
    ("The wind share goal will be revised from 40% in the existing strategy to 55%, the ministry said.",
     "2025-06-01", "55%", "target", "target-cue"),
    ("The current subsidy rate of 12 percent will rise to 15 percent next year.", "2025-06-01", "12 percent",
     "actual", "current-level"),
    # --- the actions a plan proposes or includes, and a scheme dated by its notification ---------------------
    ("The cabinet also proposes raising the output of the software industry to 9 percent of GDP and life "
     "expectancy to 79 years, the report said.", "2025-06-01", "79 years", "target", "plan-includes"),
    ("The grid plan includes increasing wind output, upgrading dams, and installing around 2,100 kilometres of "
     "new lines.", "2025-06-01", "2,100", "target", "plan-includes"),
    ("The scheme also includes provision for solar lamps in 900 village halls.", "2025-06-01", "900", "target",
     "plan-includes"),
    ("The battery scheme was notified in March 2021 with a total outlay of Rs 18,100 crore.", "2025-06-01",
     "18,100", "target", "target-cue"),
    # --- a lead-in over a progress report opens no goals list; a goals lead-in still does ---------------------
    ("The ministry reported on its ten-year plan.\nA breakdown of programme progress and goals includes:\n"
     "- Youth: All 4 programmes implemented, focused on skills.\n- Health: 12 of 15 programmes active.\n",
     "2025-06-01", "4 programmes", "actual", None),
    ("The ministry released its ten-year plan.\nThe main goals include:\n- Schools: 4 programmes for skills.\n"
     "- Health: build 15 clinics.\n", "2025-06-01", "4 programmes", "target", "goals-leadin"),
    # words that also lead into goals ("results", "performance", "shortfall", "lagging") name no progress report
    ("The health board expects the following results by 2031:\n- 300 new rural clinics\n- 1,500 more nurses\n",
     "2025-06-01", "300", "target", "goals-leadin"),
    ("The state set out the key performance indicators it must meet by 2030:\n- 90% literacy\n- 40 new colleges\n",
     "2025-06-01", "90%", "target", "goals-leadin"),
    ("To close the housing shortfall, the city will deliver by 2029:\n- 12,000 homes\n- 40 new schools\n",
     "2025-06-01", "12,000", "target", "goals-leadin"),
    ("Districts lagging behind will receive by 2028:\n- 250 new classrooms\n- 60 health posts\n",
     "2025-06-01", "250", "target", "goals-leadin"),
    # --- a percent per unit is an intensity, not a money rate; an idiom of aim ---------------------------------
    ("We aim to reduce the emissions intensity of our new plants by at least 35% per kWh versus 2020.",
     "2025-06-01", "35%", "target", "target-cue"),
    ("The scheme will pay Rs 20,000 per household.", "2025-06-01", "20,000", "actual", "per-unit-rate"),
    ("We have set our sights on reaching USD 25 billion in service exports, the minister said.", "2025-06-01",
     "25 billion", "target", "target-cue"),
    ("Arrange municipal key projects 1,100, and finish 40 of them this year.", "2025-06-01", "1,100", "target",
     "imperative-item"),
    # --- a deadline of a relative clause with a figure of its own dates that figure, not the money before it ---
    ("Ohio: $236 million for a grid automation project, which will install 1,500 smart reclosers by the end of "
     "2027.", "2025-06-01", "$236 million", "actual", "default-actual"),
    ("The region will see 69,000 new units that will be created by 2030.", "2025-06-01", "69,000", "target", None),
    # --- a report word before a figure for a period not yet begun, or one looking ahead from now ---------------
    ("The bank has tripled the money set aside for green lending to 40 billion euros from 2026 to 2030.",
     "2025-06-01", "40 billion", "target", "own-future-deadline"),
    ("Chile has 40 projects underway involving some 90bn pesos between now and 2028, officials said.",
     "2025-06-01", "90bn", "target", "own-future-deadline"),
    ("On the operator's numbers, the grid has room for around 240 TWh in 2030.", "2025-06-01", "240 TWh", "actual",
     "actual-cue"),
    # --- money held for a purpose right after it is still to be spent -------------------------------------------
    ("The national fund has £4.2 billion to invest in clean energy and ports.", "2025-06-01", "4.2 billion",
     "target", "money-to-use"),
    ("The national fund has £4.2 billion in assets.", "2025-06-01", "4.2 billion", "actual", "actual-cue"),
    ("The regional fund has $6 billion to date.", "2025-06-01", "6 billion", "actual", "actual-cue"),
    ("The water agency has $2 billion to its name.", "2025-06-01", "2 billion", "actual", "actual-cue"),
    # --- the verbs of reaching a level are lexicon goal_fates' (and "stands at"): a date ahead makes them a goal -----
    ("Under the export plan, shipments hit $48 billion in 2031.", "2025-06-01", "48 billion", "target",
     "own-future-deadline"),
]


@pytest.mark.parametrize(("text", "published", "find", "status", "rule"), ROWS)
def test_status_row(text: str, published: str | None, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, published, find, status, rule)


def test_word_choice_patterns_are_spelled_out_as_phrases() -> None:
    from plancli.cuerules import CueRule

    rule = CueRule("x", "not_target", "forward", pattern=[{"LOWER": {"IN": ["is", "are"]}, "OP": "?"},
                                                          {"LOWER": "projected"}, {"LOWER": "to"}])
    assert sorted(rule.ruler_patterns()) == ["are projected to", "is projected to", "projected to"]
    regex = CueRule("y", "target", "forward", pattern=[{"LOWER": {"REGEX": "^to$"}}])
    assert regex.ruler_patterns() == [regex.pattern]
