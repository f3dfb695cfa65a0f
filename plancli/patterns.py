"""Finding, loading and validating pattern and lexicon files.

Two kinds of data file make up a pattern folder:

``*.jsonl``
    spaCy span-ruler patterns, one JSON object a line:
    ``{"label": "DEADLINE", "id": "by_year", "pattern": [...]}``. A string
    pattern is a phrase, a list is a token pattern (spaCy's Matcher syntax).

``lexicon/*.json``
    vocabularies keyed by canonical name:
    ``{"name": "currencies", "label": "CURRENCY", "entries": {"CNY": ["yuan", ...]}}``.
    A lexicon with a ``label`` becomes phrase patterns (one per alias, its id
    the canonical key); one without a label is plain data for the normalizers
    (plan periods, irregular plurals, ...).

A token pattern's ``IN`` or ``NOT_IN`` list may name a word-list lexicon instead of
repeating its words: ``{"LOWER": {"NOT_IN": {"lexicon": "name_number_stops"}}}``, or
``[{"lexicon": "name_number_stops"}, "use"]`` for that lexicon's words and more. The
reference is replaced by the lexicon's words (user folders' additions included) on load;
an unknown name is a ``file:line`` error.

Every file is validated on load; a problem raises :class:`PatternError` whose
message starts with ``path:line:``. A user's folder is loaded after the
built-in one and adds to it; a user lexicon with the same name merges its
entries into the built-in one.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from plancli.cuerules import CUE_LABEL, CueRule, CueRuleError, read_cue_rule_file

#: Labels the plancli components read. A pattern with another label is an error
#: (almost always a typo), unless its label starts with ``X_`` (user extensions).
LABELS: frozenset[str] = frozenset(
    {
        "NUMBER",  # a number surface: digits, spelled-out words, digits with a suffix
        "SCALE",  # thousand, million, billion, crore ...
        "CURRENCY",  # yuan, $, USD, rupees ...
        "PERCENT",  # percent, %, percentage points
        "UNIT",  # physical units: km2, tonnes, GW ...
        "COUNT_NOUN",  # irregular counted nouns (people -> person)
        "COMPARATOR",  # more than, at least, about ... (before the number)
        "COMPARATOR_AFTER",  # or more, and above ... (after the quantity)
        "DEADLINE",  # by 2025, within this year, during the 14th Five-Year Plan ...
        "DEADLINE_CARRY",  # by then, during the same period: the previous deadline
        "BASELINE",  # from 1990 levels, compared with 2018: a base year, never a deadline
        "NOT_DEADLINE",  # to begin construction in 2017: a start or event date, never a deadline
        "TARGET_CUE",  # will, strive to, aims to, goal ...
        "ACTUAL_CUE",  # stood at, amounted to, last year ...
        "GOALS_LEADIN",  # "the main goals are:" -- targets follow
        "GROWTH_CUE",  # increase, growth, year-on-year ...
        "SHARE_CUE",  # account for, proportion, share, rate ...
        "DIRECTION_UP",  # increase, raise, rise ...
        "DIRECTION_DOWN",  # reduce, cut, lower ...
        "PREDICATE",  # verbs linking a metric to its value: reach, be, stand at ...
        "RANK",  # top 20, No. 1
        "NOT_QUANTITY",  # 5G, names with numbers, 3+2, copyright lines ...
        "CONTEXT_CUE",  # phrases of cue rules (context/*.jsonl); the match id is the rule id
    }
)

#: Largest pattern or lexicon file read (a pattern file is hand-written data, not a corpus).
MAX_PATTERN_FILE_BYTES = 5_000_000

PATTERN_KEYS = ("label", "id", "pattern")
#: The token-pattern operators whose list may name a lexicon (``{"lexicon": "name"}``).
LIST_OPERATORS = ("IN", "NOT_IN")
LEXICON_KEYS = ("name", "label", "description", "entries")


class PatternError(ValueError):
    """A pattern or lexicon file is malformed; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class Pattern:
    """One span-ruler pattern and where it came from."""

    label: str
    id: str
    pattern: str | list[dict[str, Any]]
    origin: str  # "path:line"

    def to_ruler(self) -> dict[str, Any]:
        return {"label": self.label, "id": self.id, "pattern": self.pattern}


@dataclass(frozen=True)
class Lexicon:
    """A vocabulary: canonical key -> aliases (or other data)."""

    name: str
    label: str | None
    entries: Mapping[str, Any]
    origin: str


@dataclass(frozen=True)
class PatternSet:
    """Everything loaded from the built-in folder plus any user folders."""

    patterns: tuple[Pattern, ...]
    lexicons: Mapping[str, Lexicon]
    folders: tuple[Path, ...] = field(default=())
    cue_rules: tuple[CueRule, ...] = field(default=())  # context/*.jsonl, see plancli.cuerules

    def lexicon(self, name: str) -> Mapping[str, Any]:
        """The entries of lexicon ``name`` (empty when there is none)."""
        lex = self.lexicons.get(name)
        return lex.entries if lex is not None else {}

    def words(self, name: str) -> frozenset[str]:
        """All words of word-list lexicon ``name`` (the union of its entries' lists); missing is an error."""
        lex = self.lexicons.get(name)
        if lex is None:
            raise PatternError(f"patterns/lexicon/{name}.json: missing lexicon {name!r}; reinstall plancli")
        return frozenset(w for words in lex.entries.values() for w in words)

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """All patterns for spaCy's span ruler: the files' and the labelled lexicons' aliases."""
        out = [p.to_ruler() for p in self.patterns]
        for lex in self.lexicons.values():
            if lex.label is None:
                continue
            for key, aliases in lex.entries.items():
                for alias in aliases:
                    out.append({"label": lex.label, "id": key, "pattern": alias})
        out.extend({"label": CUE_LABEL, "id": r.id, "pattern": p} for r in self.cue_rules for p in r.ruler_patterns())
        return out


def default_patterns_dir() -> Path:
    """The built-in ``patterns/`` folder: inside the installed package, or the checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise PatternError(f"{here / 'patterns'}: built-in pattern folder not found; reinstall plancli")


@lru_cache(maxsize=8)
def load_pattern_set(extra: tuple[Path, ...] = ()) -> PatternSet:
    """Load and validate the built-in patterns plus user folders ``extra`` (cached)."""
    folders = (default_patterns_dir(), *extra)
    patterns: list[Pattern] = []
    lexicons: dict[str, Lexicon] = {}
    seen_ids: dict[tuple[str, str], str] = {}
    cue_rules: dict[str, CueRule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise PatternError(f"{folder}: not a folder of patterns")
        for path in sorted((folder / "lexicon").glob("*.json")):
            lex = read_lexicon_file(path)
            if lex.name in lexicons:
                old = lexicons[lex.name]
                if lex.label != old.label:
                    raise PatternError(f"{lex.origin}: lexicon {lex.name!r} has label {lex.label!r}, "
                                       f"but {old.origin} gives it {old.label!r}")
                lexicons[lex.name] = Lexicon(lex.name, lex.label, _merge(old.entries, lex.entries), old.origin)
            else:
                lexicons[lex.name] = lex
    for folder in folders:  # after every folder's lexicons: a pattern may name one (``{"lexicon": ...}``)
        for path in sorted(folder.glob("*.jsonl")):
            for pattern in read_pattern_file(path, lexicons):
                key = (pattern.label, pattern.id)
                if key in seen_ids:
                    raise PatternError(
                        f"{pattern.origin}: duplicate id {pattern.id!r} for label {pattern.label!r}"
                        f" (first at {seen_ids[key]})"
                    )
                seen_ids[key] = pattern.origin
                patterns.append(pattern)
        for path in sorted((folder / "context").glob("*.jsonl")):
            try:
                for rule in read_cue_rule_file(path, LABELS):
                    if rule.id in cue_rules:
                        raise PatternError(f"{rule.origin}: duplicate cue rule id {rule.id!r}"
                                           f" (first at {cue_rules[rule.id].origin})")
                    cue_rules[rule.id] = rule
            except CueRuleError as exc:
                raise PatternError(str(exc)) from None
    return PatternSet(tuple(patterns), lexicons, folders, tuple(cue_rules.values()))


def _merge(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(old)
    for key, value in new.items():
        if isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = [*merged[key], *(v for v in value if v not in merged[key])]
        else:
            merged[key] = value
    return merged


def read_pattern_file(path: Path, lexicons: Mapping[str, Lexicon] | None = None) -> list[Pattern]:
    """Parse and validate one JSONL pattern file; ``lexicons``: those an ``IN``/``NOT_IN`` list may name."""
    from spacy.schemas import validate_token_pattern

    out: list[Pattern] = []
    for where, obj in json_objects(path, PATTERN_KEYS):
        _check_keys(obj, PATTERN_KEYS, required=PATTERN_KEYS, where=where)
        label, pid, pattern = obj["label"], obj["id"], obj["pattern"]
        _check_label(label, where)
        if not isinstance(pid, str) or not pid:
            raise PatternError(f"{where}: 'id' must be a non-empty string")
        if isinstance(pattern, str):
            if not pattern.strip():
                raise PatternError(f"{where}: empty phrase pattern")
        elif isinstance(pattern, list) and pattern:
            pattern = _with_lexicon_words(pattern, lexicons or {}, where)
            errors = validate_token_pattern(pattern)
            if errors:
                raise PatternError(f"{where}: bad token pattern: {'; '.join(str(e) for e in errors)}")
            _check_regexes(pattern, where)
        else:
            raise PatternError(f"{where}: 'pattern' must be a phrase string or a non-empty list of token dicts")
        out.append(Pattern(label, pid, pattern, where))
    return out


def _with_lexicon_words(pattern: list[Any], lexicons: Mapping[str, Lexicon], where: str) -> list[Any]:
    """The token pattern with each ``{"lexicon": name}`` of an ``IN``/``NOT_IN`` list replaced by the words of
    that lexicon (``{"NOT_IN": {"lexicon": "name_number_stops"}}``, ``{"IN": [{"lexicon": "x"}, "more"]}``)."""
    out: list[Any] = []
    for token in pattern:
        if isinstance(token, dict):
            token = {attr: {op: _list_words(op, arg, lexicons, where) if op in LIST_OPERATORS else arg
                            for op, arg in value.items()} if isinstance(value, dict) else value
                     for attr, value in token.items()}
        out.append(token)
    return out


def _list_words(op: str, argument: Any, lexicons: Mapping[str, Lexicon], where: str) -> Any:
    """An ``IN``/``NOT_IN`` argument with its lexicon references expanded (unchanged when it has none)."""
    items = [argument] if isinstance(argument, dict) else argument
    if not isinstance(items, list) or not any(isinstance(item, dict) for item in items):
        return argument
    words: list[Any] = []
    for item in items:
        if not isinstance(item, dict):
            words.append(item)
            continue
        name = item.get("lexicon")
        if set(item) != {"lexicon"} or not isinstance(name, str):
            raise PatternError(f"{where}: {op} holds {json.dumps(item)}; a lexicon reference is "
                               '{"lexicon": "name"}')
        lex = lexicons.get(name)
        if lex is None:
            close = difflib.get_close_matches(name, list(lexicons), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; add patterns/lexicon/<name>.json to your folder"
            raise PatternError(f"{where}: {op} names unknown lexicon {name!r}{hint}")
        if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in lex.entries.values()):
            raise PatternError(f"{where}: {op} names lexicon {name!r} ({lex.origin}), which is not a word list")
        words.extend(w for ws in lex.entries.values() for w in ws)
    return words


def read_lexicon_file(path: Path) -> Lexicon:
    """Parse and validate one lexicon JSON file."""
    text = "\n".join(_read_lines(path))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PatternError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    where = f"{path}:1"
    if not isinstance(obj, dict):
        raise PatternError(f"{where}: expected a JSON object with keys {', '.join(LEXICON_KEYS)}")
    _check_keys(obj, LEXICON_KEYS, required=("name", "entries"), where=where)
    name, label, entries = obj["name"], obj.get("label"), obj["entries"]
    if not isinstance(name, str) or not name:
        raise PatternError(f"{where}: 'name' must be a non-empty string")
    if label is not None:
        _check_label(label, where)
    if not isinstance(entries, dict):
        raise PatternError(f"{where}: 'entries' must be an object of canonical name -> value")
    if label is not None:
        for key, aliases in entries.items():
            line = _line_of(text, json.dumps(key))
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise PatternError(f"{path}:{line}: entry {key!r} must be a list of non-empty alias strings")
    return Lexicon(name, label, entries, where)


def json_objects(path: Path, keys: Sequence[str], error: type[Exception] = PatternError,
                 kind: str = "pattern") -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` for each line of a JSONL file that is not blank or a ``//`` comment.

    ``where`` is ``file:line``; a line that is not a JSON object raises ``error`` naming it.
    """
    for lineno, line in enumerate(_read_lines(path, kind), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise error(f"{where}: expected a JSON object with keys {', '.join(keys)}")
        yield where, obj


def _read_lines(path: Path, kind: str = "pattern") -> list[str]:
    try:
        size = path.stat().st_size
        if size > MAX_PATTERN_FILE_BYTES:
            raise PatternError(
                f"{path}:0: {kind} file of {size:,} bytes is over the {MAX_PATTERN_FILE_BYTES:,}-byte limit; "
                "split it or use a lexicon"
            )
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}:0: cannot read {kind} file: {exc}") from None


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _check_keys(obj: Mapping[str, Any], allowed: Sequence[str], *, required: Iterable[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            raise PatternError(f"{where}: unknown key {key!r}; expected one of {', '.join(allowed)}")
    for key in required:
        if key not in obj:
            raise PatternError(f"{where}: missing key {key!r}")


def _check_label(label: Any, where: str) -> None:
    if not isinstance(label, str) or not (label in LABELS or label.startswith("X_")):
        raise PatternError(
            f"{where}: unknown label {label!r}; expected one of {', '.join(sorted(LABELS))} (or X_* for your own)"
        )


def _check_regexes(pattern: list[dict[str, Any]], where: str) -> None:
    for token in pattern:
        for value in token.values():
            if isinstance(value, dict) and "REGEX" in value:
                try:
                    re.compile(value["REGEX"])
                except re.error as exc:
                    raise PatternError(f"{where}: bad REGEX {value['REGEX']!r}: {exc}") from None
                problem = catastrophic_regex(value["REGEX"])
                if problem:
                    raise PatternError(
                        f"{where}: REGEX {value['REGEX']!r} can take exponential time ({problem}); "
                        "rewrite it without a repeated group that itself repeats"
                    )


def catastrophic_regex(regex: str) -> str | None:
    """Why ``regex`` can backtrack exponentially, or None.

    spaCy runs REGEX predicates with Python's backtracking ``re`` on every
    token, so a pattern such as ``(a+)+``, ``(a*)*``, ``(\\w+\\s?)*`` or
    ``(a|a)*`` could hang a run on one long token. Refused: a group repeated
    without bound that contains another unbounded repeat, or alternatives that
    start the same way.
    """
    import re._constants as constants  # type: ignore[import-not-found]
    import re._parser as parser  # type: ignore[import-not-found]

    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT}
    repeats |= {op for op in (getattr(constants, "POSSESSIVE_REPEAT", None),) if op is not None}

    def unbounded(args: Any) -> bool:
        return bool(args[1] == constants.MAXREPEAT or args[1] > 10)

    def walk(items: Any, inside_repeat: bool) -> str | None:
        for op, args in items:
            if op in repeats:
                if unbounded(args):
                    if inside_repeat:
                        return "a repeated group contains another repeat"
                    found = walk(args[2], True)
                else:
                    found = walk(args[2], inside_repeat)
            elif op == constants.SUBPATTERN:
                found = walk(args[-1], inside_repeat)
            elif op == constants.BRANCH:
                branches = args[1]
                if inside_repeat:
                    firsts = [tuple(branch.data[:1]) for branch in branches]
                    if len(set(map(repr, firsts))) < len(firsts):
                        return "alternatives inside a repeat start the same way"
                found = next((f for f in (walk(branch, inside_repeat) for branch in branches) if f), None)
            elif op in (constants.ASSERT, constants.ASSERT_NOT):
                found = walk(args[1], inside_repeat)
            else:
                found = None
            if found:
                return found
        return None

    try:
        return walk(parser.parse(regex), False)
    except Exception:  # an unusual construct: leave the decision to re.compile, which already passed
        return None
