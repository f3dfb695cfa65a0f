"""Deadline scope and baselines on real-article forms, table-driven.

Every sentence was written for this file in the genre (government plans, budgets, climate pledges,
roundups); none is copied from an article. A row is ``(text, published, find, expected)``:
exactly one record's ``text`` contains ``find``; ``expected`` may hold

* ``deadline``: the deadline's end year (int) or None for no deadline;
* ``from``: ``evidence.deadline.from`` ("clause", "sentence", "carried", "heading", "document", "publication");
* ``baseline``: None, or a dict with any of ``year``, ``value``, ``text`` to check;
* ``status``: "target" or "actual".
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import plancli
from plancli.schema import record_schema
from plancli.writers import CSV_COLUMNS, make_writer

Row = tuple[str, str | None, str, dict[str, Any]]

ROWS: list[Row] = [
    # --- a headline's goal for the year of publication, by its number, frames the article's annual goals ----------
    ("Parliament lifts growth target to 7% in 2026\n\nDeputies also backed the cabinet's aims to keep inflation "
     "near 4 percent and lift exports to $90 billion.", "2026-03-04", "$90 billion",
     {"deadline": 2026, "from": "document"}),
    # guard: a headline year that is not the year of publication is the one goal it names
    ("Parliament lifts growth target to 7% in 2027\n\nDeputies also backed the cabinet's aims to keep inflation "
     "near 4 percent and lift exports to $90 billion.", "2026-03-04", "$90 billion", {"deadline": None}),
    # guard: a headline of the year's figure with no goal frames nothing
    ("Exports rose 7% in 2026\n\nThe cabinet wants exports to reach $90 billion.", "2026-12-20", "$90 billion",
     {"deadline": None}),
    # --- a year heading inside a goals list: its items take the heading's year, not the lead-in's period ----
    ("The ministry published its water targets for the 2030-2050 period:\nYear 2030\n- Reuse: 25%\n- Leakage: 12%\n"
     "Year 2040\n- Reuse: 40%\n- Leakage: 8%", "2025-03-01", "25%", {"deadline": 2030, "from": "heading"}),
    ("The ministry published its water targets for the 2030-2050 period:\nYear 2030\n- Reuse: 25%\n- Leakage: 12%\n"
     "Year 2040\n- Reuse: 40%\n- Leakage: 8%", "2025-03-01", "8%", {"deadline": 2040, "from": "heading",
                                                                      "status": "target"}),
    ("The agency set these grid goals for the coming decades:\n2035:\n- Storage: 6 GW\n2045:\n- Storage: 15 GW",
     "2025-03-01", "15 GW", {"deadline": 2045, "status": "target"}),
    # a long block of headed items still runs to its end: each heading starts the item count over
    ("The plan lists these minimum shares for 2030-2060:\nYear 2030\n- A: 10%\n- B: 11%\n- C: 12%\n- D: 13%\n"
     "Year 2040\n- A: 20%\n- B: 21%\n- C: 22%\n- D: 23%\nYear 2050\n- A: 30%\n- B: 31%\n- C: 32%\n- D: 33%\n"
     "Year 2060\n- A: 40%\n- B: 41%\n- C: 42%\n- D: 43%", "2025-03-01", "43%", {"deadline": 2060,
                                                                                   "status": "target"}),
    # guard: a list item that names a year beside its figure is an item, not a heading; the lead-in's year holds
    ("The province set these goals for 2030:\n- Homes: 20,000 new homes\n- 2028 review: 5 audits\n"
     "- Parks: 40 new parks", "2025-03-01", "40 new parks", {"deadline": 2030}),
    # --- the plan's own period in the title or first lines: from "document" ------------------------
    # A headline that states a goal for a period across years frames the article; a headline's "by 2030" does not.
    ("Ministry sets $40 billion farm export target for FY27\n\nThe target includes $9 billion from rice and "
     "$4 billion from fruit.", "2026-07-15", "$4 billion", {"deadline": 2027, "from": "document"}),
    ("Board sets 2 million tonne grain target for the 2026-27 crop year\n\nWheat output should reach 900,000 "
     "tonnes.", "2026-06-01", "900,000", {"deadline": 2027, "from": "document"}),
    ("Carmaker aims to sell 2 million EVs by 2030\n\nSeparately, unions want 5,000 new jobs at the plant.",
     "2025-03-01", "5,000 new jobs", {"deadline": None}),
    ("Minister vows to double rural turnover within 5 years\n\nThe ministry wants 10,000 new workshops.",
     "2025-03-01", "10,000 new workshops", {"deadline": None}),
    ("Coastal Tourism Policy 2026-31\n\nThe province will welcome 12 million visitors a year.", "2026-02-01",
     "12 million visitors", {"deadline": 2031, "from": "document"}),
    ("Agency releases its 2025-2028 action plan for clean water\n\nThe agency will connect 40,000 households "
     "to piped water.", "2025-01-10", "40,000 households", {"deadline": 2028, "from": "document"}),
    ("Metro Vision 2040\n\nThe city will plant 1 million trees. By 2030, it will open 20 parks.", "2024-05-01",
     "1 million trees", {"deadline": 2040, "from": "document"}),
    ("Metro Vision 2040\n\nThe city will plant 1 million trees. By 2030, it will open 20 parks.", "2024-05-01",
     "20 parks", {"deadline": 2030, "from": "sentence"}),
    ("City Budget 2025-26: Rs 4,000 crore outlay\n\nThe city will spend Rs 900 crore on roads.", "2025-02-10",
     "Rs 900 crore", {"deadline": 2026, "from": "document"}),
    ("State Budget 2026-27 highlights\n\nSector allocations:\n\n- Schools: Rs 7,500 crore\n\n- Hospitals: Rs 3,200 crore",
     "2026-02-20", "Rs 3,200 crore", {"deadline": 2027, "from": "document"}),
    ("County issues three-year action plan for cold-chain logistics\n\nThe county will build 25 cold storage "
     "warehouses.", "2025-04-01", "25 cold storage", {"deadline": 2027, "from": "document"}),
    # a headline's fiscal year frames a budget story over a plan named further down
    ("Cabinet clears Rs 900 billion roads budget for FY26-27\n\nThe cabinet cleared the roads budget on Monday. "
     "It also endorsed a 5-year plan for rail. The target for new highways has been set at 1,200 km.",
     "2026-05-20", "1,200 km", {"deadline": 2027, "from": "document"}),
    # "the next financial year" in a budget story
    ("The province will spend $3 billion on schools in the next financial year, the treasurer said.",
     "2025-02-11", "$3 billion", {"deadline": 2026}),
    # a plan named with one year that a sentence only mentions is no deadline to carry; one that opens it is
    ("Health Plan 2025-2028\n\nThe plan sets 40 goals, all aligned with the National Vision 2045. The plan also "
     "aims to train 3,000 nurses a year.", "2025-02-01", "3,000 nurses", {"deadline": 2028, "from": "document"}),
    ("Under Vision 2045, the country aims to double its exports. It will also train 3,000 nurses a year.",
     "2025-02-01", "3,000 nurses", {"deadline": 2045}),
    # "so far this year" dates a figure to date, never a deadline
    ("Lender targets 60% green loans by 2030\n\nThe lender has set a target for 60 per cent of new loans to be green, it "
     "said, up from 25% so far this year.", "2024-09-10", "60 per cent", {"deadline": 2030}),
    # a goal whose year is over by publication frames nothing
    ("Regions fall behind on housing\n\nMost regions missed their 2022 target by thousands of homes, a study "
     "found. The ministry wants the capital region to build over 9,000 homes per year.", "2024-03-01",
     "9,000 homes", {"deadline": None}),
    # the year of a net-zero pledge is that pledge's horizon: no document period, nothing carried from it
    ("Region publishes first stage of its climate plan\n\nThe region confirmed its 2045 target for net zero "
     "emissions. The plan will connect 9 GW of wind and solar to the grid.", "2024-06-01", "9 GW",
     {"deadline": None}),
    ("Town misses climate goal\n\nThe town pledged climate neutrality by 2035. Councillors agreed to borrow "
     "£12 million. They will buy 150 electric buses.", "2024-06-01", "150 electric buses", {"deadline": None}),
    ("Town misses climate goal\n\nThe town wants to reach net-zero emissions by 2035; the 2035 goal has wide "
     "support.\n\nSeparately, the council approved 150 electric buses.", "2024-06-01", "150 electric buses",
     {"deadline": None}),
    ("The state is well on its way to its goal of zero net emissions by 2045. For that, it will soon tender for "
     "another 300MW of wind and solar.", "2024-06-01", "300MW", {"deadline": None}),
    ("The town will cut emissions 45% by 2030 and reach net zero by 2040. It will also install 2,000 heat "
     "pumps.", "2024-06-01", "2,000 heat", {"deadline": None}),
    # a deadline of another goal on the way to net zero carries on
    ("By 2030, the town will cut emissions 45% on its way to net zero. It will also install 2,000 heat "
     "pumps.", "2024-06-01", "2,000 heat", {"deadline": 2030, "from": "carried"}),
    # "the five-year period" after a named plan period is that period again
    ("The water plan for the 15th Five-Year Plan period (2026-2030) was released. The country will add "
     "2 million hectares of irrigated land in the five-year period.", "2027-03-01",
     "2 million hectares", {"deadline": 2030}),
    ("The water plan for the 15th Five-Year Plan period (2026-2030) was released. Yearly investment is to stay "
     "above 1 trillion yuan over the remaining years of the plan.", "2027-03-01",
     "1 trillion yuan", {"deadline": 2030, "from": "clause"}),
    # a policy named with the year it was adopted is no horizon
    ("State Startup Policy 2024\n\nThe state will support 500 startups.", "2024-06-01",
     "500 startups", {"deadline": None}),
    # --- plan period in the sentence and inline lead-ins with dash bullets -----------------------
    ("The cabinet approves the Excise Policy 2025-26 with a target to collect $2 billion in revenue.", "2025-03-01",
     "$2 billion", {"deadline": 2026, "status": "target"}),
    ("The council is working towards its Agenda 2035 targets, which include: - 40% fewer road deaths "
     "- 500 km of new bike lanes", "2025-01-01", "500 km", {"deadline": 2035, "from": "heading"}),
    # --- relative deadlines from the publication date -------------------------------------------
    ("Over the next decade, the health service will open 150 new clinics.", "2025-07-01",
     "150 new clinics", {"deadline": 2035, "from": "publication"}),
    ("The ministry will build 60,000 homes over the coming decade.", "2024-04-01",
     "60,000 homes", {"deadline": 2034, "from": "publication"}),
    ("The fund will finance 300 projects within three years.", "2024-04-01",
     "300 projects", {"deadline": 2027, "from": "publication"}),
    ("The city will install 5,000 streetlights throughout the year.", "2024-04-01",
     "5,000 streetlights", {"deadline": 2024, "from": "publication"}),
    ("The carmaker plans to raise local output to 900,000 vehicles by the end of the decade.", "2025-03-01",
     "900,000 vehicles", {"deadline": 2030}),
    ("The agency will clear 2,000 pending permits within 18 months.", "2024-03-01",
     "2,000 pending permits", {"deadline": 2025, "from": "publication"}),
    ("The country pledged to cut methane by 60% by mid-century.", "2024-03-01", "60%", {"deadline": 2050}),
    ("The housing agency will deliver 30,000 social homes between now and 2031.", "2025-02-01",
     "30,000 social homes", {"deadline": 2031}),
    ("The carmaker aims to sell 4 million electric cars a year by the early 2030s.", "2025-02-01",
     "4 million electric cars", {"deadline": 2033}),
    ("The grid operator expects to connect 25 GW of offshore wind in the late 2030s.", "2025-02-01",
     "25 GW", {"deadline": 2039}),
    ("Ministry targets\n\n2026 export growth target: about 7 percent", "2026-01-10",
     "about 7 percent", {"deadline": 2026}),
    ("Work report highlights\n\n-- 2026 urban jobs target: 9 million new jobs", "2026-03-05",
     "9 million new jobs", {"deadline": 2026}),
    ("Emir unveils 10-year vision for the country\n\nThe plan will double non-oil exports to $80 billion.",
     "2025-11-01", "$80 billion", {"deadline": 2034}),
    # a goal year stated in the lead frames the plan's later targets
    ("Country raises clean energy goals in draft plan\n\nThe plan lifts several goals.\n\nElections are due soon.\n\n"
     "The draft strategy sets a 2030 target of 9 GW for electrolysers.\n\nThe plan also raises goals for wind "
     "capacity to 40 GW.", "2025-06-01", "40 GW", {"deadline": 2030, "from": "document"}),
    # a goals table's heading gives its rows their deadline
    ("Our climate goals (by 2035, from a 2020 base)Progress\n40% cut in fleet fuel use\n12% cut so far\n",
     "2024-05-01", "40%", {"deadline": 2035, "status": "target", "from": "heading"}),
    # a breakdown of the figure before shares its status and deadline; a breakdown of an actual stays actual
    ("The agency will train 9,000 nurses by 2028. That includes 2,000 midwives and 1,500 paramedics.",
     "2025-01-01", "1,500 paramedics", {"deadline": 2028, "status": "target", "from": "carried"}),
    ("The city added 3,000 buses last year. That includes 1,200 electric buses.", "2025-01-01",
     "1,200 electric buses", {"deadline": None, "status": "actual"}),
    ("The state will build 50,000 homes by 2028. Rents rose sharply in 2023. That includes 900 evictions.",
     "2025-01-01", "900 evictions", {"deadline": None, "status": "actual"}),
    ("The utility will commission 2 GW of storage in H2 FY25.", "2024-06-01",
     "2 GW", {"deadline": 2025}),
    ("The department targets to spend $3 billion a year through to 2028 on rural roads.", "2024-06-01",
     "$3 billion", {"deadline": 2028, "from": "clause"}),
    ("The operator will auction 5 GW in the March quarter of 2025 and 3 GW in the September quarter.",
     "2024-11-01", "3 GW", {"deadline": 2025}),
    ("The regulator will approve 40 licences in Q3 2025.", "2025-01-01", "40 licences", {"deadline": 2025}),
    ("The state will raise the share of rail freight to 30 per cent come 2035.", "2025-01-01", "30 per cent",
     {"deadline": 2035, "status": "target"}),
    ("Named the National Growth Strategy 2: 2026 to 2030, the plan was launched on Monday. It aims to create "
     "400,000 formal jobs.", "2025-11-20", "400,000", {"deadline": 2030}),
    ("Retailers shall source no less than sixty percent from local farms before December 31, 2040.",
     "2024-01-01", "sixty percent", {"deadline": 2040, "status": "target"}),
    ("The line must carry 80,000 passengers a day no later than 30 June 2029.", "2024-01-01",
     "80,000 passengers", {"deadline": 2029}),
    ("The city will build 20 schools, 15 hospitals, and 300 km of roads by 2027.", "2025-01-01",
     "20 schools", {"deadline": 2027}),
    ("Analysts say the region's 2035 solar goal equals about a 45% power share.", "2025-01-01",
     "45%", {"deadline": 2035}),
    # --- "respectively" pairs values with periods -----------------------------------------------
    ("The law sets ethanol blending quotas of 12%, 15% and 18% for 2027, 2028 and 2029 respectively.",
     "2025-01-01", "15%", {"deadline": 2028}),
    ("The law sets ethanol blending quotas of 12%, 15% and 18% for 2027, 2028 and 2029 respectively.",
     "2025-01-01", "18%", {"deadline": 2029}),
    ("The board targets renewable shares of 45% and 60% in 2027-28 and 2032-33, respectively.",
     "2025-01-01", "60%", {"deadline": 2033}),
    ("Output of the software industry will exceed 1.2 trillion yuan and 1.4 trillion yuan respectively in 2025 "
     "and 2026.", "2024-05-01", "1.4 trillion yuan", {"deadline": 2026}),
    ("Output of the software industry will exceed 1.2 trillion yuan and 1.4 trillion yuan respectively in 2025 "
     "and 2026.", "2024-05-01", "1.2 trillion yuan", {"deadline": 2025}),
    # --- carrying: the same subject, a sub-scope opener; resetting at story breaks ---------------
    ("Beginning in 2027, the pension contribution rate will be raised. The current pension contribution rate of "
     "8 percent will increase to 10 percent.", "2025-01-01", "10 percent", {"deadline": 2027, "from": "carried"}),
    ("Each district has been given a planting target for FY27. The hill district has been allotted the largest "
     "target of 4 lakh saplings.", "2026-01-01", "4 lakh saplings", {"deadline": 2027, "from": "carried"}),
    ("Members agreed that 40% of all heat used in the country must come from clean sources by 2032. "
     "For the building sector, at least 25% of heat would have to come from heat pumps.", "2025-01-01",
     "25%", {"deadline": 2032, "from": "carried"}),
    ("The state will add 400 buses by 2028.\n\nSource: Daily Courier\n\nHealth\n\n"
     "The neighbouring state announced a clinic scheme and aims to hire 900 nurses.", "2025-01-01",
     "900 nurses", {"deadline": None}),
    ("The amnesty will run between March 1, 2025, and August 31, 2025, and aims to recover dues worth "
     "$500 million.", "2025-02-01", "$500 million", {"deadline": 2025, "status": "target"}),
    # --- never deadlines: baselines, start and event dates ----------------------------------------
    ("The state will cut landfill waste by 40% from 2015 levels.", "2024-01-01",
     "40%", {"deadline": None, "baseline": {"year": 2015, "text": "from 2015 levels"}}),
    ("Expected to begin construction in 2026, the wind farm will generate 300MW of power.", "2025-01-01",
     "300MW", {"deadline": None}),
    ("In May 2023, the island updated its climate pledge with a promise to cut emissions by 30% by 2035, "
     "with a conditional target of a 50% cut.", "2025-01-01", "50%", {"deadline": 2035, "status": "target"}),
    # --- baselines in the record -----------------------------------------------------------------
    ("The region will cut emissions by 55% from 1990 levels by 2030.", "2024-01-01",
     "55%", {"deadline": 2030, "baseline": {"year": 1990, "value": None}}),
    ("The province aims to raise the renewable share from 22% to 35% by 2030.", "2024-01-01",
     "35%", {"deadline": 2030, "baseline": {"value": 22, "year": None, "text": "from 22%"}}),
    ("The province aims to raise the renewable share from 22% to 35% by 2030.", "2024-01-01",
     "22%", {"baseline": None}),
    ("Water use per unit of output will fall 12% compared with 2020.", "2024-01-01",
     "12%", {"deadline": None, "baseline": {"year": 2020}}),
    ("Wind capacity reached 20 GW last year, up from 14.8 GW.", "2024-01-01",
     "20 GW", {"baseline": {"value": 14.8, "year": None}}),
    ("The state will reduce emissions by 40-45% below 2010 levels by 2035.", "2024-01-01",
     "40-45%", {"deadline": 2035, "baseline": {"year": 2010}}),
    ("The current subsidy rate of 40% will rise to 50% next year.", "2024-01-01",
     "50%", {"baseline": {"value": 40, "text": "current subsidy rate of 40%"}}),
    ("The current subsidy rate of 40% will rise to 50% next year.", "2024-01-01",
     "40%", {"deadline": None, "baseline": None}),
    ("The county will double its recycling rate to 60%.", "2024-01-01", "60%", {"baseline": None}),
    ("The board aims to lift the rail share of freight to 30% by 2035, up from the current level of 18%.",
     "2024-01-01", "30%", {"deadline": 2035, "baseline": {"value": 18, "text": "from the current level of 18%"}}),
    ("The board aims to lift the rail share of freight to 30% by 2035, up from the current level of 18%.",
     "2024-01-01", "18%", {"deadline": None, "baseline": None}),
]


def _one(text: str, published: str | None, find: str) -> dict[str, Any]:
    records = [r.to_dict() for r in plancli.extract(text, published=published)]
    found = [r for r in records if find in r["text"]]
    assert len(found) == 1, json.dumps(records, indent=1, ensure_ascii=False)
    return found[0]


@pytest.mark.parametrize(("text", "published", "find", "expected"), ROWS,
                         ids=[f"{r[2]}|{r[0][:40]}" for r in ROWS])
def test_scope_row(text: str, published: str | None, find: str, expected: dict[str, Any]) -> None:
    record = _one(text, published, find)
    problems = []
    if "deadline" in expected:
        deadline = record["deadline"]
        got = None if deadline is None else int(deadline["end"][:4])
        if got != expected["deadline"]:
            problems.append(f"deadline: expected {expected['deadline']}, got {deadline}")
    if "from" in expected:
        source = (record["evidence"]["deadline"] or {}).get("from")
        if source != expected["from"]:
            problems.append(f"from: expected {expected['from']}, got {source}")
    if "status" in expected and record["status"] != expected["status"]:
        problems.append(f"status: expected {expected['status']}, got {record['status']}")
    if "baseline" in expected:
        want, got_baseline = expected["baseline"], record["baseline"]
        if want is None and got_baseline is not None:
            problems.append(f"baseline: expected None, got {got_baseline}")
        elif want is not None:
            if got_baseline is None:
                problems.append(f"baseline: expected {want}, got None")
            else:
                problems += [f"baseline.{k}: expected {v!r}, got {got_baseline[k]!r}"
                             for k, v in want.items() if got_baseline[k] != v]
    assert not problems, "\n".join(problems) + "\n" + json.dumps(record, indent=1, ensure_ascii=False)


def test_baseline_in_schema_and_csv() -> None:
    import jsonschema

    records = plancli.extract("The region will cut emissions by 55% from 1990 levels by 2030.", published="2024-01-01")
    data = records[0].to_dict()
    jsonschema.validate(data, record_schema())
    assert list(data).index("baseline") == list(data).index("base") + 1
    out = io.StringIO()
    writer = make_writer("csv", out)
    writer.write(data)
    writer.close()
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert {"baseline_text", "baseline_year", "baseline_value"} <= set(CSV_COLUMNS)
    assert (row["baseline_text"], row["baseline_year"], row["baseline_value"]) == ("from 1990 levels", "1990", "")


@pytest.mark.parametrize(("line", "is_break"), [
    ("Source: Daily Courier", True),
    ("Energy and mining", True),
    ("Schools: Rs 4,400 crore", False),
    ("The state will add 400 buses by 2028.", False),
])
def test_story_breaks(line: str, is_break: bool) -> None:
    from plancli.extract import Extractor
    from plancli.patterns import load_pattern_set
    from plancli.statements.common import word_list
    from plancli.statements.scope import is_story_break

    doc = Extractor().nlp(line + "\n\nThe city will open 3 parks.")
    words = word_list(load_pattern_set(), "story_break_words")
    assert is_story_break(next(iter(doc.sents)), words) is is_break


def test_a_lead_in_bound_holds_for_its_list_items() -> None:
    text = ("An act relating to energy\n\nThe state shall cut emissions by at least the following amounts, compared "
            "with 2005:\n(1) 20 percent by 2027;\n(2) 40 percent by 2035; and\n(3) to net zero by 2050.\n"
            "The fund will spend 300 million dollars.\n")
    records = {r.text: r for r in plancli.extract(text, published="2024-03-01")}
    assert records["20 percent"].comparator == ">="
    assert records["40 percent"].comparator == ">="
    assert records["300 million dollars"].comparator == "="
