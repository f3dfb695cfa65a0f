"""Shortcuts taken for speed give exactly what the plain way gives.

The tokenizer without its redundant special cases tokenizes like spaCy's own
with all of them; compared on the samples, the development sets and seeded
genre-like text that puts every dropped rule in many contexts. Array versions
of token loops give what the loops gave; the unit pre-check refuses nothing pint knows.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from plancli.normalize.units import _could_be_pint_name, _parse, unit_registry
from plancli.pipeline import SPANS_KEY, _tune_tokenizer, build_pipeline
from plancli.quantities import _quoted_words

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/devsets/*/docs/*.txt")], key=lambda p: p.as_posix())
TOKEN_ATTRS = [ORTH, NORM, SPACY, IDX]


@pytest.fixture(scope="module")
def tokenizers() -> tuple[Language, Language]:
    """(plancli's tuned tokenizer, the same infixes with every special case spaCy ships)."""
    tuned = spacy.blank("en")
    _tune_tokenizer(tuned)
    full = spacy.blank("en")
    full.tokenizer.infix_finditer = tuned.tokenizer.infix_finditer  # type: ignore[attr-defined]
    return tuned, full


def _texts(words: Sequence[str], count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    glue = (" ", " ", "", "\n", "  ", "\n\n", "\t", " \n", "\xa0")
    for _ in range(count):
        yield "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 80)))


def _same(tuned: Language, full: Language, text: str) -> None:
    got, want = tuned.make_doc(text), full.make_doc(text)
    assert [t.text for t in got] == [t.text for t in want], text
    assert np.array_equal(got.to_array(TOKEN_ATTRS), want.to_array(TOKEN_ATTRS)), text


def test_dropped_rules_restated_what_the_affix_rules_give(tokenizers: tuple[Language, Language]) -> None:
    tuned, full = tokenizers
    dropped = set(full.tokenizer.rules) - set(tuned.tokenizer.rules)  # type: ignore[attr-defined]
    assert {"\n", " ", "\t"} <= dropped  # the line break was what stopped the tokenizer's cache
    assert {"a.", ":)", "don't", "\xa0"}.isdisjoint(dropped)  # these make other tokens or set NORM
    for key in sorted(dropped):
        for text in (key, f"a {key} b", f"({key})", f"x{key}y", f"{key}\n{key}", f"“{key}.”", f"5{key}%"):
            _same(tuned, full, text)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_same_tokens_on_corpus(tokenizers: tuple[Language, Language], path: Path) -> None:
    _same(*tokenizers, path.read_text(encoding="utf-8"))


def test_same_tokens_on_generated_text(tokenizers: tuple[Language, Language]) -> None:
    tuned, full = tokenizers
    dropped = sorted(set(full.tokenizer.rules) - set(tuned.tokenizer.rules))  # type: ignore[attr-defined]
    words = [*dropped, "It's", "don't", "a.m.", "Dec.", "U.S.", "e.g.", ":)", "5%", "(1)", "1.5", "yuan", "The",
             "growth.Exports", "40%;The", "“", "”", "—", "–", "-", "'", "’s", "n't", "’"]
    for text in _texts(words, 300, seed=7):
        _same(tuned, full, text)
    # The cache fills in one order and is read in another: tokenize again, in reverse.
    for text in reversed(list(_texts(words, 300, seed=7))):
        _same(tuned, full, text)


def test_infixes_survive_the_rule_change() -> None:
    nlp = spacy.blank("en")
    _tune_tokenizer(nlp)
    assert [t.text for t in nlp.make_doc("rose 40%;The goals:Ningbo")] == [
        "rose", "40", "%", ";", "The", "goals", ":", "Ningbo"]


# --- quantities: quoted words found with arrays, as the token loop found them ------------------


def _quoted_words_loop(doc: Doc) -> list[int]:
    """The plain loop the array version replaces: the words of a short quote on one line."""
    found: list[int] = []
    opened: int | None = None
    for token in doc:
        if token.text in {"”", "»"} or (token.text == '"' and opened is not None):
            if opened is not None and token.i - opened - 1 <= 4:
                found.extend(k for k in range(opened + 1, token.i) if doc[k].is_alpha)
            opened = None
        elif token.text in {"“", "«", '"'}:
            opened = token.i
        elif token.is_space and "\n" in token.text:
            opened = None
    return found


QUOTE_WORDS = ["“", "”", "«", "»", "\"", "Green", "and", "Clean", "five", "5", "yuan", ".", ",", "\n", "\n\n",
               "  ", " \n ", "slogan", "’"]


def test_quoted_words_same_as_the_loop_on_generated_text(tokenizers: tuple[Language, Language]) -> None:
    tuned, _ = tokenizers
    for text in _texts(QUOTE_WORDS, 400, seed=11):
        doc = tuned.make_doc(text)
        assert _quoted_words(doc) == _quoted_words_loop(doc), text


@pytest.mark.parametrize("path", CORPUS[:20], ids=lambda p: p.name)
def test_quoted_words_same_as_the_loop_on_corpus(tokenizers: tuple[Language, Language], path: Path) -> None:
    doc = tokenizers[0].make_doc(path.read_text(encoding="utf-8"))
    assert _quoted_words(doc) == _quoted_words_loop(doc)


# --- units: the cheap pre-check never refuses a name pint knows ---------------------------------


def test_every_unit_name_pint_knows_passes_the_pre_check() -> None:
    registry = unit_registry()
    names = [name for name in registry._units if re.fullmatch(r"[A-Za-z_]+", name)]
    assert len(names) > 500
    for name in names:
        assert _could_be_pint_name(name) and _could_be_pint_name(name + "s"), name
    for prefix in registry._prefixes:
        if re.fullmatch(r"[A-Za-z_]+", prefix):
            assert _could_be_pint_name(prefix + "watt") and _could_be_pint_name(prefix + "m"), prefix


@pytest.mark.parametrize("words", [
    "projects_into_operation", "are_in_cooperation", "PRNewswire", "supermarkets", "operators", "campus",
    "orbit", "barrels", "kilometres", "square_kilometer", "megawatts", "MW", "GWh", "tonne", "hectares",
    "delta_degC", "kt", "Mt", "amperes", "persons", "periods", "bits",
])
def test_pre_check_gives_what_pint_gives(words: str) -> None:
    try:
        direct = unit_registry().parse_units(words)
    except Exception:  # pint raises several error types for a name it does not know
        direct = None
    assert _parse(words) == direct
    if direct is not None:
        assert _could_be_pint_name(words)


# --- batched lexeme flags: nlp.pipe gives what nlp() gives -----------------------------------------


def test_pipe_in_batches_gives_what_one_doc_at_a_time_gives() -> None:
    texts = [path.read_text(encoding="utf-8") for path in CORPUS[:12]]
    texts += list(_texts(QUOTE_WORDS + ["5 percent", "by 2025", "GDP", "1.2 billion yuan", "Dec."], 20, seed=5))
    one, batched = build_pipeline(), build_pipeline()  # separate pipelines: separate lexeme caches
    for text, doc in zip(texts, batched.pipe(texts, batch_size=7), strict=True):
        alone = one(text)
        assert [(s.start, s.end, s.label_, s.id_) for s in doc.spans[SPANS_KEY]] == [
            (s.start, s.end, s.label_, s.id_) for s in alone.spans[SPANS_KEY]]
        assert [s.start for s in doc.sents] == [s.start for s in alone.sents]
        assert [vars(q) for q in doc._.quantities] == [vars(q) for q in alone._.quantities]
