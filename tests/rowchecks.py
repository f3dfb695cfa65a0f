"""Checks shared by the table-driven rule tests: one record per row, then its deadline or status."""

from __future__ import annotations

import json
from typing import Any

import plancli


def one_record(text: str, published: str | None, find: str) -> dict[str, Any]:
    """The one record whose text contains ``find`` (as a dict)."""
    records = [r.to_dict() for r in plancli.extract(text, published=published)]
    hits = [r for r in records if find in r["text"]]
    assert len(hits) == 1, f"{len(hits)} records contain {find!r}: {[r['text'] for r in records]}"
    return hits[0]


def check_deadline_row(text: str, published: str | None, find: str, expected: dict[str, Any]) -> None:
    """``expected`` holds ``deadline`` (end year or None) and optionally ``from`` and ``status``."""
    record = one_record(text, published, find)
    deadline = record["deadline"]
    got = None if deadline is None else int(deadline["end"][:4])
    problems = []
    if got != expected["deadline"]:
        problems.append(f"deadline: expected {expected['deadline']}, got {deadline}")
    if "from" in expected and (record["evidence"]["deadline"] or {}).get("from") != expected["from"]:
        problems.append(f"from: expected {expected['from']}, got {record['evidence']['deadline']}")
    if "status" in expected and record["status"] != expected["status"]:
        problems.append(f"status: expected {expected['status']}, got {record['status']}")
    assert not problems, "\n".join(problems) + "\n" + json.dumps(record, indent=1, ensure_ascii=False)


def check_status_row(text: str, published: str | None, find: str, status: str, rule: str | None) -> None:
    """The record containing ``find`` has ``status``, decided by cue ``rule`` when one is named."""
    found = [r for r in plancli.extract(text, published=published) if find in r.text]
    assert len(found) == 1, [r.to_dict() for r in plancli.extract(text, published=published)]
    record = found[0]
    assert record.evidence is not None
    assert record.status == status, record.evidence.to_dict()
    if rule is not None:
        assert record.evidence.status.rule == rule, record.evidence.to_dict()


def check_metric_row(rule: str, text: str, published: str | None, find: str, wanted: list[str],
                     unwanted: list[str]) -> None:
    """The record containing ``find`` has a metric with every word of ``wanted`` and none of ``unwanted``."""
    metric = (one_record(text, published, find)["metric"] or "").lower()
    for word in wanted:
        assert word.lower() in metric, f"{rule}: {word!r} not in metric {metric!r}"
    for word in unwanted:
        assert word.lower() not in metric, f"{rule}: {word!r} in metric {metric!r}"
