"""The cheap unit-symbol check (:func:`~plancli.normalize.units.may_be_symbol`) never refuses a symbol
:func:`~plancli.normalize.units.lookup_unit` reads, so the actor may skip pint on the acronyms it refuses."""

from __future__ import annotations

import pytest

from plancli.normalize.units import _useful_dimensions, lookup_unit, may_be_symbol, unit_registry


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
