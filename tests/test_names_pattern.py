"""names_pattern: whole names, longest first, never inside a word or after a dot."""

from __future__ import annotations

import re

import pytest

from plancli.normalize.periods import names_pattern

NAMES = ["Bangladesh", "Bangladeshi", "U.S.", "Fiji", "New Zealand", "Zealand"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bangladeshi taka rose", ["Bangladeshi"]),
    ("exports from Bangladesh.", ["Bangladesh"]),
    ("U.S. dollars, not U.S.A. ones", ["U.S."]),
    ("xFiji and .Fiji are no names; Fiji is", ["Fiji"]),
    ("New Zealand and Zealand", ["New Zealand", "Zealand"]),
    ("Fijian farmers", []),
    ("Fiji", ["Fiji"]),
])
def test_names_pattern_finds_whole_names(text: str, expected: list[str]) -> None:
    assert [m.group(0) for m in names_pattern(NAMES).finditer(text)] == expected


def test_names_pattern_matches_like_a_plain_alternation() -> None:
    body = "|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w.])(?:{body})(?!\w)")
    text = "The U.S. and Bangladesh; aBangladesh, .Fiji, Fiji's New Zealand-based NewZealand Zealander Zealand."
    assert [m.span() for m in names_pattern(NAMES).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_names_pattern_without_names_matches_nothing() -> None:
    assert names_pattern([]).search("Fiji") is None
