"""Deadlines a story states once for all its targets, or must not pass on; table-driven.

Every sentence was written for this file in the genre; none is copied from an article. Covered:

* a date line of year and month ("2022-11") dates the article, so "a 10-year vision" ends nine years on;
  "Lisbon (March 3, 2021)- ..." is a dateline;
* a lead that names targets over a period counted from publication but no figure of its own frames the
  article's targets without a deadline; a lead with a figure is that figure's target only;
* a headline that names goals in the plural ("new targets for 2030") gives its year to the article's targets
  without a deadline, and so do a lead's goals in the plural for a year not yet over ("announced their main
  goals for 2026"); a headline naming one figure's target does not;
* a sentence opening on another matter ("Meanwhile, ...") takes no deadline carried from before;
* a headline that names a plan and its period and no figure ("... unveils export plan for next decade") frames
  the article's targets; one with a figure names that one target;
* a lead that names a plan and its horizon ("the framework steering its economy through 2034") and no figure
  frames the article's targets; a lead without a plan does not;
* a lead that restates the headline's figure takes the headline's deadline, and a headline figure without a
  deadline takes the one the lead states for it ("in the next three years"); a lead that names a plan "by" a year
  and no figure (years aside) gives that year to the article's targets;
* a value of another unit before a "respectively" list of years runs until the last of them;
* a deadline that ended before publication ("launched in 2013", "the 2023 target") is never carried to the
  sentences after it;
* an undated story whose headline or lead sets a goal for one year ("to add 150 GW in 2026") is written in
  that year: its "this year" and "by the end of the year" end then; "by 2030" in a headline names no current
  year, nor does a year after another goal's "by" year ("$500 billion in 2028" next to "20% by 2026"), and a
  count of months is not read from a year alone, nor a headline year that no figure is set for ("to hold
  elections in 2027");
* a debate in the Lords ("My Lords, His Majesty's Government ...") is British: "over this Parliament" resolves;
  in an undated British text it is the term in force after the latest year the text reports (the latest
  term of the lexicon when it reports none);
* the year after a base value ("compared to 22% in 2023", "up from 6% in 2022") is no deadline;
* a sentence-opening event date stays no deadline when an appositive follows ("In May 2021, a utility,
  Northfield Power, unveiled ...").

A row is ``(text, published, find, expected)``: exactly one record's ``text`` contains ``find``; ``expected``
holds ``deadline`` (end year or None) and optionally ``from`` (``evidence.deadline.from``).
"""

from __future__ import annotations

from typing import Any

import pytest
from rowchecks import check_deadline_row

Row = tuple[str, str | None, str, dict[str, Any]]

ROWS: list[Row] = [
    # --- a year-and-month date line ---------------------------------------------------------------
    ("Emirate unveils 10-year vision\n2022-11\n\nThe national plan will double exports to $50 billion.", None,
     "$50 billion", {"deadline": 2031}),
    ("City unveils green plan\n\nLisbon (March 3, 2021)- The mayor called for planting 200,000 trees over the "
     "next decade across every district of the city, with schools and parishes joining the effort.", None,
     "200,000 trees", {"deadline": 2031}),
    # --- a lead that frames the article ----------------------------------------------------------
    ("Coastal Plan explained\n2022-03-04\nTHE GOVERNMENT HAS set out how it intends to meet its flood defence "
     "targets over the next eight years.\n\nRiver defences must be raised by between 30% and 40%.", None,
     "30% and 40%", {"deadline": 2030, "from": "document"}),
    ("Coastal Plan explained\n2022-03-04\nThe government will build 40 km of sea walls over the next eight "
     "years.\n\nRiver defences must be raised by between 30% and 40%.", None, "30% and 40%", {"deadline": None}),
    # --- a headline naming goals in the plural gives their horizon ------------------------------------
    ("Cement maker sets new profit and climate targets for 2030\n2024-05-02\n\nThe group set out its plans on "
     "Tuesday. It is also targeting a return on capital of around 11%.", None, "around 11%",
     {"deadline": 2030, "from": "document"}),
    ("Cement maker sets profit target of 9% by 2030\n2024-05-02\n\nThe group set out its plans on Tuesday. It "
     "also wants a return on capital of around 11%.", None, "around 11%", {"deadline": None}),
    ("Island targets 20pct solar share by 2030\n2024-05-02\n\nThe island will also attract investments worth "
     "$2 billion in clean energy.", None, "$2 billion", {"deadline": None}),  # "targets" is a verb here
    ("Provinces publish growth goals\n2026-01-25\n\nAll 31 provinces have now announced their main goals for "
     "2026.\n\nThe coastal provinces are aiming for about 5.5%, while the western ones set 6% or more.", None,
     "6% or more", {"deadline": 2026, "from": "document"}),
    ("Provinces publish growth results\n2026-01-25\n\nAll 31 provinces have now reported on their goals for "
     "2025.\n\nThe western ones set 6% or more for the coming years.", None, "6% or more", {"deadline": None}),
    # --- "Meanwhile," opens another matter: nothing carries into it ------------------------------------
    ("The council will deliver 5,000 homes by 2027. It will also build 800 flats near the station.\n\n"
     "Meanwhile, the housing agency is to build 2,000 homes on former army land.", "2024-01-10", "2,000 homes",
     {"deadline": None}),
    # --- the lead restates the headline's figure -------------------------------------------------------
    ("Region sets out plan to reach 45% of its emissions target by 2030\n2023-05-19\nThe region has mapped out "
     "how it will achieve 45 per cent of its emissions target, the premier said.", None, "45 per cent",
     {"deadline": 2030, "from": "heading"}),
    # --- a headline naming a plan and its period, no figure, frames the article ------------------------
    ("Kingdom unveils export plan for next decade\n\nThe trade ministry presented the plan on Tuesday. It "
     "includes opening 40 trade offices abroad.", "2024-03-05", "40 trade offices", {"deadline": 2034,
                                                                                    "from": "document"}),
    ("Kingdom unveils plan to open 40 trade offices within five years\n\nThe trade ministry presented the plan on "
     "Tuesday. It also wants 12 new free-trade deals.", "2024-03-05", "12 new free-trade deals", {"deadline": None}),
    # --- a lead naming a plan's horizon and no figure frames the targets below -------------------------
    ("Island's growth vision: promises and delays\nSince 2022 the island's Growth Vision has been the framework "
     "steering its economy through 2034. It set bold objectives, notably raising exports to about $9 billion a "
     "year.", "2025-10-01", "$9 billion", {"deadline": 2034, "from": "document"}),
    ("Island's growth outlook: promises and delays\nSince 2022 officials have said reforms would continue through "
     "2034. Ministers want exports of about $9 billion a year.", "2025-10-01", "$9 billion", {"deadline": None}),
    # a sentence listing measures with two deadlines under a plan is no horizon of the plan
    ("Country unveils blueprint for new industries\n\nThe country unveiled a blueprint of new industries on "
     "Monday.\n\nUnder the plan, it will connect its ports by rail by 2026, extending the line to every city by "
     "2031.\n\nMeanwhile, the ministry plans to open 40 new research centres.", "2024-04-03", "40 new research",
     {"deadline": None}),
    # --- a headline figure takes the deadline the lead gives the same figure --------------------------
    ("Island to add 450MW of solar to its grid\n\nThe island's energy minister said on Monday that the government "
     "will add 450 MW of solar capacity to the grid in the next three years.", "2022-03-07", "450MW",
     {"deadline": 2025, "from": "heading"}),
    ("Railway to lay 1,200km of new track\n\nThe national railway plans to lay 1,200 km of new track by 2029, "
     "its chief executive said.", None, "1,200km", {"deadline": 2029, "from": "heading"}),
    # a plan named in the lead's sentence is no date given to the figure
    ("Kingdom draws $90b in foreign investment\n2024-06-11\n\nThe kingdom has drawn $90 billion in foreign "
     "investment as part of its Vision 2035 programme, the investment minister said.", None, "$90b",
     {"deadline": None}),
    # a later share of the figure ("40% of the $2bn ... by 2026") is no restatement of it
    ("Port expansion needs $2bn investment\n\nThe port authority said the expansion will need $2 billion of "
     "investment. About 40% of the $2 billion is expected to be spent by 2026.", "2023-04-02", "$2bn",
     {"deadline": None}),
    # --- a value before a "respectively" list of years runs over all of them ----------------------------
    ("Software revenue will grow by more than 9% a year and exceed 1.1 trillion yuan and 1.3 trillion yuan "
     "respectively in 2025 and 2026.", "2024-05-01", "9%", {"deadline": 2026}),
    ("By 2025, software revenue will grow by 9% and exceed 1.1 trillion yuan and 1.3 trillion yuan "
     "respectively in 2025 and 2026.", "2024-05-01", "9%", {"deadline": 2025}),
    # --- a past deadline is not carried ----------------------------------------------------------
    ("Homes programme expands\n2019-02-14\n\nThe council will deliver 5,000 homes by 2024 through a land "
     "programme that was launched in 2013. It will also build 800 flats near the station.", None, "800 flats",
     {"deadline": 2024}),
    ("Kingdom reports progress on Vision 2035\n2024-04-26\n\nHome ownership reached 61%, above the 2023 target "
     "of 60%. The ultimate goal is for 75% of families to own homes.", None, "75%", {"deadline": 2035}),
    ("Cabinet adopts industry plan\n2025-03-02\n\nThe cabinet has adopted an action plan to modernise industry by "
     "2030, with a long-term vision to 2045.\n\nThe country aspires to raise the share of manufacturing to 30% of "
     "GDP.", None, "30%", {"deadline": 2030, "from": "document"}),  # a plan's "by" year in a lead without figures
    # --- the year of an undated story --------------------------------------------------------------
    ("Country to add 150 GW of wind power in 2026\nThe country is set to add 150 GW of wind power in 2026, the "
     "energy agency said.\nTotal wind capacity will exceed 900 GW by the end of the year.", None, "900 GW",
     {"deadline": 2026}),
    ("Province announces its goals for 2026\nThe province set its main economic goals for 2026 on Monday.\n"
     "Its growth target this year is about 5%.", None, "5%", {"deadline": 2026}),
    ("Region to plant 1 million trees by 2030\nThe region will plant 1 million trees by 2030.\n"
     "Crews will plant 50,000 saplings this year.", None, "50,000", {"deadline": None}),
    ("Chip demand will reach $500 billion in 2028, a consultancy said\nSpending on memory could rise 20% by 2026.\n"
     "Sales of servers will climb 15% this year.", None, "15%", {"deadline": None}),  # 2028 is a horizon
    ("Town to hold council elections in 2027\nThe council will plant 5,000 trees this year.", None, "5,000",
     {"deadline": None}),  # an event's year, not a figure's: no year of the story
    ("Utility to connect 1 million homes in 2026\nThe utility will connect 1 million homes in 2026, it said.\n"
     "About 300,000 homes will be linked in the next 18 months.", None, "300,000", {"deadline": None}),
    # --- a question in the upper house names the country's parliament ----------------------------------
    ("My Lords, His Majesty’s Government remain committed to building 300 new schools over this Parliament.",
     "2025-03-01", "300 new schools", {"deadline": 2029}),
    # --- an undated British text's "this Parliament": the term in force on its floor, or the latest term -----
    ("Our pledges to Britain\n\nThe government will recruit 8,000 more nurses by the end of this Parliament.", None,
     "8,000 more nurses", {"deadline": 2029}),
    ("Our pledges to Britain\n\nWaiting lists fell 4% in 2017. The government will recruit 8,000 more "
     "nurses by the end of this Parliament.", None, "8,000 more nurses", {"deadline": 2022}),
    ("Our pledges to Ruritania\n\nThe government will recruit 8,000 more nurses by the end of this Parliament.",
     None, "8,000 more nurses", {"deadline": None}),  # another country's parliament
    # --- the year of a base value is no deadline -----------------------------------------------------
    ("Coal will supply 15% of power in the coming years, compared to 22% in 2023.", None, "15%", {"deadline": None}),
    ("Solar will supply 9% of power, up from 6% in 2022.", "2024-03-01", "9%", {"deadline": None}),
    # --- an event date with an appositive ----------------------------------------------------------
    ("Utilities turn to wind\n\nIn May 2021, a neighbouring utility, Northfield Power, unveiled a plan to add "
     "2 GW of wind.", None, "2 GW", {"deadline": None}),
    # --- a past date right after a participle of setting dates the setting: no deadline of the target ------------
    ("The solar pump scheme was notified in June 2020 with a total outlay of Rs 6,400 crore.", "2025-06-01",
     "6,400", {"deadline": None, "status": "target"}),
]


@pytest.mark.parametrize(("text", "published", "find", "expected"), ROWS, ids=[r[2] for r in ROWS])
def test_story_deadline(text: str, published: str | None, find: str, expected: dict[str, Any]) -> None:
    check_deadline_row(text, published, find, expected)
