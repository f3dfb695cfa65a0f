"""Write ``plancli/normalize/cldr_currencies.json``: the currency table Babel's CLDR data gives for the
built-in word lists, so that runs need not load the locale data (``tests/test_numbers.py`` checks the file
against Babel). Run it after upgrading Babel or editing ``currency_word_codes``, ``currency_word_heads``
or ``currency_symbol_locales``.

usage: python scripts/gen_cldr_currencies.py
"""

from __future__ import annotations

import json

from plancli.normalize.currencies import SHIPPED_TABLE, table_data
from plancli.patterns import load_pattern_set


def main() -> None:
    data = table_data(load_pattern_set())
    SHIPPED_TABLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SHIPPED_TABLE}: {len(data['symbols'])} symbols, {len(data['names'])} names (Babel {data['babel']})")


if __name__ == "__main__":
    main()
