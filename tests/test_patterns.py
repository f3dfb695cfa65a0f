"""Pattern files: every pattern id has an example sentence, and bad files fail with file:line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import plancli
from plancli.normalize.dates import resolve_deadline
from plancli.patterns import (
    PatternError,
    default_patterns_dir,
    load_pattern_set,
    read_lexicon_file,
)

EXAMPLES = [json.loads(line) for line in (Path(__file__).parent / "data" / "pattern_examples.jsonl").open(encoding="utf-8")]
PUBLISHED = date(2024, 3, 1)


def test_every_pattern_id_has_an_example():
    patterns = load_pattern_set().patterns
    have = {(e["label"], e["id"]) for e in EXAMPLES}
    missing = sorted({(p.label, p.id) for p in patterns} - have)
    assert not missing, f"pattern ids without an example in tests/data/pattern_examples.jsonl: {missing}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['label']}:{e['id']}" for e in EXAMPLES])
def test_pattern_example_matches(nlp, example):
    doc = nlp(example["text"])
    found = [(s.label_, s.id_, s.text) for s in doc.spans["plancli"]]
    assert (example["label"], example["id"], example["match"]) in found, found
    if "end" in example:
        resolved = resolve_deadline(example["match"], PUBLISHED)
        assert resolved is not None and resolved[1].isoformat() == example["end"]


def test_every_unit_parses_in_pint():
    from plancli.normalize.units import unit_registry

    registry = unit_registry()  # pint's registry with the project's definitions (patterns/units.txt)
    for canonical in load_pattern_set().lexicon("units"):
        registry.parse_units(canonical)


def test_lexicon_aliases_become_phrase_patterns():
    ruler = load_pattern_set().ruler_patterns()
    assert {"label": "CURRENCY", "id": "CNY", "pattern": "RMB Yuan"} in ruler
    assert {"label": "SCALE", "id": "10000000", "pattern": "crore"} in ruler


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"lable": "NUMBER", "id": "x", "pattern": "x"}', "unknown key 'lable'"),
        ('{"label": "NUMBR", "id": "x", "pattern": "x"}', "unknown label 'NUMBR'"),
        ('{"label": "NUMBER", "pattern": "x"}', "missing key 'id'"),
        ('{"label": "NUMBER", "id": "x", "pattern": [{"LOWR": "x"}]}', "bad token pattern"),
        ('{"label": "NUMBER", "id": "x", "pattern": [{"TEXT": {"REGEX": "("}}]}', "bad REGEX"),
        ('{"label": "NUMBER", "id": "x", "pattern": 5}', "'pattern' must be"),
        ("not json", "not valid JSON"),
    ],
)
def test_bad_pattern_line_names_file_and_line(tmp_path, line, message):
    path = _write(tmp_path, "mine.jsonl", '{"label": "UNIT", "id": "ok", "pattern": "furlongs"}\n' + line + "\n")
    with pytest.raises(PatternError) as info:
        load_pattern_set((tmp_path,))
    assert str(info.value).startswith(f"{path}:2: ")
    assert message in str(info.value)


def test_duplicate_id_is_reported(tmp_path):
    _write(tmp_path, "dup.jsonl", '{"label": "DEADLINE", "id": "by_year", "pattern": "by then"}\n')
    with pytest.raises(PatternError, match="duplicate id 'by_year'"):
        load_pattern_set((tmp_path,))


def test_bad_lexicon_entry_names_its_line(tmp_path):
    path = _write(tmp_path, "lexicon/extra.json",
                  '{"name": "currencies", "label": "CURRENCY",\n "entries": {\n  "XTS": "not a list"\n }}\n')
    with pytest.raises(PatternError, match=rf"^{path}:3: entry 'XTS'"):
        read_lexicon_file(path)


def test_user_folder_adds_a_currency_and_a_unit(tmp_path):
    _write(tmp_path, "lexicon/currencies.json",
           '{"name": "currencies", "label": "CURRENCY", "entries": {"XTS": ["zorkmids", "ZM"]}}')
    _write(tmp_path, "lexicon/units.json",
           '{"name": "units", "label": "UNIT", "entries": {"furlong": ["furlongs"]}}')
    text = "The county will spend 4 billion zorkmids to pave 300 furlongs of road by 2027."
    assert not any(r.unit == "XTS" for r in plancli.extract(text))
    records = plancli.extract(text, patterns=[tmp_path])
    by_unit = {r.unit: r for r in records}
    assert by_unit["XTS"].value == 4e9 and by_unit["XTS"].status == "target"
    assert by_unit["furlong"].kind == "quantity"
    assert by_unit["XTS"].deadline is not None and by_unit["XTS"].deadline.end == "2027-12-31"


def test_missing_user_folder_is_an_error(tmp_path):
    with pytest.raises(PatternError, match="not a folder"):
        load_pattern_set((tmp_path / "nope",))


def test_builtin_folder_is_found():
    assert (default_patterns_dir() / "numbers.jsonl").is_file()
