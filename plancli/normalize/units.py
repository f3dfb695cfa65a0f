"""Physical units from pint's registry: a short surface string after a number -> a unit spelling.

One registry is built per process (:func:`unit_registry`, cached) from pint's defaults
plus the project's definitions file ``patterns/units.txt`` (tonnes of CO2 and coal
equivalent, population equivalent, bits per second, ...). :func:`lookup_unit` is
asked only about the few words that follow a number, never about a whole text, and
answers from a per-process cache.

Pint knows many units whose names are also English words or single letters
("in", "at", "a", "turn", "point"); those are refused (the ``refused_units``
lexicon, see :class:`UnitVocabulary`), as are time units (a duration after a
number is handled by the lexicon) and dimensionless ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plancli.patterns import PatternSet

#: Units whose dimensions (temperature left out: warming limits are benchmarks, handled elsewhere) a measurement in a policy article has; other pint dimensions are noise here.
_USEFUL_REFERENCES = (
    "m", "m**2", "m**3", "kg", "kg/s", "kg/m**3", "m**3/s", "W", "J", "V", "A", "V*A", "m/s", "Pa", "Hz",
    "tCO2e", "tCO2e/year", "PE", "m**2/s", "W/m**2", "J/m**2",
)
_TIME = "[time]"
#: Lower-case unit symbols: an optional SI prefix and a short base ("kg", "km", "ml", "kwh", "lb", "mph").
_SHORT_SYMBOL = re.compile(r"(?:[kcmdhµμn])?(?:g|m|l|t|w|wh|j|v|a|ha|lb|lbs|oz|ft|mi|yd|gal|bbl|mph|kph|psi|toe|tce)")
_RARE_PREFIX = re.compile(r"^(quecto|ronto|yocto|zepto|atto|femto|peta|exa|zetta|yotta|ronna|quetta)")
_RARE_PREFIX_SYMBOLS = frozenset("qryzafPEZYRQ")  # the symbols pint's default_en.txt gives those prefixes
#: A gas named after a mass unit in an emission intensity: "g CO2/kWh", "gCO2e/km", "kg CO₂-eq/MWh".
_GAS_TAG = re.compile(r"(?<=[a-zA-Zµμ])\s*CO[2₂](?:-?e(?:q)?)?$")
_POWER_SUFFIX = re.compile(r"(?<=[A-Za-zµμ])([23²³])$")


@dataclass(frozen=True)
class UnitVocabulary:
    """The word lists :func:`lookup_unit` reads, from ``patterns/lexicon/`` (see each file's description)."""

    refused: frozenset[str]  # refused_units: pint units that are English words ("in", "point")
    stems: tuple[str, ...]  # unit_stems: pieces of unit names ("metre", "watt") that send a word to pint

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> UnitVocabulary:
        """The word lists of a loaded pattern set (a user's lexicon of the same name extends the built-in one)."""
        return cls(patterns.words("refused_units"), tuple(sorted(patterns.words("unit_stems"))))


@lru_cache(maxsize=1)
def default_unit_vocabulary() -> UnitVocabulary:
    """The built-in word lists, loaded once."""
    from plancli.patterns import load_pattern_set

    return UnitVocabulary.from_patterns(load_pattern_set())


def definitions_path() -> Path:
    """The project's pint definitions file (inside the installed package, or the checkout's)."""
    from plancli.patterns import default_patterns_dir

    return default_patterns_dir() / "units.txt"


@lru_cache(maxsize=1)
def unit_registry() -> Any:
    """Pint's registry with the project's definitions, built once per process."""
    import pint

    registry: Any = pint.UnitRegistry(on_redefinition="ignore", autoconvert_offset_to_baseunit=True)
    path = definitions_path()
    if path.is_file():
        load_definitions(registry, path)
    return registry


def load_definitions(registry: Any, path: Path) -> None:
    """Add the definitions in ``path`` (pint's syntax, one a line) to ``registry``.

    A line pint cannot read raises :class:`plancli.patterns.PatternError` as ``path:line: message``.
    """
    from plancli.patterns import PatternError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}:0: cannot read unit definitions: {exc}") from None
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        name = text.split("=", 1)[0].strip()
        try:
            registry.define(text)
            if not name.startswith("@"):
                registry.parse_units(name).dimensionality  # every unit it refers to must exist
        except Exception as exc:  # pint raises several error types for a bad definition
            raise PatternError(f"{path}:{number}: bad unit definition {text!r}: {exc}") from None


@lru_cache(maxsize=1)
def _useful_dimensions() -> frozenset[str]:
    registry = unit_registry()
    return frozenset(str(registry.parse_units(reference).dimensionality) for reference in _USEFUL_REFERENCES)


@lru_cache(maxsize=8192)
def lookup_unit(surface: str, vocab: UnitVocabulary | None = None) -> str | None:
    """The unit a short surface names, spelled as pint writes it, or None.

    Symbols keep their symbol ("MWh", "kV", "MtCO2e", "Mbps", "µg/m**3"); names give pint's
    name ("megawatts" -> "megawatt", "square kilometres" -> "square_kilometer").
    Compounds with "/" or "per" work part by part ("L/100 km", "kWh/m2", "MW/MWh").
    ``vocab`` defaults to the built-in word lists.
    """
    vocab = vocab or default_unit_vocabulary()
    text = " ".join(surface.split())
    if not text or len(text) > 40 or not _could_be_unit(text, vocab):
        return None
    for separator in ("/", " per "):
        if separator in text:
            numerator, _, denominator = text.partition(separator)
            bottom = _denominator(denominator.strip(), vocab)
            top = _numerator(numerator.strip(), vocab) if bottom else None
            return f"{top}/{bottom}" if top and bottom else None
    return _single_unit(text, vocab)


def _numerator(text: str, vocab: UnitVocabulary) -> str | None:
    """The top of a compound unit: any unit; a one-letter symbol too, since the denominator shows it is
    a unit ("g/km", "t/ha", "m/s"); an emission intensity's mass without its gas ("g CO2/kWh" -> "g")."""
    top = lookup_unit(text, vocab)
    if top is None and (bare := _GAS_TAG.sub("", text)) != text:
        top = _numerator(bare, vocab)
    if top is None and len(text) == 1 and text in "gtm":
        unit = _parse(text)
        top = f"{unit:~}" if unit is not None else None
    return top


def rate_unit(numerator: str, denominator: str) -> str:
    """A unit over a unit as pint writes it ("kg per hectare" -> "kilogram / hectare"), or the numerator alone
    when both measure the same dimension: "400 kg per ton of cement" is 400 kg (an intensity of kg in each tonne).
    A rate over time is written the way the trade writes it, the numerator's name over the time unit
    ("barrels per day" -> "barrel/day", "tonnes per year" -> "tonne/year"). Units pint lacks ("inhabitant") keep
    their names ("kg / inhabitant")."""
    top, bottom = _parse(numerator), _parse(denominator)
    if top is not None and bottom is not None:
        if top.dimensionality == bottom.dimensionality:
            return numerator
        return f"{numerator}/{denominator}" if str(bottom.dimensionality) == _TIME else str(top / bottom)
    return f"{numerator} / {denominator}"


def may_be_symbol(text: str) -> bool:
    """False when :func:`lookup_unit` surely reads no unit symbol in ``text`` ("CPC", "ZF"), decided without
    loading pint: a symbol is a word of the definition files after an optional prefix symbol that is
    not a rare prefix's (``lookup_unit`` refuses those units). True for anything not made of letters."""
    words = _definition_words()
    if words is None or not text.isalpha() or text in _SYMBOLS_KEPT:
        return True
    return any(text[cut:] in words and (cut == 0 or text[:cut] in words and text[:cut] not in _RARE_PREFIX_SYMBOLS)
               for cut in range(len(text)))


def _could_be_unit(text: str, vocab: UnitVocabulary) -> bool:
    """A cheap test before pint is asked (and loaded): symbols, short words and names with a unit stem.

    Ordinary counted nouns ("projects", "homes") never reach pint, so a text without units never loads it.
    """
    lower = text.lower()
    return (not re.fullmatch(r"[a-z\s-]+", text) or _SHORT_SYMBOL.fullmatch(text) is not None
            or any(stem in lower for stem in vocab.stems))


def _denominator(text: str, vocab: UnitVocabulary) -> str | None:
    """A denominator may carry a power of ten: "100 km" in "L/100 km" (never "20MW/40MWh")."""
    match = re.fullmatch(r"(10+)\s*(.+)", text)
    if re.match(r"\d", text) and match is None:
        return None
    if match:
        unit = _single_unit(match.group(2), vocab) or _time_unit(match.group(2))
        return f"{match.group(1)} {unit}" if unit else None
    return _single_unit(text, vocab) or _time_unit(text)


def _time_unit(text: str) -> str | None:
    """Time units are allowed as denominators ("tonnes per year", "Mbit/s")."""
    unit = _parse(text)
    if unit is None or str(unit.dimensionality) != _TIME:
        return None
    return f"{unit:~}".replace(" ", "") if _is_symbol(text, unit) else str(unit)


def _single_unit(text: str, vocab: UnitVocabulary) -> str | None:
    if text.lower() in vocab.refused or (len(text) < 2 and text != "L") or text.isdigit():
        return None
    is_name = " " in text or "-" in text or (text.islower() and len(text) >= 4 and text.isalpha())
    unit = _parse(re.sub(r"[\s-]+", "_", text) if is_name else text)
    if unit is None and is_name:
        unit = _parse(_name_variant(text))  # "sq miles", "cubic metres", "tonnes of oil equivalent"
    if unit is None or str(unit.dimensionality) not in _useful_dimensions():
        return None
    if _RARE_PREFIX.match(str(unit)) or str(unit).endswith(_NEVER_PREFIXED):
        return None  # "EV" is an electric vehicle, not an exavolt; "Gu", "Mu" are names, not giga-daltons
    if is_name:
        return f"{unit:~}".replace(" ", "") if "**" in str(unit) else str(unit)
    if not _is_symbol(text, unit):
        return None
    return f"{unit:~}".replace(" ", "")


_NAME_WORDS = {"sq": "square", "sq.": "square", "cu": "cubic", "cu.": "cubic", "metre": "meter", "metres": "meters",
               "litre": "liter", "litres": "liters", "tonnes": "tonne", "tons": "ton"}


def _name_variant(text: str) -> str:
    """A unit name pint knows: British spellings, "sq"/"cu" spelled out, every word singular."""
    words = [_NAME_WORDS.get(word, word).replace("metre", "meter").replace("litre", "liter")
             for word in re.split(r"[\s-]+", text.lower())]
    words = [w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3 else w for w in words]
    if len(words) > 1 and words[0] in ("square", "cubic"):
        return "_".join(words[1:]) + ("**2" if words[0] == "square" else "**3")  # pint: "kilometer**2"
    return "_".join(words)


def _is_symbol(text: str, unit: Any) -> bool:
    """``text`` is written exactly as the unit's symbol (case matters: "MW" yes, "mw" no)."""
    symbol = f"{unit:~}".replace(" ", "")
    written = _POWER_SUFFIX.sub(lambda m: "**" + {"²": "2", "³": "3"}.get(m.group(1), m.group(1)), text)
    return symbol == written or symbol == written.replace("μ", "µ") or text in _SYMBOLS_KEPT


#: Units that news never writes with a prefix symbol, so a prefixed reading is a name ("Gu Kun", "Mu"): pint
#: reads "Gu" as a giga unified atomic mass unit.
_NEVER_PREFIXED = ("unified_atomic_mass_unit",)

_SYMBOLS_KEPT = frozenset({"L", "Mbps", "Gbps", "kbps"})  # read as written, whatever pint's symbol


def _parse(text: str) -> Any:
    text = _POWER_SUFFIX.sub(lambda m: "**" + {"²": "2", "³": "3"}.get(m.group(1), m.group(1)), text)
    if not re.fullmatch(r"[A-Za-zµμ_°Ω][A-Za-z0-9µμ_°Ω*]*", text):
        return None
    if _PLAIN_NAME.fullmatch(text) and not _could_be_pint_name(text):
        return None  # "projects_into_operation": no registry built for it (pint takes half a second to load)
    import pint

    try:
        return unit_registry().parse_units(text)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError, KeyError):
        return None


_PLAIN_NAME = re.compile(r"[A-Za-z_]+")


def _could_be_pint_name(text: str) -> bool:
    """Whether pint could read ``text`` (letters and underscores only) as a unit, without building the registry.

    Pint reads such a name as a prefix (or none), a defined unit and an optional plural "s";
    here prefix and unit need only be words of the definition files, so the answer is
    True for everything pint knows (and for some things it does not).
    """
    words = _definition_words()
    if words is None:
        return True
    for stem in (text, text[:-1]) if text.endswith("s") else (text,):
        for cut in range(len(stem)):
            prefix, name = stem[:cut], stem[cut:]
            if (not prefix or prefix in words) and (
                    name in words or name.startswith("delta_") and name[len("delta_"):] in words):
                return True
    return False


@lru_cache(maxsize=1)
def _definition_words() -> frozenset[str] | None:
    """Every word of pint's definition files and of ``patterns/units.txt`` (None if pint's files are not found)."""
    import importlib.util

    spec = importlib.util.find_spec("pint")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    files = sorted(Path(spec.origin).parent.rglob("*.txt"))
    if not any(path.name.startswith("default_") for path in files):
        return None
    project = definitions_path()
    words: set[str] = {"dimensionless"}
    for path in [*files, project] if project.is_file() else files:
        words.update(re.findall(r"\w+", path.read_text(encoding="utf-8")))
    return frozenset(words)
