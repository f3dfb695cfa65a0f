"""Numbers: surface strings to values, and counted nouns to their singular.

Pure functions, string in, value out; no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "half": 0.5,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                "trillion": 1_000_000_000_000}
SPELLED_NUMBERS = frozenset(k for k in _UNITS if k not in {"a", "an", "half"})

#: Western grouping (1,000,000), Indian grouping (10,00,000) or none.
DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?(?:\.\d+)?$")
#: A number glued to a suffix in one token: "5bn", "1.5GW", "Rs.500", "$5".
GLUED_RE = re.compile(
    r"^(?P<prefix>Rs\.?|₹|\$|€|£|¥)?(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)-?(?P<suffix>[A-Za-zµ]{0,4}[²³]?)$"
)


def parse_number(text: str) -> float | None:
    """The value of a number surface: ``"1,000"`` -> 1000, ``"3.5"``, ``"twenty-five"``, ``"a million"``.

    Returns None for anything that is not a number.
    """
    s = text.strip().lower().replace("\u00a0", " ")
    if not s:
        return None
    if DIGITS_RE.match(s) and any(c.isdigit() for c in s):
        return float(s.replace(",", ""))
    words = [w for w in re.split(r"[\s\-]+", s) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _MULTIPLIERS:
            current = (current or 1) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1000:
                total += current
                current = 0
            seen = True
        elif DIGITS_RE.match(word) and any(c.isdigit() for c in word):
            current += float(word.replace(",", ""))
            seen = True
        else:
            return None
    return total + current if seen else None


def split_glued(text: str) -> tuple[str | None, float, str] | None:
    """Split a token such as ``"5bn"``, ``"Rs.500"`` or ``"1.5GW"`` into (prefix, value, suffix)."""
    match = GLUED_RE.match(text)
    if not match:
        return None
    return match.group("prefix"), float(match.group("number").replace(",", "")), match.group("suffix")


def singular(noun: str, irregular: Mapping[str, str]) -> str:
    """The singular of an English counted noun: ``projects`` -> ``project``, ``people`` -> ``person``.

    Only the last word of a phrase changes: ``high-tech enterprises`` -> ``high-tech enterprise``.
    """
    head, sep, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in irregular:
        single = irregular[lower]
    elif lower.endswith("ies") and len(lower) > 4:
        single = last[:-3] + "y"
    elif lower.endswith(("ches", "shes", "sses", "xes", "zzes")):
        single = last[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        single = last[:-1]
    else:
        single = last
    return f"{head}{sep}{single}"


def past_participle(verb: str, irregular: Mapping[str, str]) -> str:
    """``sign`` -> ``signed``, ``put`` -> ``put`` (from ``irregular``), ``create`` -> ``created``."""
    lower = verb.lower()
    if lower in irregular:
        return irregular[lower]
    if lower.endswith("ed"):
        return lower
    if lower.endswith("e"):
        return lower + "d"
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return lower[:-1] + "ied"
    return lower + "ed"
