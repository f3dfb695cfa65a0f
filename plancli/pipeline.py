"""Building the spaCy pipeline: blank English, sentence rules, span ruler, plancli components.

``build_pipeline()`` gives the full pipeline. A spaCy user with a pipeline of
their own calls ``add_to_pipeline(nlp)``, or adds the registered factories
(``plancli_sentences``, ``plancli_quantities``, ``plancli_targets``) by hand
after a ``span_ruler`` fed from :func:`plancli.patterns.load_pattern_set`.
The records end up in ``doc._.targets``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, minibatch, registry

from plancli.patterns import PatternError, load_pattern_set

SPANS_KEY = "plancli"
RULER_NAME = "plancli_ruler"

_SENT_END = {".", "!", "?", "。", "！", "？", "…"}
_OPENERS = {"“", '"', "‘", "'", "(", "[", "«", "•", "*", "-", "–", "—"}
_CLOSERS = {"”", '"', "’", "'", ")", "]", "»"}


def _set_extensions() -> None:
    for name, default in (("targets", None), ("published", None), ("source", None), ("quantities", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_set_extensions()


#: Infixes added to the language's own: split run-together punctuation ("40%;The", "6.5%,the", "goals:Ningbo").
_EXTRA_INFIXES = (
    r"(?<=\d)%(?=\S)",
    r"(?<=\d)[,，](?=[A-Za-z])",
    r"(?<=%)[;,:.](?=[^\s\d])",
    r"(?<=[\w%”’)])[;；](?=\S)",
    r"(?<=[a-z%”’)])[.](?=[A-Z“‘\"(])",
    r"(?<=[A-Z]{2}|\d{2})[.](?=[A-Z][a-z])",
    r"(?<=[\w”’)])[:：](?=[A-Za-z“‘\"(])",
    r"(?<=[.!?])[”’\"](?=[A-Za-z])",
    r"(?<=(?:19|20)[0-9][0-9])[–—](?=(?:19|20)?[0-9][0-9]\b)",  # "2026–28" splits like "2026-28" (years only)
)


def _tune_tokenizer(nlp: Language) -> None:
    """Split run-together punctuation the default rules keep ("40%;The", "6.5%,the", "goals:Ningbo")."""
    old = nlp.tokenizer
    infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or []) + list(_EXTRA_INFIXES)).finditer
    if not isinstance(old, Tokenizer):  # a model's own tokenizer class: only the infixes
        cast(Any, old).infix_finditer = infix_finditer
        return
    nlp.tokenizer = _tuned_tokenizer(nlp.vocab, old.rules or {}, {
        "prefix_search": old.prefix_search, "suffix_search": old.suffix_search, "infix_finditer": infix_finditer,
        "token_match": old.token_match, "url_match": old.url_match,
    }, faster_heuristics=old.faster_heuristics, max_cache_size=old.max_cache_size)


def _tuned_tokenizer(vocab: Any, rules: dict[str, Any], affixes: dict[str, Any], **options: Any) -> Tokenizer:
    # One new tokenizer rather than setting attributes: each setter reloads every special case.
    return Tokenizer(vocab, _needed_special_cases(rules, Tokenizer(vocab, {}, **affixes)), **affixes, **options)


@registry.tokenizers("plancli.tokenizer.v1")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer for the language's defaults, tuned as :func:`_tune_tokenizer` tunes it (for
    ``spacy.blank``: the default tokenizer is then never built only to be replaced)."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return _tuned_tokenizer(nlp.vocab, dict(defaults.tokenizer_exceptions or {}), {
            "prefix_search": compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            "suffix_search": compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            "infix_finditer": compile_infix_regex(list(defaults.infixes or []) + list(_EXTRA_INFIXES)).finditer,
            "token_match": defaults.token_match, "url_match": defaults.url_match,
        })

    return tokenizer_factory


def _needed_special_cases(rules: dict[str, Any], bare: Tokenizer) -> dict[str, Any]:
    """The special cases without those that only restate what the affix rules give anyway ("\\n", " ", "’").

    The tokenizer stops caching chunks for the rest of a text once any special
    case fires, and ``"\\n"`` is one: after the first line break every word went
    through the affix rules again (4x the time). A rule ``{ORTH: key}`` alone
    yields the same token as the affix rules when those give ``key`` whole
    (``bare`` is the tokenizer without special cases), so dropping it changes
    no token, no attribute and no match.
    """
    return {key: tokens for key, tokens in rules.items()
            if tokens not in ([{ORTH: key}], [{"ORTH": key}]) or [token.text for token in bare(key)] != [key]}


@Language.factory("plancli_sentences")
def make_sentencizer(nlp: Language, name: str) -> PlanSentencizer:
    return PlanSentencizer()


class PlanSentencizer:
    """Sentence rules for messy news text.

    A sentence starts after a line break, and after ``. ! ?`` (plus any closing
    quotes) when the next token is capitalized, a digit or an opening quote,
    which copes with run-together sentences ("growth.Exports" is split
    by the tokenizer first). Semicolons do not end a sentence.
    """

    def __init__(self) -> None:
        from spacy.pipeline import Sentencizer

        from plancli.matcher import LexemeFlags, lexeme_set_test, lexeme_text_test

        self._setter = Sentencizer(overwrite=True)
        # Per-lexeme columns: sentence end, closer or end, space, space with a line break, may start a sentence.
        self._flags = LexemeFlags([
            lexeme_set_test("ORTH", _SENT_END),
            lexeme_set_test("ORTH", _CLOSERS | _SENT_END),
            lexeme_text_test("ORTH", str.isspace),
            lexeme_text_test("ORTH", _is_line_break),
            lexeme_text_test("ORTH", _starts_sentence),
        ])

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        self._setter.set_annotations([doc], [self.sentence_starts(doc).tolist()])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Like ``__call__`` on each doc; the per-lexeme flags of each batch's new words are computed together."""
        for docs in minibatch(stream, size=batch_size):
            self._flags.prepare(docs)
            yield from map(self, docs)

    def sentence_starts(self, doc: Doc) -> np.ndarray:
        """A boolean per token: does a sentence start there? (array ops over per-lexeme flags)

        The rules read as a left-to-right scan: at a line-break space, the next
        non-space token starts a sentence; at ``. ! ?``, skip closing quotes and
        further ends, then spaces, and the token reached starts a sentence if it
        looks like a start or the spaces hold a line break.
        """
        n = len(doc)
        table = self._flags.table(doc)
        ends, closing, space, line_break, may_start = (table[:, column] for column in range(5))
        index = np.arange(n)
        # next_non_space[i]: the first non-space token at or after i (n if none); likewise for closers.
        next_non_space = np.append(np.minimum.accumulate(np.where(space, n, index)[::-1])[::-1], n)
        next_non_closing = np.append(np.minimum.accumulate(np.where(closing, n, index)[::-1])[::-1], n)
        starts = np.zeros(n, dtype=bool)
        starts[0] = True
        # After a sentence end: skip closers and ends, then spaces.
        after_end = next_non_space[next_non_closing[np.flatnonzero(ends) + 1]]
        after_end = after_end[after_end < n]
        starts[after_end[may_start[after_end]]] = True
        # After a line break (also one in the spaces after a sentence end: "projects.\n Over ...").
        following = next_non_space[np.flatnonzero(line_break) + 1]
        starts[following[following < n]] = True
        for i in after_end[(after_end >= 3) & ~line_break[np.maximum(after_end - 1, 0)]].tolist():
            if doc[i - 1].text == "." and doc[i - 2].lower_ in _SCALE_ABBREVIATIONS and doc[i - 3].like_num:
                starts[i] = False  # "2 mil. Tourists by 2030": a scale abbreviation, not a sentence end
            elif doc[i - 1].text == "." and doc[i - 2].lower_ in _NUMBER_ABBREVIATIONS and doc[i].like_num:
                starts[i] = False  # "worth Rs. 20,000 crore": a currency abbreviation before its amount
        # After a citation marker "[2]" a capitalized word or a dash bullet starts a sentence: summaries and wikis
        # run their points together ("... by 2030 [1] - Exports grew 5% ...").
        orth = doc.to_array(ORTH)
        for i in np.flatnonzero(orth == _CLOSE_BRACKET).tolist():
            k = int(next_non_space[i + 1]) if i + 1 < n else n
            if 2 <= i and k < n and doc[i - 2].text == "[" and doc[i - 1].text.isdigit() and (
                    may_start[k] or doc[k].text in _DASHES):
                starts[k] = True
        return starts


_CLOSE_BRACKET = hash_string("]")
_DASHES = frozenset({"-", "–", "—"})
#: Scale words abbreviated with a full stop after a number ("1.5 mil.", "3 bil."): the stop does not end a sentence.
_SCALE_ABBREVIATIONS = frozenset({"mil", "mln", "bil", "bln", "tril"})
#: Currency abbreviations written with a full stop before an amount ("Rs. 500 crore"): the stop ends no sentence.
_NUMBER_ABBREVIATIONS = frozenset({"rs"})


def _is_line_break(text: str) -> bool:
    return text.isspace() and "\n" in text


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in _OPENERS or first in "“\"‘(•"


@Language.factory("plancli_quantities", default_config={"patterns": [], "spans_key": SPANS_KEY})
def make_quantities(nlp: Language, name: str, patterns: list[str], spans_key: str) -> Any:
    from plancli.quantities import QuantityFinder

    return QuantityFinder(load_pattern_set(tuple(Path(p) for p in patterns)), spans_key)


@Language.factory("plancli_targets", default_config={"patterns": [], "spans_key": SPANS_KEY})
def make_targets(nlp: Language, name: str, patterns: list[str], spans_key: str) -> Any:
    from plancli.statements import TargetAnnotator

    return TargetAnnotator(load_pattern_set(tuple(Path(p) for p in patterns)), spans_key)


def add_to_pipeline(nlp: Language, *, patterns: Sequence[str | Path] = ()) -> Language:
    """Add plancli's span ruler and components to ``nlp`` (sentence rules too, if it has none)."""
    folders = [str(Path(p)) for p in patterns]
    pattern_set = load_pattern_set(tuple(Path(p) for p in folders))
    has_sents = any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer"))
    if not has_sents:
        nlp.add_pipe("plancli_sentences", first=True)
    import plancli.matcher  # noqa: F401  (registers the plancli_span_ruler factory)

    ruler = nlp.add_pipe(
        "plancli_span_ruler",
        name=RULER_NAME,
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False, "overwrite": False},
    )
    try:
        ruler.add_patterns(pattern_set.ruler_patterns())  # type: ignore[attr-defined]
    except ValueError as exc:  # spaCy's own check; our loader catches most problems first
        raise PatternError(f"{pattern_set.folders[-1]}: {exc}") from None
    nlp.add_pipe("plancli_quantities", config={"patterns": folders})
    nlp.add_pipe("plancli_targets", config={"patterns": folders})
    return nlp


def build_pipeline(*, patterns: Sequence[str | Path] = (), model: str | None = None) -> Language:
    """The full plancli pipeline: ``spacy.blank("en")`` (or an installed ``model``) plus our components."""
    import spacy

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as exc:
            raise PatternError(f"--model {model}: cannot load spaCy pipeline: {exc}") from None
        _tune_tokenizer(nlp)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "plancli.tokenizer.v1"}}})
    return add_to_pipeline(nlp, patterns=patterns)
