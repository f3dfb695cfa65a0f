"""Word lists moved from statement code to ``patterns/lexicon/``, and lexicon references in token patterns.

A user's ``--patterns`` folder extends each moved list like any other lexicon, and a pattern's ``IN``/``NOT_IN``
list may name a lexicon (``{"lexicon": "name_number_stops"}``) instead of repeating its words.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import plancli
from plancli.patterns import PatternError, default_patterns_dir, load_pattern_set

PUBLISHED = date(2024, 3, 1)

MOVED = ["sector_gerunds", "share_synonyms", "bare_line_words", "measure_acronyms", "reach_verbs", "speech_verbs",
         "name_number_stops", "goal_fates", "plan_heads", "world_scope_words", "unplanned_words", "own_market_words",
         "plan_item_units", "past_changes", "superseded_words", "base_leads", "range_openers", "ratio_parts",
         "period_qualifiers", "auxiliary_openings", "reporting_verbs"]


@pytest.mark.parametrize("name", MOVED)
def test_moved_word_list_is_a_described_lexicon(name: str) -> None:
    path = default_patterns_dir() / "lexicon" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == name and data["label"] is None
    assert data["description"].strip() and "\n" not in data["description"]
    assert load_pattern_set().words(name), f"{path}: no words"


def _user_folder(tmp_path: Path, name: str, words: list[str]) -> Path:
    folder = tmp_path / "mine"
    (folder / "lexicon").mkdir(parents=True)
    (folder / "lexicon" / f"{name}.json").write_text(
        json.dumps({"name": name, "label": None, "description": "My words.", "entries": {"mine": words}}),
        encoding="utf-8")
    return folder


#: A forecaster's piece whose last line quotes the city with a speech verb the shipped list lacks ("stressed").
_PIECE = """Harbour district's wind output to triple by 2029

Wind output in the harbour district will triple to 12 TWh by 2029, analysts at Morrow Insight said in a note.

Offshore farms will provide 70% of that output, the analysts said.

The city will fit 800 public buildings with heat pumps by 2027, the council stressed.
"""

#: (lexicon, words the user adds, text, figure, record field, value with the shipped list, value with the user's)
EXTENSIONS = [
    ("share_synonyms", ["fraction"], "The fraction of households with piped water will rise to 80% by 2030.",
     "80%", "metric", "share of fraction of households with piped water", "share of households with piped water"),
    ("reach_verbs", ["become"], "The economy will grow 7% a year to become a middle-income economy by 2030.",
     "7%", "deadline", None, "2030-12-31"),
    ("measure_acronyms", ["GRP"], "Regional GRP will grow 6% in 2025, the governor said.",
     "6%", "metric", None, "Regional GRP increase"),
    ("sector_gerunds", ["logging"], "Output of forestry will rise 4%, with logging by 2.8 per cent, by 2027.",
     "2.8 per cent", "metric", "Output of forestry growth", "logging"),
    ("bare_line_words", ["overall"],
     "The county sets these goals for 2030:\n(1) 50 percent renewable power by 2030;\n(2) overall 30 percent by 2025;\n",
     "30 percent", "metric", None, "share of renewable power"),
    ("speech_verbs", ["stressed"], _PIECE, "800 public buildings", "status", "actual", "target"),
    ("plan_item_units", ["benchmark"], "The city will meet 12 benchmarks by 2030.",
     "12 benchmarks", "status", "target", "actual"),
    ("past_changes", ["shrank"], "Ridership on the ferry line shrank 12 percent within two years.",
     "12 percent", "status", "target", "actual"),
    ("superseded_words", ["last"], "Unlike the last plan to 2020, the new plan will raise forest cover to 45%.",
     "45%", "deadline", "2020-12-31", None),
    ("ratio_parts", ["shortfall"], "The government will cut the fiscal shortfall to 3% of GDP by 2027.",
     "3%", "metric", "fiscal shortfall share of GDP", "fiscal shortfall to GDP"),
]


def _field(record: plancli.Target, name: str) -> str | None:
    if name == "deadline":
        return record.deadline.end if record.deadline is not None else None
    value = getattr(record, name)
    return value if value is None else str(value)


@pytest.mark.parametrize(("lexicon", "words", "text", "find", "field", "shipped", "extended"), EXTENSIONS,
                         ids=[row[0] for row in EXTENSIONS])
def test_user_folder_extends_a_moved_word_list(tmp_path: Path, lexicon: str, words: list[str], text: str,
                                                find: str, field: str, shipped: str | None,
                                                extended: str | None) -> None:
    folder = _user_folder(tmp_path, lexicon, words)
    assert not set(words) & load_pattern_set().words(lexicon)
    assert set(words) <= load_pattern_set((folder,)).words(lexicon)
    for extractor, expected in ((plancli.Extractor(), shipped), (plancli.Extractor(patterns=[folder]), extended)):
        found = [r for r in extractor.extract(text, published=PUBLISHED) if r.text.startswith(find)]
        assert len(found) == 1, [r.to_dict() for r in found]
        assert _field(found[0], field) == expected


def test_shipped_patterns_share_the_name_number_stops() -> None:
    """exclusions.jsonl's two name patterns read one lexicon; the first adds three words of its own."""
    stops = load_pattern_set().words("name_number_stops")
    by_id = {p.id: p.pattern for p in load_pattern_set().patterns if p.label == "NOT_QUANTITY"}
    numbered, named = by_id["numbered_names"], by_id["name_with_number"]
    assert isinstance(numbered, list) and isinstance(named, list)
    assert set(numbered[0]["LOWER"]["NOT_IN"]) == stops
    assert set(named[0]["LOWER"]["NOT_IN"]) == stops | {"eyeing", "use", "uses"}
    assert {"march", "rs", "by", "build", "monday"} <= stops


def test_user_pattern_names_a_lexicon_and_a_user_word_reaches_it(tmp_path: Path) -> None:
    """A user pattern's IN list names a user lexicon; a user addition to a shipped lexicon reaches the shipped
    patterns that name it, whichever folder the lexicon comes from."""
    folder = _user_folder(tmp_path, "my_towns", ["brookfield", "elmstead"])
    (folder / "lexicon" / "stops.json").write_text(
        json.dumps({"name": "name_number_stops", "label": None, "entries": {"mine": ["phase"]}}), encoding="utf-8")
    (folder / "towns.jsonl").write_text(
        '{"label": "X_TOWN", "id": "town", "pattern": [{"LOWER": {"IN": [{"lexicon": "my_towns"}, "oakley"]}}]}\n',
        encoding="utf-8")
    patterns = load_pattern_set((folder,))
    town = next(p for p in patterns.patterns if p.label == "X_TOWN")
    assert town.pattern == [{"LOWER": {"IN": ["brookfield", "elmstead", "oakley"]}}]
    numbered = next(p.pattern for p in patterns.patterns if p.id == "numbered_names")
    assert isinstance(numbered, list) and "phase" in numbered[0]["LOWER"]["NOT_IN"]
    doc = plancli.Extractor(patterns=[folder]).nlp("Elmstead and Oakley will plant 4,000 trees by 2027.")
    assert {s.text for s in doc.spans["plancli"] if s.label_ == "X_TOWN"} == {"Elmstead", "Oakley"}


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ('{"lexicon": "name_number_stop"}',
         "NOT_IN names unknown lexicon 'name_number_stop'; did you mean 'name_number_stops'?"),
        ('[{"lexicon": "zzqx"}, "words"]', "NOT_IN names unknown lexicon 'zzqx'; add patterns/lexicon/"),
        ('{"lexicon": 5}', 'a lexicon reference is {"lexicon": "name"}'),
        ('{"lexicon": "months", "group": "may"}', 'a lexicon reference is {"lexicon": "name"}'),
        ('{"lexicon": "participles"}', "names lexicon 'participles'"),
    ],
)
def test_bad_lexicon_reference_names_file_and_line(tmp_path: Path, reference: str, message: str) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text('{"label": "X_OK", "id": "ok", "pattern": "moonbeams"}\n'
                    f'{{"label": "X_BAD", "id": "bad", "pattern": [{{"LOWER": {{"NOT_IN": {reference}}}}}]}}\n',
                    encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_pattern_set((tmp_path,))
    assert str(info.value).startswith(f"{path}:2: ")
    assert message in str(info.value)
