"""Shortcuts taken for speed give what the plain way gives.

* the cheap unit-symbol check (:func:`~plancli.normalize.units.may_be_symbol`) never refuses a symbol
  :func:`~plancli.normalize.units.lookup_unit` reads, so the actor may skip pint on the acronyms it refuses;
* the whole-text name regexes, written to open with a character class or literal, match where the plain forms do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancli.normalize.units import _useful_dimensions, lookup_unit, may_be_symbol, unit_registry

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_every_symbol_lookup_unit_reads_passes_the_check() -> None:
    registry = unit_registry()
    useful = _useful_dimensions()
    symbols = set()
    for name in registry._units:
        try:
            unit = registry.parse_units(name)
        except Exception:  # pint raises several error types for names it lists but cannot parse alone
            continue
        if str(unit.dimensionality) in useful:
            symbols.add(registry.get_symbol(name))
    prefixes = {""} | {registry._prefixes[name].symbol or "" for name in registry._prefixes}
    read = [prefix + symbol for prefix in prefixes for symbol in symbols
            if (prefix + symbol).isalpha() and lookup_unit(prefix + symbol) is not None]
    assert len(read) > 100
    assert [text for text in read if not may_be_symbol(text)] == []


@pytest.mark.parametrize(("text", "maybe"), [
    ("GW", True), ("MWh", True), ("kWh", True), ("Mbps", True), ("U.S.", True),
    ("CPC", False), ("RMB", False), ("NeuViz", False), ("ZF", False), ("PW", False), ("BMW", False),
])
def test_check_on_acronyms_of_the_genre(text: str, maybe: bool) -> None:
    assert may_be_symbol(text) is maybe
    if not maybe:
        assert lookup_unit(text) is None


# --- whole-text scans: the fast-scan forms of the name regexes find what the \b forms find -----------------

_SCAN_TEXTS = [
    "Minister Li said in Beijing that Binhai District, Ghana and the UAE will act.",
    "xin Mexico begin Ab (in Mexico) in  Ab in Cd, Ef Gh. Ij;Kl mn Op",
    "Ääb Cd éCd _Ab 9Ab Ab.Cd Ab. Cd Mr. Tan Yang Lin, Deputy Director of the Bank",
    "the Ministry of Health and Welfare in Dar es Salaam; in Texas, in texas, In Ohio",
    "a Bb Cc Dd, e  Ff\tGg h\t Ii; Jj 4 Kk Ll",
]


@pytest.mark.parametrize(("fast", "plain"), [
    (r"[A-Z](?<!\w[A-Z])[a-z]+\.?(?: [A-Z][a-z]+\.?)*", r"\b[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)*"),
    (r"in (?<!\win )([A-Z][a-z]+)\b", r"\bin ([A-Z][a-z]+)\b"),
    (r"[A-Z](?<=[a-z0-9,;] [A-Z])[a-z]+\b", r"(?<=[a-z0-9,;] )[A-Z][a-z]+\b"),
    (r"[ \t](?<=[a-z0-9,;][ \t])[ \t]*([A-Z][A-Za-z]+)\b(?![ \t]+[A-Z])",
     r"[a-z0-9,;][ \t]+([A-Z][A-Za-z]+)\b(?![ \t]+[A-Z])"),
])
def test_fast_scan_regexes_find_what_the_plain_ones_find(fast: str, plain: str) -> None:
    texts = [*_SCAN_TEXTS, *(path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt")))]
    for text in texts:
        assert re.findall(fast, text) == re.findall(plain, text)


def test_the_rooms_use_the_fast_scan_forms() -> None:
    from plancli.statements import actor, annotate

    assert actor._CAPITALIZED_RUN.pattern.startswith("[A-Z](?<!")
    assert actor._AFTER_IN.pattern.startswith("in (?<!")
    assert annotate._MID_SENTENCE_NAME.pattern.startswith("[A-Z](?<=")
    assert actor._MID_SENTENCE_NAME.pattern.startswith("[ \\t](?<=")
