"""Numbers: surface strings to values, and counted nouns to their singular.

Pure functions, string in, value out; no spaCy. Values are computed with
:class:`decimal.Decimal` so they are exact to the digits written ("2.01
billion" is 2010000000, never 2009999999.9999998) and converted to float only
at the end, by :func:`to_float`. Numbers beyond :data:`MAX_VALUE` or not finite
are not quantities (None).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType


def load_numerals(path: Path | None = None) -> dict[str, dict[str, int]]:
    """The ``numerals`` lexicon: ``cardinals``, ``ordinals`` and ``fraction_denominators``, word -> value.

    Read from the built-in ``patterns/lexicon/numerals.json`` (or ``path``); a malformed table
    raises :class:`plancli.patterns.PatternError` naming the file.
    """
    from plancli.patterns import PatternError, default_patterns_dir, read_lexicon_file

    lexicon_path = path if path is not None else default_patterns_dir() / "lexicon" / "numerals.json"
    entries = read_lexicon_file(lexicon_path).entries
    tables: dict[str, dict[str, int]] = {}
    for table in ("cardinals", "ordinals", "fraction_denominators"):
        values = entries.get(table)
        if not isinstance(values, dict) or not all(isinstance(v, int) for v in values.values()):
            raise PatternError(f"{lexicon_path}:1: entry {table!r} must be an object of word -> whole number")
        tables[table] = {str(word): int(value) for word, value in values.items()}
    return tables


_NUMERALS = load_numerals()
#: Cardinal words: "twenty" -> 20, "a" -> 1.
CARDINALS: Mapping[str, int] = MappingProxyType(_NUMERALS["cardinals"])
#: Ordinal words: "fourteenth" -> 14 (plan numbers).
ORDINAL_WORDS: Mapping[str, int] = MappingProxyType(_NUMERALS["ordinals"])
_TENS = frozenset(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                "trillion": 1_000_000_000_000, "quadrillion": 1_000_000_000_000_000}
SPELLED_NUMBERS = frozenset(k for k in CARDINALS if k not in {"a", "an"})
#: Words that may continue a spelled-out number ("twelve thousand five hundred and six").
SPELLED_PARTS = SPELLED_NUMBERS | frozenset(("hundred", "thousand", "and"))

#: Denominators of fractions written in words: "a third", "two-thirds", "three quarters".
FRACTION_DENOMINATORS: Mapping[str, int] = MappingProxyType(_NUMERALS["fraction_denominators"])
#: Multiples written as one word.
MULTIPLE_WORDS = {"double": 2, "twice": 2, "doubled": 2, "triple": 3, "treble": 3, "thrice": 3, "tripled": 3,
                  "quadruple": 4, "quadrupled": 4}

#: The largest magnitude that is a quantity; anything larger is a code, an ID or noise.
MAX_VALUE = Decimal(10) ** 18

#: Characters that group digits or hide inside them: spaces of all widths and zero-width marks.
_GROUP_SPACES = "\u00a0\u2009\u202f\u2007\u200a "
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
#: Western grouping (1,000,000 or 1 000 000), Indian grouping (10,00,000) or none.
DIGITS_RE = re.compile(
    rf"^(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}|\d+)?(?:\.\d+)?$"
)
#: A number glued to a prefix or suffix in one token: "5bn", "1.5GW", "Rs.500", "$5", "KRW250.5", "NT$35".
GLUED_RE = re.compile(
    r"^(?P<prefix>[A-Z]{1,3}\$|[A-Z]{1,3}|Rs\.?|K[Ss]hs?|[TU]?Shs?|GH[¢₵]|Php|Rp|Dhs?|[^\w\s.,-]{1,2})?"
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)-?(?P<suffix>[A-Za-zµμ°˚℃][A-Za-zµμ0-9₂/]{0,9}[²³]?)?$"
)
_SPLIT_WORDS = re.compile(r"[\s\-]+")


def clean_number_text(text: str) -> str:
    """``text`` without invisible characters, with any run of spaces or line breaks as one space."""
    return " ".join(_INVISIBLE_RE.sub("", text).split())


def parse_decimal(text: str) -> Decimal | None:
    """The exact value of a number surface: ``"1,000"``, ``"40 000"``, ``"3.5"``, ``"TWENTY-FIVE"``,
    ``"twelve thousand five hundred"``, ``"a million"``.

    Returns None for anything that is not a number, or that is beyond :data:`MAX_VALUE`.
    """
    s = _INVISIBLE_RE.sub("", text).strip().lower()
    if not s:
        return None
    if DIGITS_RE.match(s) and any(c.isdigit() for c in s):
        return _bounded(re.sub(f"[,{_GROUP_SPACES}]", "", s))
    words = _SPLIT_WORDS.split(s)
    return _bounded_value(_fraction_of_scale(words) or _spelled(words))


def _fraction_of_scale(words: list[str]) -> Decimal | None:
    """A fraction of a scale word: "a quarter-million" -> 250000, "three-quarters of a billion" -> 7.5e8."""
    words = [w for w in words if w]
    if len(words) < 2 or words[-1] not in _MULTIPLIERS or words[-1] == "hundred":
        return None
    head = words[:-1]
    if head[-2:] in (["of", "a"], ["of", "an"]):
        head = head[:-2]
    if head[:1] in (["a"], ["an"], ["one"]):
        head = head[1:]
    if len(head) not in (1, 2) or head[-1] not in FRACTION_DENOMINATORS or head == ["half"]:
        return None  # "half million" is read by _spelled
    numerator = CARDINALS.get(head[0], 0) if len(head) == 2 else 1
    denominator = FRACTION_DENOMINATORS[head[-1]]
    if not 0 < numerator < denominator:
        return None
    return (Decimal(numerator * _MULTIPLIERS[words[-1]]) / denominator).to_integral_value()


def parse_number(text: str) -> float | None:
    """:func:`parse_decimal` as a float (exact to the digits written)."""
    value = parse_decimal(text)
    return None if value is None else to_float(value)


def to_float(value: Decimal) -> float:
    """A Decimal as the nearest float (integral values stay integral)."""
    return float(value)


def _bounded(digits: str) -> Decimal | None:
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return _bounded_value(value)


def _bounded_value(value: Decimal | None) -> Decimal | None:
    if value is None or not value.is_finite() or abs(value) > MAX_VALUE:
        return None
    return value


def _spelled(words: list[str]) -> Decimal | None:
    """A spelled-out number from its words; None when the words do not form one
    ("three four" and "three and four" are two numbers, not one)."""
    words = [w for w in words if w]
    half = Decimal(0)
    if words[:2] in (["half", "a"], ["half", "an"], ["a", "half"], ["one", "half"]):
        words, half = ["one", *words[2:]], Decimal("-0.5")  # "half a million" = 0.5 x million
    elif len(words) == 2 and words[0] == "half" and words[1] in ("million", "billion", "trillion"):
        words, half = ["one", words[1]], Decimal("-0.5")  # "half million" (a translation's "half a million")
    elif len(words) >= 3 and words[-3:] == ["and", "a", "half"] or words[-4:-1] == ["and", "a", "half"]:
        at = len(words) - 3 if words[-1] == "half" else len(words) - 4
        words, half = words[:at] + words[at + 3:], Decimal("0.5")  # "one and a half million"
    if not words:
        return None
    total = Decimal(0)
    current = Decimal(0)
    previous = ""
    seen = False
    for word in words:
        if word == "and":
            if previous not in ("hundred", "thousand", "million", "billion", "trillion"):
                return None
        elif word in CARDINALS:
            value = CARDINALS[word]
            if previous in CARDINALS and not (previous in _TENS and value < 10):
                return None  # "three four", "twenty thirty"
            if word in ("a", "an") and seen:
                return None
            current += value
            seen = True
        elif word in _MULTIPLIERS:
            multiplier = _MULTIPLIERS[word]
            if multiplier == 100:
                current = (current or Decimal(1)) * multiplier
            else:
                total += (current or Decimal(1)) * multiplier
                current = Decimal(0)
            seen = True
        elif DIGITS_RE.match(word) and any(c.isdigit() for c in word) and not seen:
            current += Decimal(word.replace(",", ""))
            seen = True
        else:
            return None
        previous = word
    if not seen:
        return None
    if half:
        if total:  # "one and a half million": the half belongs to the last multiplier
            last = next(_MULTIPLIERS[w] for w in reversed(words) if w in _MULTIPLIERS)
            return total + current + abs(half) * last if half > 0 else (total + current) / 2
        return current + half if half > 0 else current / 2
    return total + current


def parse_fraction(text: str) -> Decimal | None:
    """A fraction in words as a percentage: ``"two-thirds"`` -> 66.67, ``"a quarter"`` -> 25, ``"half"`` -> 50."""
    words = [w for w in _SPLIT_WORDS.split(clean_number_text(text).lower()) if w]
    if not words or words[-1] not in FRACTION_DENOMINATORS:
        return None
    denominator = FRACTION_DENOMINATORS[words[-1]]
    if len(words) == 1:
        numerator = 1 if words[0] in ("half", "quarter") else None
    elif len(words) == 2 and words[0] in CARDINALS and CARDINALS[words[0]] < 10:
        numerator = CARDINALS[words[0]]
    else:
        numerator = None
    if numerator is None or numerator >= denominator:
        return None
    return (Decimal(numerator * 100) / Decimal(denominator)).quantize(Decimal("0.01")).normalize()


def parse_multiple(text: str) -> Decimal | None:
    """A multiple: ``"16-fold"``, ``"six-fold"``, ``"sixfold"``, ``"double"``, ``"triple"``, ``"twice"``."""
    s = clean_number_text(text).lower()
    if s in MULTIPLE_WORDS:
        return Decimal(MULTIPLE_WORDS[s])
    match = re.fullmatch(r"(.+?)[\s\-]?fold", s)
    if match is None:
        return None
    return parse_decimal(match.group(1))


def split_glued(text: str) -> tuple[str | None, Decimal, str | None] | None:
    """Split a token such as ``"5bn"``, ``"Rs.500"``, ``"NT$35"`` or ``"1.5GW"`` into (prefix, value, suffix)."""
    match = GLUED_RE.match(_INVISIBLE_RE.sub("", text))
    if not match:
        return None
    value = _bounded(match.group("number").replace(",", ""))
    if value is None:
        return None
    return match.group("prefix"), value, match.group("suffix")


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


#: A decimal comma: one to three digits, a comma and one or two digits, no digit or grouping after ("95,9"),
#: standing as a word of prose: after a space or the start, before a word or a percent - never a citation or
#: list marker ("[3,4]", "items 3,4.").
_DECIMAL_COMMA_RE = re.compile(r"(?<![\[(\w.,])\d{1,3},\d{1,2}(?![\d]|[.,]\d)(?=\s*(?:%|[^\W\d_]))")
#: A percent right after a number ("95,9 percent", "4,5%"): a decimal comma written once is evidence before one.
_PERCENT_AFTER_RE = re.compile(r"\s?(?:%|percent\b|per cent\b|pc\b)")
#: A number written the continental way: dots group thousands, a comma opens the decimals ("179.549", "1.234,5").
_CONTINENTAL_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3},\d{1,2})$")


def decimal_comma_evidence(text: str) -> bool:
    """Whether ``text`` writes decimal commas ("95,9 percent"): a comma followed by exactly one or two digits, which
    no English grouping writes, twice or once before a percent. Such a text reads its dot-grouped numbers the
    same way."""
    found = _DECIMAL_COMMA_RE.finditer(text)
    first = next(found, None)
    if first is None:
        return False  # (a lone "22,00 participants" is a typo of a grouping, not a convention)
    return next(found, None) is not None or _PERCENT_AFTER_RE.match(text, first.end()) is not None


def parse_continental(text: str) -> Decimal | None:
    """The value of a number written with a decimal comma and dot grouping ("95,9" -> 95.9, "179.549" -> 179549,
    "1.234,5" -> 1234.5); None for any other surface (read those with :func:`parse_decimal`)."""
    s = _INVISIBLE_RE.sub("", text).strip()
    if not _CONTINENTAL_RE.match(s):
        return None
    return _bounded(s.replace(".", "").replace(",", "."))
