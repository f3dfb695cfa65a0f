"""Currencies from CLDR (through Babel): surface -> ISO 4217 code.

:func:`cldr_currencies` builds, once per process, every ISO 4217 code Babel knows
with its English display names (singular and plural, "South Korean won", "Kenyan
shillings", the country-name forms "Kenya shilling" and a currency's own word
such as "naira") and the symbols of the English locale plus a few territories'
own locales ("NT$", "HK$", "₩", "₹", "R$", "RM", "Rp"). A symbol several
currencies share ("$", "¥", "kr") is left out: the project lexicon says what it
means, and :meth:`LocalCurrencies.local_currency` resolves it, or a word such as
"Rs" or "pesos", by the article's country. Pure functions, no spaCy.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancli.normalize.periods import names_pattern

if TYPE_CHECKING:
    from plancli.patterns import PatternSet

#: Symbols several countries write for their own currency: the lexicon and the article decide.
_SHARED_SYMBOLS = frozenset({"$", "¥", "￥", "kr", "Fr", "R", "L", "K"})
#: Symbols that are letters but still safe before a number.
_LETTER_SYMBOLS = frozenset({"RM", "Rp", "Rs", "Tk", "Ksh", "KSh"})


@dataclass(frozen=True)
class CurrencyNames:
    """Case-sensitive symbols and codes (before a number) and lower-case names (after it) -> ISO code."""

    symbols: Mapping[str, str]
    names: Mapping[str, str]

    def code_for_symbol(self, surface: str) -> str | None:
        """A symbol or ISO code written before (or glued to) a number: "NT$", "KRW", "₩"."""
        return self.symbols.get(surface.strip())

    def code_for_name(self, surface: str) -> str | None:
        """A currency name written after a number: "Kenyan shillings", "won", "KRW"."""
        text = " ".join(surface.split())
        return self.names.get(text.lower()) or (self.symbols.get(text) if text.isupper() else None)


def cldr_currencies(patterns: PatternSet | None = None) -> CurrencyNames:
    """Every ISO 4217 currency with CLDR's English names and symbols (built once per word lists).

    The word lists come from ``patterns`` (by default the built-in folder): ``currency_word_codes``
    and ``currency_word_heads`` (codes and names that are English words: left to the lexicon) and
    ``currency_symbol_locales`` (locales whose own symbol English news uses).
    """
    if patterns is None:
        from plancli.patterns import load_pattern_set

        patterns = load_pattern_set()
    return _cldr_currencies(patterns.words("currency_word_codes"), patterns.words("currency_word_heads"),
                            tuple(sorted(patterns.words("currency_symbol_locales"))))


#: The table :func:`babel_currencies` builds for the built-in word lists, shipped so that a run need not load
#: Babel's locale data; written by ``scripts/gen_cldr_currencies.py`` and checked against Babel by the tests.
SHIPPED_TABLE = Path(__file__).with_name("cldr_currencies.json")


@lru_cache(maxsize=4)
def _cldr_currencies(word_codes: frozenset[str], word_heads: frozenset[str],
                     symbol_locales: tuple[str, ...]) -> CurrencyNames:
    shipped = _shipped_table(word_codes, word_heads, symbol_locales)
    return shipped if shipped is not None else babel_currencies(word_codes, word_heads, symbol_locales)


def _shipped_table(word_codes: frozenset[str], word_heads: frozenset[str],
                   symbol_locales: tuple[str, ...]) -> CurrencyNames | None:
    """The shipped table, when it was built from these word lists with the Babel installed now."""
    import babel

    try:
        data = json.loads(SHIPPED_TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("babel") != babel.__version__ or data.get("inputs") != table_inputs(word_codes, word_heads,
                                                                                      symbol_locales):
        return None
    return CurrencyNames(data["symbols"], data["names"])


def table_inputs(word_codes: Iterable[str], word_heads: Iterable[str],
                 symbol_locales: Iterable[str]) -> dict[str, list[str]]:
    """The word lists a table is built from, as the shipped file records them."""
    return {"currency_word_codes": sorted(word_codes), "currency_word_heads": sorted(word_heads),
            "currency_symbol_locales": sorted(symbol_locales)}


def table_data(patterns: PatternSet) -> dict[str, Any]:
    """What ``scripts/gen_cldr_currencies.py`` writes to :data:`SHIPPED_TABLE`: Babel's table for the word
    lists of ``patterns``, with those lists and Babel's version."""
    import babel

    inputs = (patterns.words("currency_word_codes"), patterns.words("currency_word_heads"),
              tuple(sorted(patterns.words("currency_symbol_locales"))))
    table = babel_currencies(*inputs)
    return {"babel": babel.__version__, "inputs": table_inputs(*inputs), "symbols": dict(table.symbols),
            "names": dict(table.names)}


def babel_currencies(word_codes: frozenset[str], word_heads: frozenset[str],
                     symbol_locales: tuple[str, ...]) -> CurrencyNames:
    """The table, read from Babel's CLDR data (a few tenths of a second)."""
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

    english = Locale.parse("en")
    names: dict[str, str] = {}
    symbol_codes: dict[str, set[str]] = {}
    for code in sorted(list_currencies()):
        if code.startswith("X") and code not in {"XOF", "XAF", "XCD", "XPF"}:
            continue  # gold, test and fund codes
        if code not in word_codes:
            symbol_codes.setdefault(code, set()).add(code)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=english)
            if name and name != code and not name.startswith("("):
                names.setdefault(name.lower(), code)
    for territory, territory_name in english.territories.items():
        if not isinstance(territory, str) or not territory.isalpha() or len(territory) != 2:
            continue
        current = get_territory_currencies(territory)
        if len(current) != 1:
            continue
        code = current[0]
        for count in (1, 2):
            head = get_currency_name(code, count=count, locale=english).split()[-1].lower()
            names.setdefault(f"{territory_name.lower()} {head}", code)  # "Kenya shilling"
    heads: dict[str, set[str]] = {}
    for territory in english.territories:
        if isinstance(territory, str) and territory.isalpha() and len(territory) == 2:
            for code in get_territory_currencies(territory):
                for count in (1, 2):
                    heads.setdefault(get_currency_name(code, count=count, locale=english).split()[-1].lower(),
                                     set()).add(code)
    for head, codes in heads.items():
        if len(codes) == 1 and head not in word_heads:
            names.setdefault(head, next(iter(codes)))  # "naira", "ringgit", "zloty": one currency's own word
    for code, symbol in english.currency_symbols.items():
        if symbol and symbol != code and not symbol.isalpha():
            symbol_codes.setdefault(symbol, set()).add(code)
    for identifier in symbol_locales:
        locale = Locale.parse(identifier)
        for code in get_territory_currencies(str(locale.territory)):
            symbol = locale.currency_symbols.get(code, "")
            if symbol and symbol != code and (not symbol.isalpha() or symbol in _LETTER_SYMBOLS):
                symbol_codes.setdefault(symbol, set()).add(code)
    symbols = {symbol: next(iter(codes)) for symbol, codes in symbol_codes.items()
               if len(codes) == 1 and symbol not in _SHARED_SYMBOLS}
    return CurrencyNames(symbols, names)


def merged_currencies(lexicon: Mapping[str, Iterable[str]], base: CurrencyNames | None = None) -> CurrencyNames:
    """CLDR's table (``base``, by default the built-in one) with the lexicon's aliases on top (the lexicon wins)."""
    base = base or cldr_currencies()
    symbols = dict(base.symbols)
    names = dict(base.names)
    for code, aliases in lexicon.items():
        for alias in aliases:
            if alias[:1].isalpha() and alias[:1].islower() or " " in alias:
                names[alias.lower()] = code
            else:
                symbols[alias] = code
                names.setdefault(alias.lower(), code) if alias.isalpha() and len(alias) > 3 else None
    return CurrencyNames(symbols, names)


#: The ``mentions`` key that counts a local government's words, and how many make an article local.
LOCAL = "(local)"
LOCAL_WORDS = 2

#: Mentions a dateline is worth: alone it meets :meth:`LocalCurrencies.local_currency`'s threshold.
DATELINE_WEIGHT = 3


@dataclass(frozen=True)
class LocalCurrencies:
    """Which currency a shared word ("$", "Rs", "pesos") means, decided by the names an article mentions."""

    pattern: re.Pattern[str]
    currency_of: Mapping[str, str]
    #: A place name in capitals opening a line before a comma, colon or bracket: a dateline ("KATHMANDU, May 16:").
    dateline: re.Pattern[str] = re.compile("(?!)")
    #: Words of a local government's own document ("Council", "ratepayers").
    local: re.Pattern[str] = re.compile("(?!)")

    def mentions(self, text: str) -> Counter[str]:
        """How often ``text`` names each currency's country (read once per document). A dateline counts as
        :data:`DATELINE_WEIGHT` mentions: the place the story is filed from is its country. So does a name in the
        headline (see :func:`_headline`): a story headlined with a province is that province's story, unless its
        dateline names another country."""
        counts = Counter(self.currency_of[m.group(0)] for m in self.pattern.finditer(text))
        filed_from: set[str] = set()
        for m in self.dateline.finditer(text):
            code = self.currency_of.get(m.group(1)) or next(
                (c for name, c in self.currency_of.items() if name.upper() == m.group(1)), None)
            if code is not None:
                counts[code] += DATELINE_WEIGHT
                filed_from.add(code)
        for m in self.pattern.finditer(_headline(text)):
            code = self.currency_of[m.group(0)]
            if not filed_from or code in filed_from:  # a dateline elsewhere outweighs the headline
                counts[code] += DATELINE_WEIGHT - 1
        local = sum(1 for _ in zip(self.local.finditer(text), range(LOCAL_WORDS)))
        if local >= LOCAL_WORDS:
            counts[LOCAL] = local
            for m in self.pattern.finditer(text):  # "every council in New Zealand": the council's own country
                if _SCOPE.search(text, max(0, m.start() - 12), m.start()) \
                        and self.local.search(text, max(0, m.start() - LOCAL_SCOPE_REACH), m.start()):
                    counts[LOCAL + self.currency_of[m.group(0)]] = 1
            for code in filed_from:
                counts[LOCAL + code] = 1
        return counts

    def local_currency(self, text: str | Counter[str], default: str = "USD",
                       family: frozenset[str] | None = None) -> str | None:
        """The local currency among ``family``, or None (``default``) when no country clearly dominates.

        ``text`` is the article, or its :meth:`mentions`. ``family`` is the currencies that share the
        word (see :func:`currency_families`; every currency with listed names when None). A currency
        wins with at least 3 mentions of its names, twice as many as any other country's and more than
        twice the default currency's; in a local government's document (``local_government_words``) one
        mention does, when it is the only country of the family named and the default's is not, and is the
        dateline or a council's scope ("every council in New Zealand"): "steel imported from Canada" is no council's.
        """
        counts = self.mentions(text) if isinstance(text, str) else text
        local = counts.get(LOCAL, 0) >= LOCAL_WORDS
        scoped = {code[len(LOCAL):] for code in counts if code.startswith(LOCAL) and code != LOCAL}
        if family is not None:
            counts = Counter({code: n for code, n in counts.items() if code in family})
        ranked = sorted(((n, code) for code, n in counts.items() if code != default and not code.startswith(LOCAL)),
                        reverse=True)
        if not ranked:
            return None
        best_count, best = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        if best_count >= 3 and best_count >= 2 * runner_up and best_count > 2 * counts.get(default, 0):
            return best
        if local and len(ranked) == 1 and not counts.get(default, 0) and best in scoped:
            return best  # a council's plan that names its country once ("Every council in New Zealand ...")
        return None


#: How many characters before a country's name a word of local government must stand to make it the scope.
LOCAL_SCOPE_REACH = 40
#: "in" or "across" (and "the") right before a country's name: the scope a local government's plan names.
_SCOPE = re.compile(r"\b(?:in|across)\s+(?:the\s+)?$")


#: The longest first line read as a headline (in words): a longer one is the body's first paragraph.
HEADLINE_WORDS = 25


def _headline(text: str) -> str:
    """The article's first non-blank line when it reads as a headline, else "": short enough, more text after
    it, and set apart by a blank line or not closed by a full stop (a one-line text or a lead sentence is none)."""
    lines = text.splitlines()
    i = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    if i + 1 >= len(lines) or not any(line.strip() for line in lines[i + 1:]):
        return ""
    first = lines[i].strip()
    apart = not lines[i + 1].strip() or not first.endswith(".")
    return first if apart and len(first.split()) <= HEADLINE_WORDS else ""


def dollar_countries(lexicon: Mapping[str, Iterable[str]], local_words: Iterable[str] = ()) -> LocalCurrencies:
    """Compile the ``dollar_countries`` lexicon (currency -> names) into one case-sensitive pattern;
    ``local_words`` are the ``local_government_words`` (see :meth:`LocalCurrencies.local_currency`)."""
    currency_of: dict[str, str] = {}
    for code, names in lexicon.items():
        for name in names:
            currency_of.setdefault(name, code)
    upper = "|".join(re.escape(name.upper()) for name in sorted(currency_of, key=len, reverse=True)
                     if len(name) > 3 and not name.isupper()) or "(?!)"
    dateline = re.compile(rf"(?m)^[ \t]*({upper})(?=[ \t]*[,:(—–])")
    words = sorted(set(local_words), key=len, reverse=True)
    local = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b") if words else re.compile("(?!)")
    return LocalCurrencies(names_pattern(currency_of), currency_of, dateline, local)


def shared_words(lexicon: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """The ``shared_currency_words`` lexicon as lower-case surface -> family head word ("rs." -> "rupee")."""
    return {surface.lower(): family.lower() for family, surfaces in lexicon.items() for surface in surfaces}


def currency_families(table: CurrencyNames, heads: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each head word's currencies: every ISO code with an English CLDR name ending in it (or its plural),
    "rupee" -> INR, PKR, LKR, NPR, MUR, SCR. ``table`` is :func:`cldr_currencies`'s."""
    wanted = {head.lower() for head in heads}
    families: dict[str, set[str]] = {head: set() for head in wanted}
    for name, code in table.names.items():
        last = name.split()[-1] if " " in name else ""
        for head in (last, last[:-1] if last.endswith("s") else None):
            if head in wanted:
                families[head].add(code)
    return {head: frozenset(codes) for head, codes in families.items()}
