"""The record plancli produces: one quantitative statement found in a text.

This module imports nothing heavy; writers, the schema and the CLI use it
without loading spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["target", "actual"]
Kind = Literal["share", "growth", "amount", "count", "quantity", "rank"]
Comparator = Literal["=", ">", ">=", "<", "<=", "~"]
Direction = Literal["up", "down"]

STATUSES: tuple[str, ...] = ("target", "actual")
KINDS: tuple[str, ...] = ("share", "growth", "amount", "count", "quantity", "rank")
COMPARATORS: tuple[str, ...] = ("=", ">", ">=", "<", "<=", "~")
DIRECTIONS: tuple[str, ...] = ("up", "down")

#: Field names of a record, in output order (JSON keys and CSV columns before flattening).
FIELDS: tuple[str, ...] = (
    "doc",
    "published",
    "status",
    "kind",
    "value",
    "value_max",
    "unit",
    "comparator",
    "direction",
    "deadline",
    "metric",
    "base",
    "baseline",
    "actor",
    "equivalent",
    "text",
    "start",
    "end",
    "sentence",
    "evidence",
)


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a target is due: the phrase and the period it names (ISO dates)."""

    text: str
    start: str | None
    end: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Equivalent:
    """A gloss of the same amount in another currency: "($1.48 billion)"."""

    value: float
    unit: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": _plain_number(self.value), "unit": self.unit, "text": self.text}


@dataclass(frozen=True, slots=True)
class Baseline:
    """The stated base a change is measured from: "from 1990 levels" (year), "up from 14.8 GW" (value)."""

    text: str
    year: int | None = None
    value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "year": self.year,
                "value": None if self.value is None else _plain_number(self.value)}


@dataclass(frozen=True, slots=True)
class Cue:
    """The words behind one decision: the rule that fired and its surface (null when no words decided)."""

    rule: str
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text, "start": self.start, "end": self.end}


#: Where a deadline came from: its own clause or sentence, carried from an earlier sentence,
#: a goals heading or lead-in, the document, or the publication date.
DEADLINE_SOURCES: tuple[str, ...] = ("clause", "sentence", "carried", "heading", "document", "publication")


@dataclass(frozen=True, slots=True)
class DeadlineSource:
    """Where a record's deadline was stated: ``source`` is one of :data:`DEADLINE_SOURCES`."""

    source: str
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a record is what it is: the status cue and the deadline's origin."""

    status: Cue
    deadline: DeadlineSource | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status.to_dict(),
                "deadline": None if self.deadline is None else self.deadline.to_dict()}


@dataclass(frozen=True, slots=True)
class Target:
    """One quantitative statement: a target (goal) or an actual (reported) figure.

    ``start``/``end`` are character offsets into the decoded text, so
    ``source[start:end] == text`` always holds.
    """

    status: Status
    kind: Kind
    value: float
    unit: str
    comparator: Comparator
    text: str
    start: int
    end: int
    sentence: str
    value_max: float | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None
    metric: str | None = None
    base: str | None = None
    baseline: Baseline | None = None
    actor: str | None = None
    equivalent: Equivalent | None = None
    doc: str | None = None
    published: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data, keys in :data:`FIELDS` order."""
        return {
            "doc": self.doc,
            "published": self.published,
            "status": self.status,
            "kind": self.kind,
            "value": _plain_number(self.value),
            "value_max": None if self.value_max is None else _plain_number(self.value_max),
            "unit": self.unit,
            "comparator": self.comparator,
            "direction": self.direction,
            "deadline": None if self.deadline is None else self.deadline.to_dict(),
            "metric": self.metric,
            "base": self.base,
            "baseline": None if self.baseline is None else self.baseline.to_dict(),
            "actor": self.actor,
            "equivalent": None if self.equivalent is None else self.equivalent.to_dict(),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "evidence": None if self.evidence is None else self.evidence.to_dict(),
        }


def _plain_number(value: float) -> int | float:
    """Whole numbers as int (``120`` not ``120.0``), others as float."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class Document:
    """One input text with its name and publication date (ISO) if known.

    ``source`` becomes the record's ``doc`` field; ``published`` overrides the
    date found in the text's header lines.
    """

    text: str
    source: str | None = None
    published: str | None = None
