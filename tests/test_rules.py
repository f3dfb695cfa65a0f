"""Extraction rules, table-driven: sentences in the genre and what a careful analyst expects.

The sentences below were written for this file (they are not copied from
``samples/``); they imitate Chinese provincial and city plans (including
machine-translated English), Indian government targets, EU targets, US
federal and state goals, all in company-free government prose.

Positive table ``ROWS``: one row per expected record, ``(text, published, expected)``.

* ``text`` is passed to ``plancli.extract(text, published=published)``; it is
  usually one sentence, sometimes a short passage (lead-ins, "By then" carry).
* ``published`` is an ISO date string, or ``None``.
* ``expected`` is a dict. ``"find"`` is required: exactly one extracted record
  must have a ``text`` containing it. Every other key is a check on that record:

  - a record field name (``status``, ``kind``, ``value``, ``value_max``,
    ``unit``, ``comparator``, ``direction``) must equal the given value
    (numbers compared with a relative tolerance);
  - ``deadline_start`` / ``deadline_end``: ISO dates of the record's deadline;
    ``"deadline": None`` asserts there is no deadline;
  - ``metric_contains`` / ``base_contains`` / ``actor_contains``: a key word
    that must occur (case-insensitively) in that field, not exact equality;
  - ``unit_endswith``: for counts, the counted head noun (singular) the unit
    must end with; the engine keeps modifiers in the unit ("key project"), so
    this checks "project" without deciding that convention;
  - ``equivalent_value`` / ``equivalent_unit``: the parenthetical conversion;
  - ``absent``: substrings that must occur in no record's ``text``
    (years, ordinals, names with numbers inside an otherwise good sentence);
  - ``n_records``: the number of records the whole text must yield.

A failing row reports every mismatch and prints the whole record (or all
records, when ``find`` matches none or several).

Negative table ``NEGATIVE_ROWS``: ``(text, published)`` must yield no record
at all (dates, ordinals, names with numbers, slogans, copyright lines, list
markers, bare numbers).
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

import plancli

Row = tuple[str, str | None, dict[str, Any]]

ROWS: list[Row] = [
    # --- Chinese provincial and city plans: money ------------------------------------------
    (
        "By 2025, Guangdong will strive to raise the added value of its digital economy to 6.5 trillion yuan.",
        "2024-01-10",
        {"find": "6.5 trillion", "value": 6.5e12, "unit": "CNY", "kind": "amount", "status": "target",
         "comparator": "=", "deadline_end": "2025-12-31", "metric_contains": "digital economy",
         "actor_contains": "Guangdong", "absent": ["2025"]},
    ),
    (
        "Sichuan will invest no less than 500 billion yuan in water conservancy projects over 2021-2025.",
        "2022-03-02",
        {"find": "500 billion", "value": 5e11, "unit": "CNY", "comparator": ">=", "status": "target",
         "deadline_start": "2021-01-01", "deadline_end": "2025-12-31", "absent": ["2021"]},
    ),
    (
        "The output value of the new energy vehicle industry is to exceed 300 billion yuan by 2027.",
        "2024-05-06",
        {"find": "300 billion", "value": 3e11, "unit": "CNY", "comparator": ">", "status": "target",
         "deadline_end": "2027-12-31", "metric_contains": "output value"},
    ),
    (
        "The municipal government plans to invest 3.2 billion RMB Yuan in upgrading the sewage network.",
        "2023-08-14",
        {"find": "3.2 billion", "value": 3.2e9, "unit": "CNY", "kind": "amount", "status": "target"},
    ),
    (
        "The provincial industrial guidance fund is expected to reach RMB 50 billion by 2026.",
        "2023-11-20",
        {"find": "50 billion", "value": 5e10, "unit": "CNY", "status": "target", "deadline_end": "2026-12-31"},
    ),
    (
        "Provincial finance will allocate \u00a58.6 billion for rural revitalization this year.",
        "2024-02-01",
        {"find": "8.6 billion", "value": 8.6e9, "unit": "CNY", "status": "target",
         "deadline_start": "2024-01-01", "deadline_end": "2024-12-31"},
    ),
    (
        "Retail sales of consumer goods in the province amounted to 4.3 trillion renminbi in 2023.",
        "2024-01-28",
        {"find": "4.3 trillion", "value": 4.3e12, "unit": "CNY", "status": "actual", "kind": "amount",
         "metric_contains": "retail sales"},
    ),
    (
        "The province will issue CNY 120 billion of new special-purpose bonds in 2024.",
        "2024-01-22",
        {"find": "120 billion", "value": 1.2e11, "unit": "CNY", "status": "target",
         "deadline_start": "2024-01-01", "deadline_end": "2024-12-31", "metric_contains": "bond"},
    ),
    (
        "Hubei will invest 1.05 trillion yuan (about $146 billion) in infrastructure by 2025.",
        "2023-03-15",
        {"find": "1.05 trillion", "value": 1.05e12, "unit": "CNY", "equivalent_value": 1.46e11,
         "equivalent_unit": "USD", "deadline_end": "2025-12-31", "n_records": 1},
    ),
    (
        "Anhui has earmarked 80 billion yuan (US$11.1 billion) for advanced manufacturing projects.",
        "2023-06-09",
        {"find": "80 billion", "value": 8e10, "unit": "CNY", "equivalent_value": 1.11e10,
         "equivalent_unit": "USD", "n_records": 1},
    ),
    (
        "The added value of the marine economy reached 1.9 trillion yuan in 2022.",
        "2023-05-19",
        {"find": "1.9 trillion", "value": 1.9e12, "unit": "CNY", "status": "actual",
         "metric_contains": "marine economy", "absent": ["2022"]},
    ),
    (
        "Chongqing has issued a three-year action plan to attract 200 billion yuan of foreign investment.",
        "2023-05-19",
        {"find": "200 billion", "value": 2e11, "unit": "CNY", "status": "target",
         "deadline_start": "2023-01-01", "deadline_end": "2025-12-31", "metric_contains": "foreign investment"},
    ),
    (
        "The city will launch 68 key projects with a total investment exceeding 60 billion yuan.",
        "2024-02-26",
        {"find": "60 billion", "value": 6e10, "unit": "CNY", "comparator": ">", "status": "target"},
    ),
    (
        "The city will launch 68 key projects with a total investment exceeding 60 billion yuan.",
        "2024-02-26",
        {"find": "68", "value": 68, "unit_endswith": "project", "kind": "count", "comparator": "=", "status": "target"},
    ),
    (
        "Each qualifying technology enterprise can receive a one-off subsidy of up to 5 million yuan.",
        "2024-04-11",
        {"find": "5 million", "value": 5e6, "unit": "CNY", "comparator": "<=", "metric_contains": "subsidy"},
    ),
    (
        "The per capita disposable income of rural residents stood at 21,691 yuan last year.",
        "2024-01-18",
        {"find": "21,691", "value": 21691, "unit": "CNY", "status": "actual", "comparator": "=",
         "metric_contains": "income"},
    ),
    # --- Chinese plans: machine-translated style ------------------------------------------
    (
        "Strive to achieve the regional GDP of more than 1.5 trillion yuan by 2025, the per capita GDP exceed 100,000 yuan.",
        "2022-01-05",
        {"find": "1.5 trillion", "value": 1.5e12, "unit": "CNY", "comparator": ">", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "GDP"},
    ),
    (
        "Strive to achieve the regional GDP of more than 1.5 trillion yuan by 2025, the per capita GDP exceed 100,000 yuan.",
        "2022-01-05",
        {"find": "100,000", "value": 1e5, "unit": "CNY", "comparator": ">", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "per capita"},
    ),
    (
        "By 2025, the province digital economy core industries added value accounts for GDP proportion reaches about 10%.",
        "2022-02-17",
        {"find": "10%", "value": 10, "unit": "percent", "kind": "share", "comparator": "~", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "digital economy"},
    ),
    (
        "Promote the comprehensive utilization rate of industrial solid waste to reach more than 80% in 2025.",
        "2022-06-30",
        {"find": "80%", "value": 80, "unit": "percent", "comparator": ">", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "utilization rate"},
    ),
    (
        "The number of high-tech enterprises strives to exceed 5,000, the R&D investment intensity reach 2.8%.",
        "2023-03-01",
        {"find": "5,000", "value": 5000, "kind": "count", "unit_endswith": "enterprise", "comparator": ">",
         "status": "target"},
    ),
    (
        "The number of high-tech enterprises strives to exceed 5,000, the R&D investment intensity reach 2.8%.",
        "2023-03-01",
        {"find": "2.8%", "value": 2.8, "unit": "percent", "status": "target", "metric_contains": "R&D"},
    ),
    # --- Chinese plans: shares, growth, rates ---------------------------------------------
    (
        "By 2025, the province will invest more than 1.2 trillion yuan in transport, and the share of "
        "clean energy in total energy consumption will reach 40 percent.",
        "2024-03-01",
        {"find": "40 percent", "value": 40, "unit": "percent", "kind": "share", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "clean energy", "base_contains": "energy consumption"},
    ),
    (
        "Shandong's GDP is expected to grow by around 5 percent in 2024.",
        "2024-01-23",
        {"find": "5 percent", "value": 5, "unit": "percent", "kind": "growth", "direction": "up",
         "comparator": "~", "status": "target", "deadline_end": "2024-12-31", "metric_contains": "GDP"},
    ),
    (
        "Energy consumption per unit of GDP will be cut by 13.5 percent during the 14th Five-Year Plan period.",
        "2022-01-24",
        {"find": "13.5 percent", "value": 13.5, "unit": "percent", "kind": "growth", "direction": "down",
         "status": "target", "deadline_start": "2021-01-01", "deadline_end": "2025-12-31",
         "metric_contains": "energy consumption", "absent": ["14th"]},
    ),
    (
        "Jiangsu will keep the urban surveyed unemployment rate within 5.5 percent this year.",
        "2024-01-25",
        {"find": "5.5 percent", "value": 5.5, "unit": "percent", "comparator": "<=", "status": "target",
         "deadline_end": "2024-12-31", "metric_contains": "unemployment"},
    ),
    (  # "within" a range is the range, both bounds given: "=" with value_max, not an upper limit
        "The council will keep headline inflation within 3.0 to 4.5 percent through 2027.",
        "2025-02-10",
        {"find": "4.5 percent", "value": 3.0, "value_max": 4.5, "unit": "percent", "comparator": "=",
         "status": "target"},
    ),
    (
        "Keep the fiscal deficit within 2-3% of GDP in 2026.",
        "2025-11-03",
        {"find": "2-3%", "value": 2, "value_max": 3, "comparator": "=", "status": "target"},
    ),
    (
        "The forest coverage rate of the province will reach 62 percent by 2025.",
        "2021-12-08",
        {"find": "62 percent", "value": 62, "unit": "percent", "kind": "share", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "forest"},
    ),
    (
        "The city's GDP growth target for this year is set at 5 to 5.5 percent.",
        "2024-01-20",
        {"find": "5.5", "value": 5, "value_max": 5.5, "unit": "percent", "kind": "growth", "status": "target",
         "deadline_end": "2024-12-31", "metric_contains": "GDP"},
    ),
    (
        "Looking at growth targets, most provinces set the target at more than 5 percent this year.",
        "2025-01-25",
        {"find": "5 percent", "value": 5, "unit": "percent", "kind": "growth", "status": "target"},
    ),
    (
        "The highest growth target is the region's, which is more than 7 percent.",
        "2025-01-25",
        {"find": "7 percent", "value": 7, "unit": "percent", "kind": "growth"},
    ),
    (
        "The district targets a 9 percent increase in output in the first quarter, followed by 9.5 percent, "
        "10 percent and 10.5 percent in the next quarters.",
        "2025-01-25",
        {"find": "10.5 percent", "value": 10.5, "unit": "percent", "kind": "growth"},
    ),
    (
        "Heilongjiang aims to keep the growth of fixed-asset investment between 5 and 6 percent.",
        "2024-01-30",
        {"find": "6 percent", "value": 5, "value_max": 6, "unit": "percent", "kind": "growth",
         "status": "target", "metric_contains": "fixed-asset investment"},
    ),
    (
        "General public budget revenue is projected to grow 5-6% in 2024.",
        "2024-01-16",
        {"find": "5-6%", "value": 5, "value_max": 6, "unit": "percent", "kind": "growth", "direction": "up",
         "deadline_end": "2024-12-31", "metric_contains": "revenue"},
    ),
    (
        "Over 85 percent of administrative villages will have access to gigabit broadband by 2025.",
        "2023-04-12",
        {"find": "85 percent", "value": 85, "comparator": ">", "kind": "share", "status": "target",
         "deadline_end": "2025-12-31", "base_contains": "village"},
    ),
    (
        "Green buildings will make up 70 percent or more of new urban construction by 2025.",
        "2022-07-07",
        {"find": "70 percent", "value": 70, "comparator": ">=", "kind": "share", "status": "target",
         "deadline_end": "2025-12-31", "base_contains": "construction"},
    ),
    (
        "The surveyed unemployment rate will be held below 5.5 percent, and consumer prices will rise by around 3 percent.",
        "2024-03-05",
        {"find": "5.5 percent", "value": 5.5, "comparator": "<", "status": "target",
         "metric_contains": "unemployment"},
    ),
    (
        "The surveyed unemployment rate will be held below 5.5 percent, and consumer prices will rise by around 3 percent.",
        "2024-03-05",
        {"find": "3 percent", "value": 3, "comparator": "~", "kind": "growth", "direction": "up",
         "status": "target", "metric_contains": "price"},
    ),
    (
        "The province aims to rank among the top three in the country in terms of R&D intensity by 2025.",
        "2023-02-14",
        {"find": "top three", "kind": "rank", "value": 3, "status": "target", "deadline_end": "2025-12-31"},
    ),
    (
        "Foreign trade volume of the province has ranked among the top 5 nationwide for six consecutive years.",
        "2024-01-09",
        {"find": "top 5", "kind": "rank", "value": 5, "status": "actual"},
    ),
    # --- Chinese plans: counts and physical quantities ------------------------------------
    (
        "The city plans to build 12,000 new 5G base stations this year.",
        "2024-02-20",
        {"find": "12,000", "value": 12000, "kind": "count", "unit_endswith": "station", "status": "target",
         "deadline_end": "2024-12-31", "n_records": 1},
    ),
    (
        "Hainan aims to have more than 1,000 hydrogen fuel cell vehicles on its roads by the end of 2025.",
        "2023-09-01",
        {"find": "1,000", "value": 1000, "kind": "count", "unit_endswith": "vehicle", "comparator": ">",
         "status": "target", "deadline_end": "2025-12-31"},
    ),
    (
        "The province's total grain output stood at 67.8 million tonnes in 2023.",
        "2024-01-26",
        {"find": "67.8 million", "value": 6.78e7, "unit": "tonne", "kind": "quantity", "status": "actual",
         "metric_contains": "grain"},
    ),
    (
        "During the 14th Five-Year Plan (2021-25), the city will renovate 1,200 old residential communities.",
        "2021-06-18",
        {"find": "1,200", "value": 1200, "kind": "count", "status": "target", "deadline_start": "2021-01-01",
         "deadline_end": "2025-12-31", "absent": ["14th", "2021"]},
    ),
    (
        "The province will build ten national-level manufacturing innovation centers by 2025.",
        "2022-05-10",
        {"find": "ten", "value": 10, "kind": "count", "unit_endswith": "center", "status": "target",
         "deadline_end": "2025-12-31"},
    ),
    (
        "Three hundred kilometers of new expressways will be opened to traffic this year.",
        "2024-02-05",
        {"find": "Three hundred", "value": 300, "unit": "km", "kind": "quantity", "status": "target",
         "deadline_end": "2024-12-31", "metric_contains": "expressway"},
    ),
    (
        "The installed capacity of offshore wind power in Fujian will reach 4.1 GW by 2025-end.",
        "2023-07-21",
        {"find": "4.1", "value": 4.1, "unit": "GW", "kind": "quantity", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "offshore wind"},
    ),
    (
        "The total length of the intercity railway network will reach 2,345.6 kilometers.",
        "2023-10-10",
        {"find": "2,345.6", "value": 2345.6, "unit": "km", "kind": "quantity", "status": "target",
         "metric_contains": "railway"},
    ),
    (
        "The comprehensive energy consumption of data centers in the city shall not exceed 1.3 million tonnes of standard coal.",
        "2023-10-10",
        {"find": "1.3 million", "value": 1.3e6, "unit": "tonne", "comparator": "<=", "status": "target",
         "metric_contains": "energy consumption"},
    ),
    (
        "Water consumption per 10,000 yuan of GDP will be no more than 30 cubic meters by 2025.",
        "2022-04-01",
        {"find": "30 cubic", "value": 30, "unit": "m**3", "comparator": "<=", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "water consumption"},
    ),
    (
        "The annual average concentration of PM2.5 will be kept at less than 35 micrograms per cubic meter.",
        "2023-03-20",
        {"find": "35", "value": 35, "comparator": "<", "kind": "quantity", "status": "target",
         "metric_contains": "PM2.5", "absent": ["2.5"]},
    ),
    (
        "Average one-way commuting time in the central city will be kept under 45 minutes.",
        "2023-03-20",
        {"find": "45", "value": 45, "unit": "minute", "comparator": "<", "kind": "quantity",
         "status": "target", "metric_contains": "commuting"},
    ),
    (
        "The port aims to handle cargo throughput surpassing 12 million tonnes next year.",
        "2023-12-15",
        {"find": "12 million", "value": 1.2e7, "unit": "tonne", "comparator": ">", "status": "target",
         "deadline_start": "2024-01-01", "deadline_end": "2024-12-31"},
    ),
    (
        "Yiwu has exported more than 2 million tonnes of goods via the China-Europe freight trains.",
        "2024-04-02",
        {"find": "2 million", "value": 2e6, "unit": "tonne", "comparator": ">", "status": "actual"},
    ),
    (
        "The city is home to 1,560 high-tech enterprises and 38 national-level incubators.",
        "2024-04-02",
        {"find": "1,560", "value": 1560, "kind": "count", "unit_endswith": "enterprise", "status": "actual"},
    ),
    (
        "The rectification of 300 abandoned mines should be completed no later than June 2024.",
        "2023-11-01",
        {"find": "300", "value": 300, "kind": "count", "unit_endswith": "mine", "status": "target",
         "deadline_end": "2024-06-30"},
    ),
    (
        "Next year, the city will add 50,000 new urban jobs.",
        "2023-12-15",
        {"find": "50,000", "value": 5e4, "kind": "count", "unit_endswith": "job", "status": "target",
         "deadline_start": "2024-01-01", "deadline_end": "2024-12-31"},
    ),
    (
        "In the next three years, Zhejiang will train 100,000 digital technicians.",
        "2023-05-19",
        {"find": "100,000", "value": 1e5, "kind": "count", "unit_endswith": "technician", "status": "target",
         "deadline_end": "2026-12-31", "actor_contains": "Zhejiang"},
    ),
    (
        "After three years of efforts, the comprehensive utilization rate of crop straw will be above 92 percent.",
        "2023-05-19",
        {"find": "92 percent", "value": 92, "comparator": ">", "status": "target", "deadline_end": "2026-12-31",
         "metric_contains": "straw"},
    ),
    (
        "In 2023, the province will start construction of 150 major projects.",
        "2023-01-15",
        {"find": "150", "value": 150, "kind": "count", "unit_endswith": "project", "status": "target",
         "deadline_start": "2023-01-01", "deadline_end": "2023-12-31", "absent": ["2023"]},
    ),
    (
        "Within this year, 500 new public charging stations will be built across the city.",
        "2024-03-01",
        {"find": "500", "value": 500, "kind": "count", "status": "target", "deadline_start": "2024-03-01",
         "deadline_end": "2024-12-31"},
    ),
    (
        "All county hospitals will be upgraded before 2026, with 95 percent of them meeting the national standard.",
        "2023-08-30",
        {"find": "95 percent", "value": 95, "kind": "share", "status": "target", "deadline_end": "2026-12-31"},
    ),
    (
        "Some 200 projects will be signed at the investment fair, creating nearly 3,000 jobs.",
        "2024-05-20",
        {"find": "200", "value": 200, "comparator": "~", "kind": "count", "unit": "project"},
    ),
    (
        "Some 200 projects will be signed at the investment fair, creating nearly 3,000 jobs.",
        "2024-05-20",
        {"find": "3,000", "value": 3000, "comparator": "~", "kind": "count", "unit": "job"},
    ),
    # --- Chinese plans: deadline carry and lead-ins ---------------------------------------
    (
        "By 2025, the output of the biomedicine industry will reach 150 billion yuan. "
        "By then, the number of listed biotech firms in the city will exceed 30.",
        "2022-09-13",
        {"find": "30", "value": 30, "comparator": ">", "kind": "count", "status": "target",
         "deadline_end": "2025-12-31"},
    ),
    (
        "By 2027, Shanghai will build 20 national-level smart factories. "
        "It is to cultivate 15 industrial internet platforms with national influence.",
        "2024-06-03",
        {"find": "15", "value": 15, "kind": "count", "unit_endswith": "platform", "status": "target",
         "deadline_end": "2027-12-31"},
    ),
    (
        "The action plan specifies the three-year development goals: the scale of the smart equipment "
        "industry will surpass 100 billion yuan; the number of specialized and sophisticated enterprises "
        "will reach 50.",
        "2023-05-19",
        {"find": "100 billion", "value": 1e11, "unit": "CNY", "comparator": ">", "status": "target",
         "deadline_start": "2023-01-01", "deadline_end": "2025-12-31"},
    ),
    (
        "The action plan specifies the three-year development goals: the scale of the smart equipment "
        "industry will surpass 100 billion yuan; the number of specialized and sophisticated enterprises "
        "will reach 50.",
        "2023-05-19",
        {"find": "50", "value": 50, "kind": "count", "unit_endswith": "enterprise", "status": "target",
         "deadline_end": "2025-12-31"},
    ),
    # --- India -----------------------------------------------------------------------------
    (
        "The government aims to achieve 500 GW of non-fossil fuel based electricity capacity by 2030.",
        "2023-12-01",
        {"find": "500", "value": 500, "unit": "GW", "kind": "quantity", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "non-fossil"},
    ),
    (
        "The Centre has set aside Rs 11.11 lakh crore for capital expenditure in FY25.",
        "2024-07-23",
        {"find": "11.11", "value": 1.111e13, "unit": "INR", "kind": "amount", "deadline_start": "2024-04-01",
         "deadline_end": "2025-03-31", "metric_contains": "capital expenditure"},
    ),
    (
        "The scheme will provide pucca houses to 3 crore rural families by March 2029.",
        "2024-06-10",
        {"find": "3 crore", "value": 3e7, "kind": "count", "unit_endswith": "family", "status": "target",
         "deadline_end": "2029-03-31"},
    ),
    (
        "The ministry plans to set up 1.5 lakh health and wellness centres by December 2022.",
        "2019-02-01",
        {"find": "1.5 lakh", "value": 1.5e5, "kind": "count", "status": "target", "deadline_end": "2022-12-31"},
    ),
    (
        "The fiscal deficit is targeted at 4.5 per cent of GDP by FY26.",
        "2024-07-23",
        {"find": "4.5 per cent", "value": 4.5, "unit": "percent", "kind": "share", "status": "target",
         "deadline_end": "2026-03-31", "metric_contains": "fiscal deficit", "base_contains": "GDP"},
    ),
    (
        "The state will spend 45,000 crore rupees on irrigation over the next five years.",
        "2024-02-01",
        {"find": "45,000", "value": 4.5e11, "unit": "INR", "status": "target", "deadline_end": "2029-12-31",
         "metric_contains": "irrigation"},
    ),
    (
        "The mission has been approved with an outlay of INR 19,744 crore.",
        "2023-01-04",
        {"find": "19,744", "value": 1.9744e11, "unit": "INR", "kind": "amount"},
    ),
    (
        "The Cabinet approved Rs 2,000 crore for the modernisation of fishing harbours.",
        "2023-01-04",
        {"find": "2,000 crore", "value": 2e10, "unit": "INR", "kind": "amount"},
    ),
    (
        "The state will invest Rs 75 bn in port-led industrialisation by 2030.",
        "2023-09-12",
        {"find": "75 bn", "value": 7.5e10, "unit": "INR", "status": "target", "deadline_end": "2030-12-31"},
    ),
    (
        "India targets 5 mln tonnes of green hydrogen production by 2030.",
        "2023-01-05",
        {"find": "5 mln", "value": 5e6, "unit": "tonne", "kind": "quantity", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "hydrogen"},
    ),
    (
        "The government aims to raise merchandise exports to $1 trillion by 2030.",
        "2023-04-01",
        {"find": "$1 trillion", "value": 1e12, "unit": "USD", "status": "target", "deadline_end": "2030-12-31",
         "metric_contains": "export"},
    ),
    (
        "The country's coal production stood at 997 million tonnes in FY24.",
        "2024-04-02",
        {"find": "997 million", "value": 9.97e8, "unit": "tonne", "status": "actual", "metric_contains": "coal"},
    ),
    (
        "The ministry aims to construct 12,000 km of national highways in FY26.",
        "2025-02-01",
        {"find": "12,000", "value": 12000, "unit": "km", "kind": "quantity", "status": "target",
         "deadline_start": "2025-04-01", "deadline_end": "2026-03-31", "metric_contains": "highway"},
    ),
    (
        "The share of manufacturing in GDP should rise to 25 per cent by 2025.",
        "2020-05-13",
        {"find": "25 per cent", "value": 25, "unit": "percent", "kind": "share", "status": "target",
         "deadline_end": "2025-12-31", "metric_contains": "manufacturing", "base_contains": "GDP"},
    ),
    (
        "The railway board plans to electrify the remaining 1,200 km of broad-gauge track by mid-2024.",
        "2023-06-01",
        {"find": "1,200", "value": 1200, "unit": "km", "status": "target", "deadline_end": "2024-06-30"},
    ),
    (
        "Tax collections grew 15.4 per cent to Rs 19.6 lakh crore in 2023-24.",
        "2024-04-21",
        {"find": "15.4 per cent", "value": 15.4, "kind": "growth", "direction": "up", "status": "actual"},
    ),
    (
        "Tax collections grew 15.4 per cent to Rs 19.6 lakh crore in 2023-24.",
        "2024-04-21",
        {"find": "19.6", "value": 1.96e13, "unit": "INR", "kind": "amount", "status": "actual",
         "absent": ["2023-24"]},
    ),
    (
        "The state has set a target of 20,000 MW of solar capacity by 2027.",
        "2023-03-08",
        {"find": "20,000", "value": 20000, "unit": "MW", "kind": "quantity", "status": "target",
         "deadline_end": "2027-12-31", "metric_contains": "solar"},
    ),
    # --- European Union ------------------------------------------------------------------
    (
        "The EU aims to reduce net greenhouse gas emissions by at least 55% by 2030 compared with 1990 levels.",
        "2023-07-14",
        {"find": "55%", "value": 55, "unit": "percent", "kind": "growth", "direction": "down",
         "comparator": ">=", "status": "target", "deadline_end": "2030-12-31", "metric_contains": "greenhouse",
         "absent": ["1990"], "n_records": 1},
    ),
    (
        "Member states agreed to raise the share of renewable energy in the EU's overall energy consumption "
        "to 42.5% by 2030.",
        "2023-03-30",
        {"find": "42.5%", "value": 42.5, "kind": "share", "status": "target", "deadline_end": "2030-12-31",
         "metric_contains": "renewable", "base_contains": "energy consumption"},
    ),
    (
        "The Commission will mobilise \u20ac1 trillion in sustainable investments by 2030.",
        "2020-01-14",
        {"find": "\u20ac1 trillion", "value": 1e12, "unit": "EUR", "kind": "amount", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "investment"},
    ),
    (
        "The recovery instrument amounted to 750 billion euro in grants and loans.",
        "2021-02-19",
        {"find": "750 billion", "value": 7.5e11, "unit": "EUR", "status": "actual"},
    ),
    (
        "The Commission will provide EUR 3 billion to support clean hydrogen projects next year.",
        "2023-11-23",
        {"find": "3 billion", "value": 3e9, "unit": "EUR", "status": "target", "deadline_end": "2024-12-31"},
    ),
    (
        "The employment rate of women should rise by 3 percentage points by 2030.",
        "2021-03-04",
        {"find": "3 percentage points", "value": 3, "unit": "percentage_point", "direction": "up",
         "status": "target", "deadline_end": "2030-12-31", "metric_contains": "employment rate"},
    ),
    (
        "The share of early school leavers is to be cut by 1.5 percentage points to below 9 percent by 2030.",
        "2021-03-04",
        {"find": "1.5 percentage", "value": 1.5, "unit": "percentage_point", "direction": "down",
         "status": "target", "deadline_end": "2030-12-31"},
    ),
    (
        "The share of early school leavers is to be cut by 1.5 percentage points to below 9 percent by 2030.",
        "2021-03-04",
        {"find": "9 percent", "value": 9, "unit": "percent", "comparator": "<", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "school leavers"},
    ),
    (
        "The directive requires member states to reduce final energy consumption by 11.7% by 2030.",
        "2023-09-20",
        {"find": "11.7%", "value": 11.7, "kind": "growth", "direction": "down", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "energy consumption"},
    ),
    (
        "At least 20% of each national recovery plan should support the digital transition.",
        "2021-02-19",
        {"find": "20%", "value": 20, "comparator": ">=", "kind": "share", "status": "target",
         "base_contains": "recovery plan"},
    ),
    (
        "The EU aims to have at least 30 million zero-emission cars on its roads by 2030.",
        "2021-07-14",
        {"find": "30 million", "value": 3e7, "comparator": ">=", "kind": "count", "unit_endswith": "car",
         "status": "target", "deadline_end": "2030-12-31"},
    ),
    (
        "The EU installed 56 GW of new solar capacity in 2023.",
        "2024-01-15",
        {"find": "56", "value": 56, "unit": "GW", "kind": "quantity", "status": "actual",
         "metric_contains": "solar"},
    ),
    (
        "Renewables accounted for 23 percent of gross final energy consumption in 2022.",
        "2023-12-19",
        {"find": "23 percent", "value": 23, "kind": "share", "status": "actual",
         "base_contains": "energy consumption"},
    ),
    (
        "By 2030, the EU should have 20 million ICT specialists employed, and 75% of enterprises should use "
        "cloud services.",
        "2022-12-14",
        {"find": "75%", "value": 75, "kind": "share", "status": "target", "deadline_end": "2030-12-31",
         "base_contains": "enterprise"},
    ),
    (
        "By 2030, the EU should have 20 million ICT specialists employed, and 75% of enterprises should use "
        "cloud services.",
        "2022-12-14",
        {"find": "20 million", "value": 2e7, "kind": "count", "unit_endswith": "specialist", "status": "target",
         "deadline_end": "2030-12-31"},
    ),
    (
        "The UK will provide GBP 11.6 billion in international climate finance between 2021 and 2026.",
        "2021-11-01",
        {"find": "11.6 billion", "value": 1.16e10, "unit": "GBP", "status": "target",
         "deadline_start": "2021-01-01", "deadline_end": "2026-12-31"},
    ),
    # --- United States -------------------------------------------------------------------
    (
        "The administration set a goal of deploying 30 GW of offshore wind by 2030.",
        "2021-03-29",
        {"find": "30", "value": 30, "unit": "GW", "kind": "quantity", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "offshore wind"},
    ),
    (
        "California aims to reach 100 percent clean electricity by 2045.",
        "2022-09-16",
        {"find": "100 percent", "value": 100, "unit": "percent", "status": "target",
         "deadline_end": "2045-12-31", "metric_contains": "electricity"},
    ),
    (
        "The state will invest US$2.5 billion in electric vehicle charging by the end of 2030.",
        "2023-02-08",
        {"find": "2.5 billion", "value": 2.5e9, "unit": "USD", "kind": "amount", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "charging"},
    ),
    (
        "The federal program will distribute USD 7.5 billion to states for charging networks.",
        "2022-02-10",
        {"find": "7.5 billion", "value": 7.5e9, "unit": "USD", "kind": "amount", "status": "target"},
    ),
    (
        "New York plans to spend 1 billion dollars on zero-emission buses over the next five years.",
        "2023-05-19",
        {"find": "1 billion", "value": 1e9, "unit": "USD", "status": "target", "deadline_end": "2028-12-31"},
    ),
    (
        "The law provides approximately $370 billion for climate and energy programs.",
        "2022-08-16",
        {"find": "$370 billion", "value": 3.7e11, "unit": "USD", "comparator": "~"},
    ),
    (
        "The United States aims to cut greenhouse gas emissions 50-52 percent below 2005 levels by 2030.",
        "2021-04-22",
        {"find": "52 percent", "value": 50, "value_max": 52, "unit": "percent", "kind": "growth",
         "direction": "down", "status": "target", "deadline_end": "2030-12-31", "absent": ["2005"]},
    ),
    (
        "The state has installed 1.2 million rooftop solar systems since 2006.",
        "2024-03-11",
        {"find": "1.2 million", "value": 1.2e6, "kind": "count", "unit_endswith": "system", "status": "actual",
         "absent": ["2006"]},
    ),
    (
        "Massachusetts plans to have 900,000 electric vehicles on the road by 2030.",
        "2022-12-21",
        {"find": "900,000", "value": 9e5, "kind": "count", "unit_endswith": "vehicle", "status": "target",
         "deadline_end": "2030-12-31", "actor_contains": "Massachusetts"},
    ),
    (
        "The city's goal is to plant 1 million trees by 2030.",
        "2023-04-22",
        {"find": "1 million", "value": 1e6, "kind": "count", "unit": "tree", "status": "target",
         "deadline_end": "2030-12-31"},
    ),
    (
        "Wind generation in Texas amounted to 116 TWh last year.",
        "2024-03-01",
        {"find": "116", "value": 116, "unit": "TWh", "kind": "quantity", "status": "actual",
         "metric_contains": "wind"},
    ),
    (
        "Average household electricity use will be reduced to 3,500 kWh a year by 2035.",
        "2024-03-01",
        {"find": "3,500", "value": 3500, "unit": "kWh", "kind": "quantity", "status": "target",
         "deadline_end": "2035-12-31"},
    ),
    (
        "The state will restore 1,500 km\u00b2 of coastal wetlands by 2030.",
        "2023-10-02",
        {"find": "1,500", "value": 1500, "unit": "km**2", "kind": "quantity", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "wetland"},
    ),
    (
        "The national park will be expanded by 1,200 square kilometers by the end of 2030.",
        "2023-10-02",
        {"find": "1,200", "value": 1200, "unit": "km**2", "kind": "quantity", "status": "target",
         "deadline_end": "2030-12-31"},
    ),
    (
        "The grid operator is to add 40 GW of battery storage by the end of 2030.",
        "2024-06-12",
        {"find": "40", "value": 40, "unit": "GW", "status": "target", "deadline_end": "2030-12-31",
         "metric_contains": "storage"},
    ),
    # --- goals lists, baselines, clause scope (from the held-out development set's lessons) ------
    (
        "The regulation sets benchmarks for domestic capacity by 2030:\n- at least 20% of annual demand for refining,\n- not more than 60% of supply from a single country.",
        "2024-05-23",
        {"find": "at least 20%", "value": 20, "comparator": ">=", "kind": "share", "status": "target",
         "deadline_end": "2030-12-31", "metric_contains": "annual demand"},
    ),
    (
        "The province will cut coal consumption by 18 percent from 2020 levels by 2026.",
        "2023-06-01",
        {"find": "18 percent", "value": 18, "kind": "growth", "direction": "down", "status": "target",
         "deadline_end": "2026-12-31"},
    ),
    (
        "Imports of ore stay below 2%, even though demand is expected to triple by 2030.",
        "2024-05-23",
        {"find": "below 2%", "value": 2, "comparator": "<", "status": "actual", "deadline": None},
    ),
    (
        "The county will open 45 new clinics by 2029, so that no household is more than 8 kilometres from care.",
        "2024-05-23",
        {"find": "more than 8 kilometres", "status": "target", "deadline_end": "2029-12-31"},
    ),
    (
        "Owners must upgrade the 10% least efficient homes by 2028 and the 20% least efficient by 2032.",
        "2024-05-23",
        {"find": "20%", "value": 20, "status": "target", "deadline_end": "2032-12-31"},
    ),
    (
        "The state has built 1,46,145 km of rural roads since the scheme began.",
        "2024-02-01",
        {"find": "1,46,145 km", "value": 146145, "unit": "km", "kind": "quantity", "status": "actual",
         "metric_contains": "rural roads"},
    ),
    (
        "Sea Breeze 2, a 924-MW project, is expected to deliver power by the end of 2027.",
        "2024-02-01",
        {"find": "924-MW", "value": 924, "unit": "MW", "kind": "quantity"},
    ),
    (
        "The fund is expected to attract between €10 billion and €15 billion of private capital by 2030.",
        "2024-02-01",
        {"find": "between €10 billion and €15 billion", "value": 1e10, "value_max": 1.5e10, "unit": "EUR",
         "status": "target", "n_records": 1},
    ),
    (
        "The pilot zone will be expanded from 12 square kilometers to 45 sq km by 2026.",
        "2024-02-01",
        {"find": "45 sq km", "value": 45, "unit": "km**2", "value_max": None, "status": "target",
         "deadline_end": "2026-12-31"},
    ),
    (
        "By 2026, build provincial-level smart factories 40 and digital workshops 300.",
        "2024-02-01",
        {"find": "300", "value": 300, "unit": "workshop", "kind": "count", "status": "target",
         "deadline_end": "2026-12-31"},
    ),
    (
        "Member States have earmarked more than €40 billion for energy efficiency in schools.",
        "2024-02-01",
        {"find": "€40 billion", "value": 4e10, "unit": "EUR", "comparator": ">", "status": "actual"},
    ),
    (
        "During April-December of FY24, 3.1 GW of rooftop capacity was added.",
        "2024-02-01",
        {"find": "3.1 GW", "value": 3.1, "unit": "GW", "status": "actual"},
    ),
    (
        "Annual output of electric vehicles is expected to top 1 million units within three years.",
        "2024-02-01",
        {"find": "1 million units", "value": 1e6, "unit": "unit", "kind": "count", "status": "target",
         "n_records": 1},
    ),
    (
        "The county plans to start 4 data center projects this year.",
        "2024-02-01",
        {"find": "4 data center projects", "value": 4, "unit": "project", "kind": "count", "status": "target"},
    ),
    (
        "The bloc will cut methane emissions by 30% by 2030 and by 45% by 2035.",
        "2024-02-01",
        {"find": "45%", "value": 45, "kind": "growth", "status": "target", "deadline_end": "2035-12-31"},
    ),
    (
        "The new district aims to have a permanent population of 1.5 million by 2035.",
        "2024-04-01",
        {"find": "1.5 million", "value": 1.5e6, "unit": "person", "kind": "count", "status": "target",
         "deadline_end": "2035-12-31", "metric_contains": "population"},
    ),
    (
        "The port received 80 billion yuan of investment in 2023, up 12.5 percent.",
        "2024-04-01",
        {"find": "80 billion", "value": 8e10, "unit": "CNY", "status": "actual", "metric_contains": "investment"},
    ),
    (
        "The state budget for FY 2024-25 provides:\n- Education: ₹44,422 crore\n- Health: ₹16,500 crore\n",
        "2024-02-16",
        {"find": "₹16,500 crore", "value": 1.65e11, "unit": "INR", "status": "target",
         "deadline_end": "2025-03-31", "metric_contains": "Health"},
    ),
    (
        "LONDON, 12 December 2024 - The government will double onshore wind to 30 GW by 2030, up from 15 GW today.",
        None,
        {"find": "15 GW", "value": 15, "unit": "GW", "status": "actual", "deadline": None},
    ),
    (
        "The state aims to put 900,000 EVs on its roads by 2030.",
        "2024-03-01",
        {"find": "900,000 EVs", "value": 9e5, "unit": "ev", "kind": "count", "status": "target",
         "deadline_end": "2030-12-31"},
    ),
    (
        "This year, arrange municipal key projects 800, annual plan investment 200 billion yuan above.",
        "2024-03-01",
        {"find": "200 billion yuan above", "value": 2e11, "unit": "CNY", "comparator": ">"},
    ),
    (
        "Growth is projected to rise to 3.2 percent in 2025 and 3.5 percent in 2026.",
        "2024-04-08",
        # A projection is not a target (GUIDELINE: forecasts and projections), cue rule "projection".
        {"find": "3.5 percent", "value": 3.5, "status": "actual", "deadline_end": "2026-12-31"},
    ),
    (
        "By 2030, heat pumps will make up 60% or more of new heating installations.",
        "2024-03-01",
        {"find": "60% or more", "value": 60, "comparator": ">=", "kind": "share", "status": "target",
         "metric_contains": "heat pumps share of new heating"},
    ),
    (
        "Piped gas will be supplied to the remaining 12 lakh urban households by March 2026.",
        "2024-03-01",
        {"find": "12 lakh", "value": 1.2e6, "unit": "household", "status": "target",
         "deadline_end": "2026-03-31", "metric_contains": "urban households"},
    ),
    (
        "Rural new employment 90,000 people; registered urban unemployment rate within 4.5%.",
        "2024-03-01",
        {"find": "90,000", "value": 90000, "unit": "person", "metric_contains": "rural new employment"},
    ),
    (
        "The overall goals are:by 2027,the output of the hydrogen industry strives to exceed 50 billion yuan.",
        "2024-05-01",
        {"find": "50 billion", "value": 5e10, "comparator": ">", "status": "target", "deadline_end": "2027-12-31"},
    ),
    (
        "Landfill shares must fall to 10% by 2030, 8% by 2035 and 5% by 2040.",
        "2024-05-01",
        {"find": "5%", "value": 5, "status": "target", "deadline_end": "2040-12-31", "kind": "share"},
    ),
    (
        "The app is expected to cross 2 lakh users by March 2026.",
        "2024-05-01",
        {"find": "2 lakh", "value": 2e5, "unit": "user", "comparator": ">", "status": "target"},
    ),
    (
        "The province will build 3 to 5 hydrogen industry clusters by 2027.",
        "2024-05-01",
        {"find": "3 to 5", "value": 3, "value_max": 5, "unit": "cluster", "status": "target", "n_records": 1},
    ),
    (
        "For this year, Hefei aims for GDP growth of about 6 percent. The city will create at least 200,000 new urban jobs.",
        "2024-02-01",
        {"find": "200,000", "value": 2e5, "unit": "job", "status": "target", "deadline_end": "2024-12-31"},
    ),
    (
        "The directive sets minimum recycled content by 2030:\n- 25% for plastic drink bottles;\n- 15% for other plastic packaging.",
        "2024-03-05",
        {"find": "25%", "value": 25, "status": "target", "deadline_end": "2030-12-31",
         "metric_contains": "plastic drink bottles"},
    ),
    (
        "Hangzhou has set a GDP growth target of around 6 percent this year.",
        "2024-01-10",
        {"find": "6 percent", "value": 6, "comparator": "~", "status": "target", "deadline_end": "2024-12-31",
         "metric_contains": "GDP growth"},
    ),
    (
        "The plant will have a capacity of 20 lakh chips per day.",
        "2024-03-05",
        {"find": "20 lakh", "value": 2e6, "unit": "chip", "status": "target", "metric_contains": "capacity"},
    ),
    (
        "The recycling rate will be raised from 40% at present to more than 55% by 2027.",
        "2024-03-05",
        {"find": "55%", "value": 55, "comparator": ">", "status": "target", "deadline_end": "2027-12-31",
         "metric_contains": "recycling rate"},
    ),
    (
        "The budget for FY 2025-26 was presented on Friday.\n\nSector allocations\n\n- Health: ₹12,300 crore\n- Roads: ₹9,800 crore\n",
        "2025-02-14",
        {"find": "₹9,800 crore", "value": 9.8e10, "unit": "INR", "status": "target", "metric_contains": "Roads"},
    ),
    (
        "This year the ministry will serve 20 million rural residents, and more than 900 county-level rural water supply projects will be upgraded.",
        "2024-03-01",
        {"find": "900", "value": 900, "unit": "project", "kind": "count", "status": "target"},
    ),
    # --- headlines: "X to do Y" is a plan --------------------------------------------------
    (
        "Jiangxi to attract 100 billion yuan in foreign investment\n\nNANCHANG - The province said on Monday ...",
        "2024-04-08",
        {"find": "100 billion", "value": 1e11, "unit": "CNY", "status": "target", "kind": "amount"},
    ),
    # --- clause structure: parentheses, comparison years, change nouns, verbs after names ---
    (
        "The consumer price index (CPI) is expected to rise by around 3 percent this year.",
        "2024-03-05",
        {"find": "3 percent", "value": 3, "kind": "growth", "direction": "up", "comparator": "~",
         "status": "target", "deadline_end": "2024-12-31", "metric_contains": "CPI"},
    ),
    (
        "Local special-purpose bonds will total 3.9 trillion yuan, 100 billion yuan more than last year.",
        "2024-03-05",
        {"find": "3.9 trillion", "value": 3.9e12, "unit": "CNY", "status": "target", "deadline": None,
         "metric_contains": "special-purpose bonds"},
    ),
    (
        "The bloc has committed to a 55% reduction in net greenhouse gas emissions by 2040.",
        "2024-02-06",
        {"find": "55%", "value": 55, "kind": "growth", "direction": "down", "status": "target",
         "deadline_end": "2040-12-31", "metric_contains": "greenhouse gas emissions"},
    ),
    (
        "The Clean Water Act provides $50 billion for water infrastructure over the next five years.",
        "2022-01-15",
        {"find": "$50 billion", "value": 5e10, "unit": "USD", "kind": "amount", "status": "target",
         "deadline_end": "2027-12-31", "metric_contains": "water infrastructure"},
    ),
    (
        "The county will build 40,000 units of affordable housing by 2027.",
        "2024-05-01",
        {"find": "40,000", "value": 40000, "unit": "unit", "kind": "count", "status": "target",
         "metric_contains": "affordable housing"},
    ),
    (
        "Member states should ensure that at least 60% of heat demand in new districts comes from renewables by 2035.",
        "2024-05-01",
        {"find": "60%", "value": 60, "comparator": ">=", "kind": "share", "status": "target",
         "deadline_end": "2035-12-31", "metric_contains": "heat demand", "base_contains": "heat demand"},
    ),
]

NEGATIVE_ROWS: list[tuple[str, str | None]] = [
    ("Applications must be decided within 6 months of filing.", "2024-05-01"),
    # years and dates
    ("The meeting was held in Beijing on March 5, 2024.", "2024-03-06"),
    ("In 2023, the provincial government released its annual work report.", "2024-01-10"),
    ("The 2030 Agenda for Sustainable Development guides the Commission's work.", "2023-06-01"),
    ("The Union Budget 2024-25 was presented in Parliament on July 23.", "2024-07-24"),
    ("The regulation entered into force on 1 January 2021 and applies from 2023.", None),
    # ordinals
    ("The 14th Five-Year Plan was adopted at the fourth session of the 13th National People's Congress.", None),
    ("The third plenary session of the 20th CPC Central Committee was held in July.", "2024-07-22"),
    ("The 25th plant of the provincial grid company was connected in Hefei.", None),
    ("The 13th congress of the provincial Party committee opened on Monday.", None),
    # names with numbers
    ("5G networks now cover all townships in the province.", "2024-01-01"),
    ("County hospitals have installed the NeuViz 128 CT scanner.", None),
    ("The group entered the Fortune Global 500 list again.", None),
    ("The \u201c12+1\u201d pilot zones were approved by the State Council.", None),
    ("Efforts to curb PM2.5 pollution will continue across the region.", None),
    ("The agreement was reached at COP28 in Dubai.", None),
    ("Metro Line 3 will be extended to the airport.", None),
    ("The G20 leaders met in New Delhi.", None),
    ("Article 12 of the regulation sets out the reporting obligations.", None),
    ("Chapter 3 of the plan deals with green development.", None),
    ("The Fit for 55 package revises the bloc's climate legislation.", None),
    ("The province is implementing the Made in China 2025 strategy.", None),
    ("The roadmap supports the vision of Viksit Bharat @2047.", None),
    ("Horizon 2020 funded research across member states.", None),
    ("This year's No. 1 central document focuses on rural revitalization.", "2024-02-04"),
    ("The plan promotes Industry 4.0 in traditional sectors.", None),
    ("Emissions have been falling since the 1990s.", None),
    # slogans
    ("The province is building \u201cone hub and four centers\u201d to serve the land-sea corridor.", None),
    ("The city will implement the \u201cthree priorities and five upgrades\u201d strategy.", None),
    # copyright lines, list markers, addresses
    ("Copyright \u00a9 2024 Provincial Development and Reform Commission. All rights reserved.", None),
    ("1. Accelerate the construction of a modern industrial system.", None),
    ("(3) Promote the high-quality development of the private economy.", None),
    ("Address: No. 18 Xinhua Road, Building 5, Room 302.", None),
    # bare numbers
    ("The figure given in the table is 42.", None),
    ("See page 7 for details.", None),
]


# --- helpers -----------------------------------------------------------------------------


def _dump(records: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False, indent=1) for r in records) or "(no records)"


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(got, (int, float)) and math.isclose(expected, got, rel_tol=1e-9)
    return expected == got


def _contains(needle: str, hay: Any) -> bool:
    return isinstance(hay, str) and needle.lower() in hay.lower()


def _mismatches(record: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every check in ``expected`` that ``record`` fails, as 'field: expected X, got Y'."""
    out: list[str] = []
    deadline = record.get("deadline") or {}
    equivalent = record.get("equivalent") or {}
    for key, want in expected.items():
        if key in ("find", "absent", "n_records"):
            continue
        if key == "deadline":
            got = record.get("deadline")
        elif key == "deadline_start":
            got = deadline.get("start")
        elif key == "deadline_end":
            got = deadline.get("end")
        elif key == "equivalent_value":
            got = equivalent.get("value")
        elif key == "equivalent_unit":
            got = equivalent.get("unit")
        elif key == "unit_endswith":
            got = record.get("unit")
            if not (isinstance(got, str) and (got == want or got.endswith((" " + want, "-" + want)))):
                out.append(f"unit_endswith: expected unit ending in {want!r}, got {got!r}")
            continue
        elif key.endswith("_contains"):
            got = record.get(key.removesuffix("_contains"))
            if not _contains(want, got):
                out.append(f"{key}: expected {want!r} in {got!r}")
            continue
        else:
            assert key in record, f"unknown expectation key {key!r}"
            got = record[key]
        if not _same(want, got):
            out.append(f"{key}: expected {want!r}, got {got!r}")
    return out


def _row_id(row: Row) -> str:
    text, _, expected = row
    return f"{expected['find']}|{text[:40]}"


# --- tests -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "published", "expected"), ROWS, ids=[_row_id(r) for r in ROWS])
def test_rule(text: str, published: str | None, expected: dict[str, Any]) -> None:
    records = [r.to_dict() for r in plancli.extract(text, published=published)]
    problems: list[str] = []
    if "n_records" in expected and len(records) != expected["n_records"]:
        problems.append(f"n_records: expected {expected['n_records']}, got {len(records)}")
    for needle in expected.get("absent", []):
        offenders = [r["text"] for r in records if needle in r["text"]]
        if offenders:
            problems.append(f"absent: {needle!r} found in record text {offenders!r}")
    found = [r for r in records if expected["find"] in r["text"]]
    if len(found) != 1:
        problems.append(f"find: expected one record containing {expected['find']!r}, got {len(found)}")
        pytest.fail("\n".join(problems) + "\nall records:\n" + _dump(records))
    problems += _mismatches(found[0], expected)
    if problems:
        pytest.fail("\n".join(problems) + "\nrecord:\n" + _dump(found))


@pytest.mark.parametrize(("text", "published"), NEGATIVE_ROWS, ids=[t[:40] for t, _ in NEGATIVE_ROWS])
def test_not_a_quantity(text: str, published: str | None) -> None:
    records = [r.to_dict() for r in plancli.extract(text, published=published)]
    if records:
        pytest.fail(f"expected no records, got {len(records)}:\n" + _dump(records))


@pytest.mark.parametrize("text", sorted({row[0] for row in ROWS}), ids=lambda t: t[:40])
def test_offsets_point_into_source(text: str) -> None:
    for record in plancli.extract(text):
        assert text[record.start:record.end] == record.text
