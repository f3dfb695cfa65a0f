"""The record JSON Schema: well-formed, in step with records.py, and true of real output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from plancli.cli import app
from plancli.records import (
    COMPARATORS,
    FIELDS,
    KINDS,
    STATUSES,
    Deadline,
    Equivalent,
    Target,
)
from plancli.schema import record_schema

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def hand_made() -> list[Target]:
    return [
        Target("target", "amount", 1e12, "CNY", ">", "exceed 1 trillion yuan", 10, 32, "It will exceed 1 trillion yuan.",
               deadline=Deadline("by 2025", None, "2025-12-31"), metric="investment", actor="the province",
               equivalent=Equivalent(1.48e11, "USD", "($148 billion)"), doc="a.txt", published="2021-03-12"),
        Target("target", "share", 48, "%", "=", "48 percent", 0, 10, "48 percent by 2025.", direction="up",
               deadline=Deadline("2021-2025", "2021-01-01", "2025-12-31")),
        Target("actual", "growth", -2.5, "%", "~", "about -2.5 percent", 3, 21, "s", value_max=-1.0, direction="down",
               base="2020", doc="-"),
        Target("target", "rank", 1, "", "<=", "top", 0, 3, "top"),
    ]


def test_schema_is_draft_2020_12(validator: Draft202012Validator) -> None:
    assert record_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_follows_records_module() -> None:
    schema = record_schema()
    assert tuple(schema["properties"]) == FIELDS
    assert schema["required"] == list(FIELDS)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["status"]["enum"] == list(STATUSES)
    assert schema["properties"]["kind"]["enum"] == list(KINDS)
    assert schema["properties"]["comparator"]["enum"] == list(COMPARATORS)
    assert schema["properties"]["direction"]["enum"] == ["up", "down", None]


def test_hand_made_records_validate(validator: Draft202012Validator) -> None:
    for target in hand_made():
        validator.validate(target.to_dict())


@pytest.mark.parametrize(
    "change",
    [
        {"status": "goal"},
        {"kind": "ratio"},
        {"comparator": "=>"},
        {"direction": "sideways"},
        {"value": "1 trillion"},
        {"start": -1},
        {"end": 1.5},
        {"published": "12 March 2021"},
        {"deadline": {"text": "by 2025", "start": None}},
        {"deadline": {"text": "by 2025", "start": None, "end": "2025"}},
        {"equivalent": {"value": 1, "unit": "USD", "text": "$1", "rate": 7}},
        {"extra": 1},
    ],
)
def test_bad_records_are_rejected(validator: Draft202012Validator, change: dict[str, Any]) -> None:
    data = hand_made()[0].to_dict()
    data.update(change)
    assert not validator.is_valid(data)


def test_missing_key_is_rejected(validator: Draft202012Validator) -> None:
    data = hand_made()[0].to_dict()
    del data["sentence"]
    assert not validator.is_valid(data)


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()


def test_cli_output_on_samples_validates(validator: Draft202012Validator, tmp_path: Path) -> None:
    # Every record the samples give must fit the schema.
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, tmp_path / sample.name)
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 30  # the samples hold over 30 quantitative statements
    for line in lines:
        validator.validate(json.loads(line))
