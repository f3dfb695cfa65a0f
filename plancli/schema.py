"""The JSON Schema (draft 2020-12) of one output record, built from :mod:`plancli.records`."""

from __future__ import annotations

from typing import Any

from plancli.records import COMPARATORS, DEADLINE_SOURCES, DIRECTIONS, FIELDS, KINDS, STATUSES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# "format" is only an annotation for most validators; the pattern is what enforces it.
_DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def record_schema() -> dict[str, Any]:
    """A fresh JSON Schema for one record as written by ``Target.to_dict()`` (every key present)."""
    properties: dict[str, Any] = {
        "doc": {"type": ["string", "null"], "description": "Input name: path relative to the folder given, or '-'."},
        "published": {**_nullable({"$ref": "#/$defs/date"}), "description": "Publication date of the article."},
        "status": {"enum": list(STATUSES), "description": "A goal ('target') or a reported figure ('actual')."},
        "kind": {"enum": list(KINDS)},
        "value": {"type": "number", "description": "The amount in base units (10 billion yuan -> 10000000000)."},
        "value_max": {"type": ["number", "null"], "description": "Upper end of a range, else null."},
        "unit": {"type": "string"},
        "comparator": {"enum": list(COMPARATORS)},
        "direction": {"enum": [*DIRECTIONS, None]},
        "deadline": _nullable({"$ref": "#/$defs/deadline"}),
        "metric": {"type": ["string", "null"]},
        "base": {"type": ["string", "null"]},
        "baseline": {**_nullable({"$ref": "#/$defs/baseline"}),
                     "description": "The stated base a change is measured from ('from 1990 levels', 'up from 14.8 GW')."},
        "actor": {"type": ["string", "null"]},
        "equivalent": _nullable({"$ref": "#/$defs/equivalent"}),
        "text": {"type": "string", "description": "The matched text; equals the source text [start:end]."},
        "start": {"type": "integer", "minimum": 0, "description": "Character offset in the decoded text."},
        "end": {"type": "integer", "minimum": 0, "description": "Character offset (exclusive)."},
        "sentence": {"type": "string"},
        "evidence": {**_nullable({"$ref": "#/$defs/evidence"}),
                     "description": "Why: the status cue (rule and words) and where the deadline was stated."},
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "plancli record",
        "description": "One quantitative statement (target or actual) found in a development-plan article.",
        "type": "object",
        "properties": properties,
        "required": list(FIELDS),
        "additionalProperties": False,
        "$defs": {
            "date": _DATE,
            "deadline": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "start": _nullable({"$ref": "#/$defs/date"}),
                    "end": {"$ref": "#/$defs/date"},
                },
                "required": ["text", "start", "end"],
                "additionalProperties": False,
            },
            "baseline": {
                "type": "object",
                "properties": {
                    "text": {"type": "string", "description": "The base as stated: 'from 1990 levels'."},
                    "year": {"type": ["integer", "null"], "description": "The base year, if one is stated."},
                    "value": {"type": ["number", "null"], "description": "The base value (in the record's unit)."},
                },
                "required": ["text", "year", "value"],
                "additionalProperties": False,
            },
            "evidence": {
                "type": "object",
                "properties": {
                    "status": {"$ref": "#/$defs/cue"},
                    "deadline": _nullable({"$ref": "#/$defs/deadline_source"}),
                },
                "required": ["status", "deadline"],
                "additionalProperties": False,
            },
            "cue": {
                "type": "object",
                "properties": {
                    "rule": {"type": "string", "description": "Id of the cue rule (or built-in rule) that decided."},
                    "text": {"type": ["string", "null"], "description": "The cue's words; null for a default."},
                    "start": {"type": ["integer", "null"], "minimum": 0},
                    "end": {"type": ["integer", "null"], "minimum": 0},
                },
                "required": ["rule", "text", "start", "end"],
                "additionalProperties": False,
            },
            "deadline_source": {
                "type": "object",
                "properties": {
                    "from": {"enum": list(DEADLINE_SOURCES)},
                    "text": {"type": ["string", "null"], "description": "The deadline phrase as stated."},
                    "start": {"type": ["integer", "null"], "minimum": 0},
                    "end": {"type": ["integer", "null"], "minimum": 0},
                },
                "required": ["from", "text", "start", "end"],
                "additionalProperties": False,
            },
            "equivalent": {
                "type": "object",
                "properties": {
                    "value": {"type": "number"},
                    "unit": {"type": "string"},
                    "text": {"type": "string"},
                },
                "required": ["value", "unit", "text"],
                "additionalProperties": False,
            },
        },
    }
