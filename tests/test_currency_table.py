"""The shipped currency table (``plancli/normalize/cldr_currencies.json``) is exactly what Babel gives.

A run reads the shipped file instead of Babel's locale data; it falls back to Babel when the file was built
with another Babel or other word lists. Regenerate it with ``python scripts/gen_cldr_currencies.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import babel
import pytest

from plancli.normalize import currencies
from plancli.normalize.currencies import SHIPPED_TABLE, babel_currencies, cldr_currencies, table_data
from plancli.patterns import load_pattern_set


def test_shipped_table_equals_babels_output() -> None:
    shipped = json.loads(SHIPPED_TABLE.read_text(encoding="utf-8"))
    if shipped["babel"] != babel.__version__:
        pytest.skip(f"the table was built with Babel {shipped['babel']} (runs read Babel {babel.__version__} "
                    "directly); regenerate it with scripts/gen_cldr_currencies.py")
    assert shipped == table_data(load_pattern_set())  # same entries, same order


def test_built_in_lists_read_the_shipped_table() -> None:
    patterns = load_pattern_set()
    inputs = (patterns.words("currency_word_codes"), patterns.words("currency_word_heads"),
              tuple(sorted(patterns.words("currency_symbol_locales"))))
    table = cldr_currencies(patterns)
    from_babel = babel_currencies(*inputs)
    assert list(table.symbols.items()) == list(from_babel.symbols.items())
    assert list(table.names.items()) == list(from_babel.names.items())


def test_other_word_lists_or_babel_fall_back_to_babel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = load_pattern_set()
    codes, heads = patterns.words("currency_word_codes"), patterns.words("currency_word_heads")
    locales = tuple(sorted(patterns.words("currency_symbol_locales")))
    fewer_heads = heads - {"dinar"}  # "dinar" now names a currency on its own, if only one territory uses it
    assert currencies._shipped_table(codes, fewer_heads, locales) is None
    assert currencies._shipped_table(codes, heads, locales) is not None
    stale = json.loads(SHIPPED_TABLE.read_text(encoding="utf-8"))
    stale["babel"] = "0.0"
    old_file = tmp_path / "cldr_currencies.json"
    old_file.write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(currencies, "SHIPPED_TABLE", old_file)
    assert currencies._shipped_table(codes, heads, locales) is None
    monkeypatch.setattr(currencies, "SHIPPED_TABLE", tmp_path / "missing.json")
    assert currencies._shipped_table(codes, heads, locales) is None
