"""Vocabularies are data: no word list of more than ten words in plancli/ (issue 7, item 2).

Word lists that serve a rule live in ``patterns/lexicon/*.json``, each with a name and a
one-line description of its role; a user's ``--patterns`` folder extends them. The scan
below reads every module's syntax tree and fails on a set, list, tuple or dict literal of
more than ten words, or a string of more than ten words split into a list.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import plancli
from plancli.normalize.layout import LayoutVocabulary, analysis_text, default_layout_vocabulary
from plancli.normalize.units import UnitVocabulary, default_unit_vocabulary, lookup_unit
from plancli.patterns import PatternError, PatternSet, default_patterns_dir, load_pattern_set

PACKAGE = Path(plancli.__file__).parent
MAX_WORDS = 10

#: Modules the scan skips, with the reason.
SKIPPED_MODULES = {
    "evaluate.py": "mirrors the referee script (eval/score.py) line for line; it must not read plancli's lexicons",
    "scoring.py": "the referee's rules, split out of evaluate.py; it must not read plancli's lexicons",
}

#: Names whose literal may hold more than ten words: closed classes, where a data file would be silly,
#: and lists of names that are not vocabularies at all.
CLOSED_CLASS = {
    "DETERMINERS": "determiners: a closed class of English",
    "PRONOUNS": "pronouns: a closed class of English",
    "PREPOSITIONS": "prepositions: a closed class of English",
    "_MONTH_BY_PREFIX": "month names: a closed class (the calendar)",
    "__all__": "the module's public names, not a vocabulary",
    "FIELDS": "the record's field names (the output schema), not words a rule reads",
}

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.\- ]*")


def _is_word(node: ast.AST | None) -> bool:
    """A string constant that reads as a word or phrase (labels and codes in capitals are names, not words)."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)
            and _WORD_RE.fullmatch(node.value) is not None and not node.value.isupper())


def _allowed_nodes(tree: ast.AST) -> set[int]:
    """Every node inside the value of an assignment to a closed-class name."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id in CLOSED_CLASS for t in targets):
            allowed.update(id(n) for n in ast.walk(value))
    return allowed


def long_word_lists(source: str) -> list[tuple[int, int]]:
    """``(line, words)`` of every literal or split string of more than ten words in ``source``."""
    tree = ast.parse(source)
    allowed = _allowed_nodes(tree)
    found: list[tuple[int, int]] = []
    for node in ast.walk(tree):
        if id(node) in allowed:
            continue
        words = 0
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            words = sum(_is_word(e) for e in node.elts)
        elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
            words = sum(_is_word(k) for k in node.keys)  # a table word -> value ("twenty": 20)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            words = len(node.func.value.value.split())
        if words > MAX_WORDS:
            found.append((getattr(node, "lineno", 0), words))
    return found


@pytest.mark.parametrize(
    "source, count",
    [
        ("X = {'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from'}", 1),
        ("X = frozenset('a an the of to in on at by for from'.split())", 1),
        ("X = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8,"
         " 'nine': 9, 'ten': 10, 'eleven': 11}", 1),
        ("X = ('a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for')", 0),  # ten is fine
        ("LABELS = ('NUMBER', 'SCALE', 'UNIT', 'RANK', 'PERCENT', 'CURRENCY', 'DEADLINE', 'COMPARATOR',"
         " 'PREDICATE', 'TARGET_CUE', 'ACTUAL_CUE')", 0),  # names in capitals are labels, not words
        ("DETERMINERS = frozenset({'the', 'a', 'an', 'its', 'their', 'this', 'these', 'those', 'our', 'his', 'her'})",
         0),
    ],
)
def test_scanner_finds_word_lists(source: str, count: int) -> None:
    assert len(long_word_lists(source)) == count


def test_no_long_word_lists_in_plancli() -> None:
    """Every word list of more than ten words is a lexicon file, not Python code."""
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in SKIPPED_MODULES:
            continue
        for line, words in long_word_lists(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: a list of {words} words; move it to "
                            "patterns/lexicon/ (a JSON file with a name and a one-line description)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["chart_label_verbs", "line_end_function_words", "abbreviations",
                                  "hyphen_number_words", "suffix_fragments", "bracket_number_words",
                                  "frequency_after", "not_fraction_before", "fraction_followers",
                                  "multiple_linkers", "bare_rate_followers", "compound_heads", "refused_units", "unit_stems", "currency_word_codes",
                                  "currency_word_heads", "currency_symbol_locales"])
def test_moved_lexicons_are_described_word_lists(name: str) -> None:
    path = default_patterns_dir() / "lexicon" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == name and data["description"].strip() and "\n" not in data["description"]
    assert load_pattern_set().words(name), f"{path}: no words"


def test_missing_word_list_names_its_file() -> None:
    empty = PatternSet(patterns=(), lexicons={})
    with pytest.raises(PatternError, match=r"patterns/lexicon/\w+\.json: missing lexicon"):
        LayoutVocabulary.from_patterns(empty)


def _user_lexicon(tmp_path: Path, name: str, words: list[str]) -> Path:
    folder = tmp_path / "mine"
    (folder / "lexicon").mkdir(parents=True)
    (folder / "lexicon" / f"{name}.json").write_text(
        json.dumps({"name": name, "description": "My words.", "entries": {"words": words}}), encoding="utf-8")
    return folder


def test_user_abbreviation_joins_a_wrapped_line(tmp_path: Path) -> None:
    text = "The ministry will build 40 km of roads in Prov.\n12 new bridges are planned too."
    assert "Prov.\n12" in analysis_text(text)[0]  # an unknown abbreviation ends the sentence
    folder = _user_lexicon(tmp_path, "abbreviations", ["prov"])
    vocab = LayoutVocabulary.from_patterns(load_pattern_set((folder,)))
    assert vocab.abbreviations > default_layout_vocabulary().abbreviations
    assert "Prov. 12" in analysis_text(text, vocab)[0]


def test_user_refused_unit(tmp_path: Path) -> None:
    assert lookup_unit("acres") == "acre"
    folder = _user_lexicon(tmp_path, "refused_units", ["acres"])
    vocab = UnitVocabulary.from_patterns(load_pattern_set((folder,)))
    assert vocab.refused > default_unit_vocabulary().refused
    assert lookup_unit("acres", vocab) is None


def test_user_frequency_word_through_the_extractor(tmp_path: Path) -> None:
    from plancli.extract import Extractor

    text = "Exports will grow three times annually until 2030."
    folder = _user_lexicon(tmp_path, "frequency_after", ["annually"])
    before = [r.unit for r in Extractor().extract(text, published="2025-01-01")]
    after = [r.unit for r in Extractor(patterns=[folder]).extract(text, published="2025-01-01")]
    assert "times" in before and "times" not in after
