"""Actor: the government, body, company or place whose target or figure it is.

The pipeline is a blank English one (no named-entity model), so names are read from capitalization:
a run of capitalized words ("Ministry of Health and Welfare", "UAE", "Andhra Pradesh") is a name when
it stands mid-sentence, or when the text also writes its first word capitalized mid-sentence. A name is
the actor of a clause when it is the subject of a verb ("Kerala announces", "Tanzania plans to"), the
source ("according to the Ministry of Finance"), or the possessor ("Qingdao's GDP"). A person is never
the actor: "Minister for Trade" gives the ministry, "Governor of Texas" the state, "Mr Tan" nobody.
A clause with no actor takes the earlier sentence's, else the document's (the name its headline,
dateline and lead use most). Everything is computed once per document; records only look it up.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from spacy.attrs import IDX
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from plancli.normalize.units import lookup_unit, may_be_symbol
from plancli.patterns import PatternError, PatternSet, default_patterns_dir
from plancli.statements.common import (DETERMINERS, PREPOSITIONS, Labels, LexemeRow, Vocabulary, has_any,
                                       span_text, tokens_of)
from plancli.statements.deadlines import Found

_POSSESSOR = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)*)[’']s\b")
# Capitalized words and acronyms after a lowercase word, a digit, a comma or a semicolon (see
# :func:`_capitalized_words`). The lead character is checked behind the first space, so re's fast scan
# stops at spaces only.
_MID_SENTENCE_NAME = re.compile(r"[ \t](?<=[a-z0-9,;][ \t])[ \t]*([A-Z][A-Za-z]+)\b")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
# The lookbehinds stand where \b would, after the first character: a pattern that opens with a character
# class or a literal is searched for by re's fast scan (several times faster on a whole text).
# A run of capitalized words that may hold a person: two words or more, or one with ", " after it (one word
# with no title after it, the most common run by far, is never one; see :func:`_persons`).
_CAPITALIZED_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+\.?(?:(?: [A-Z][a-z]+\.?)+|(?=, ))")
_AFTER_IN = re.compile(r"in (?<!\win )([A-Z][a-z]+)\b")
_OF_FOR = re.compile(r" (?:of|for)\b")
_SAYS = re.compile(r" (?:said|says|told|added|noted)\b")
_APPOSED_TITLE = re.compile(r", (?:the |a |an )?((?:[A-Za-z-]+ ){0,2}[A-Za-z]+)(?: of| at| for|,)")
_PAREN_ACRONYM = re.compile(r" \(([A-Z]{2,6})\)")  # after a word: "Integrated System Plan (ISP)"
_ASCII_LETTERS = frozenset(string.ascii_letters)
_PERSON_CONTEXT = 40  # characters after a name read for "said" or ", Deputy Director of"
_PERSON_WORDS = 3
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K."
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Punctuation after which a capitalized word starts a new unit (a heading, a quote, a list item).
_OPENERS = frozenset(':-–—•*"“‘([|#>;')  # one character each
# How far a name reaches over a parenthesis or lowercase agent nouns to its verb ("Bank (AfDB) and ...").
_PAREN_REACH = 8
_LEAD_TOKENS = 160  # the headline, dateline and lead
_ACRONYM_MAX = 6  # longer words in capitals are headline shouting, not acronyms
_DATELINE_CHARS = 800
# "Meridian Wire Service, Porto, March 3", "LAGOS, Nigeria, October 8", "HANOI, Feb. 21 (Meridian) --"
_DATELINE = re.compile(r"^(?:([A-Z][\w .&-]+?), )?([A-Z][A-Za-z .-]+?), (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct"
                       r"|Nov|Dec)[a-z]*\.? \d{1,2}\b(?:, \d{4})?(?: \(([^)]{2,40})\))?", re.MULTILINE)
_NOUN_REACH = 2  # lowercase words between a known name and its verb ("the Wambo wind farm should")
_HEADING_WORDS = 8  # a line this short with no full stop is a heading
_HEADLINE_WORDS = 3  # a line in title case or capitals has at least this many words ...
_HEADLINE_SHARE = 0.7  # ... and this share of them capitalized
_SUBJECTS = ("subject", "speaker")
_OWNERS = ("subject", "speaker", "source")
_ROLE_REACH = 16  # tokens looked at around a name for its role
_SUBJECT_LINKS = frozenset({"-", "of", "for", "and", "&"})  # words inside an opening subject's name


@dataclass(frozen=True)
class Context:
    """What earlier sentences pass on: the last deadline stated for a subject, and that subject."""

    deadline: Found | None = None
    actor: str | None = None


@dataclass(frozen=True)
class ActorWords:
    """The actor room's vocabulary, from ``patterns/lexicon/actor_words.json`` (see its description)."""

    body_heads: frozenset[str]
    titles: frozenset[str]
    title_bodies: Mapping[str, str]
    statement_verbs: frozenset[str]
    sources: frozenset[str]
    features: frozenset[str]
    name_links: frozenset[str]
    documents: frozenset[str]
    measures: frozenset[str]
    media: frozenset[str]
    demonym_endings: frozenset[str]
    demonym_plurals: frozenset[str]
    speech_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    story_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, patterns: PatternSet) -> ActorWords:
        """Read and check the lexicon; a malformed entry raises :class:`PatternError` naming file and line."""
        entries = patterns.lexicon("actor_words")
        lists: dict[str, frozenset[str]] = {}
        for key in (f.name for f in fields(cls) if f.name != "story_words"):
            words = entries.get(key)
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise PatternError(f"{_where(patterns, key)}: entry {key!r} must be a list of non-empty words")
            lists[key] = frozenset(w.strip().lower() for w in words)
        title_bodies: dict[str, str] = {}
        for pair in lists.pop("title_bodies"):
            title, sep, body = pair.partition(":")
            if not sep or not title or not body:
                raise PatternError(f"{_where(patterns, 'title_bodies')}: title_bodies item {pair!r} must read "
                                   "'title:body', e.g. 'minister:ministry'")
            title_bodies[title] = body
        return cls(title_bodies=title_bodies, story_words=patterns.words("story_break_words"), **lists)


def _where(patterns: PatternSet, key: str) -> str:
    """``file:line`` of the last actor_words file that sets ``key`` (the built-in one when none does)."""
    found = f"{default_patterns_dir() / 'lexicon' / 'actor_words.json'}:1"
    for folder in patterns.folders:
        path = Path(folder) / "lexicon" / "actor_words.json"
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        at = text.find(f'"{key}"')
        if at >= 0:
            found = f"{path}:{text.count(chr(10), 0, at) + 1}"
    return found


@dataclass(frozen=True)
class Name:
    """A run of capitalized words in a sentence, tokens ``start:end``, and what it is."""

    start: int
    end: int
    actor: str | None  # the cleaned owner name, or None (a person, an opener, a bare kind of body)
    role: str  # "subject", "speaker" (a subject that says: "X said"), "source", "possessive" or "mention"


class Actors:
    """The actors of one document: each sentence's names by role, and the document's own actor.

    Read on demand: a sentence's names when a record of it, a later sentence's carried subject or the
    document's actor needs them, each at most once (most sentences hold no figure and are never read).
    """

    def __init__(self, make_reader: Callable[[], _Reader], starts: Sequence[int], ends: Sequence[int],
                 place: str | None, length: int, vocab: Vocabulary) -> None:
        self._make_reader = make_reader  # called once, when a sentence is first read
        self._built: _Reader | None = None
        self._starts = starts  # each sentence's first token
        self._ends = ends
        self._names: dict[int, tuple[Name, ...]] = {}  # by sentence index, filled as read
        self._subjects: dict[int, str | None] = {}  # the first subject's actor, of sentences whose names are unread
        self._fresh: dict[int, bool] = {}  # whether a sentence starts afresh (passes on no earlier subject)
        self._carried: dict[int, str | None] = {}  # the subject passed on to a sentence (see :meth:`carried`)
        self._document: tuple[str | None] | None = None
        self._place = place
        self._lead_end = min(length, _LEAD_TOKENS)
        self._vocab = vocab

    @classmethod
    def build(cls, doc: Doc, text: str, labels: Labels, vocab: Vocabulary, words: ActorWords,
              sentences: Sequence[Span] | None = None, quantity_tokens: frozenset[int] = frozenset()) -> Actors:
        """Note what every sentence's names are read from; that is gathered (from the whole text) when a
        first sentence is read, and each sentence's names when needed (a document without figures reads none).
        ``sentences``: ``list(doc.sents)`` when the caller has it; ``quantity_tokens``: the words of the
        quantities ("Rs", "GW"), which name no one."""
        place, agencies = _dateline(text[:_DATELINE_CHARS])

        def make_reader() -> _Reader:
            view = tokens_of(doc)
            return _Reader(doc, text, doc.to_array(IDX).tolist(), view.rows, view.text, view.where(_capitalized),
                           vocab, words, *_capitalized_words(text), _common_words(view.counts()),
                           _persons(text, words), _document_acronyms(text, words) | agencies, labels,
                           vocab.not_actors | (vocab.not_owners - words.titles) | DETERMINERS | PREPOSITIONS
                           | vocab.prepositions, quantity_tokens)

        if sentences is None:
            sentences = list(doc.sents)
        return cls(make_reader, [s.start for s in sentences], [s.end for s in sentences], place, len(doc), vocab)

    @property
    def _reader(self) -> _Reader:
        if self._built is None:
            self._built = self._make_reader()
        return self._built

    def names(self, index: int) -> tuple[Name, ...]:
        """The names of sentence ``index``."""
        found = self._names.get(index)
        if found is None:
            found = self._names[index] = tuple(self._reader.names(self._starts[index], self._ends[index]))
        return found

    def carried(self, index: int) -> str | None:
        """The subject an earlier sentence of the same paragraph passes on to sentence ``index``: the last
        subject before it, unless a sentence from there on starts afresh. Each sentence's answer is kept, so
        a run of sentences without a subject is walked once, not once per sentence."""
        walked = []
        found: str | None = None
        while index not in self._carried:
            if self._starts_afresh(index) or index == 0:
                break
            walked.append(index)
            index -= 1
            found = self._subject(index)
            if found is not None:
                break
        else:
            found = self._carried[index]
        for k in walked:
            self._carried[k] = found
        return found

    def _subject(self, index: int) -> str | None:
        """The actor of the first subject or speaker of sentence ``index``."""
        names = self._names.get(index)
        if names is not None:
            return next((n.actor for n in names if n.role in _SUBJECTS), None)
        if index not in self._subjects:
            self._subjects[index] = self._reader.subject(self._starts[index], self._ends[index])
        return self._subjects[index]

    def _starts_afresh(self, index: int) -> bool:
        """A new paragraph that does not go on about the subject ("It will ...") starts fresh."""
        found = self._fresh.get(index)
        if found is None:
            reader, start, end = self._reader, self._starts[index], self._ends[index]
            tokens = reader.doc
            found = self._fresh[index] = _opens_paragraph(tokens, start, end) and (
                _is_break(tokens[start:end], reader.texts[start:end], reader.words.story_words)
                or not _refers_back(tokens[start:start + 3], reader.vocab))
        return found

    @property
    def document(self) -> str | None:
        """The body or place the article is about (see :func:`_document_actor`)."""
        if self._document is None:
            self._document = (self._document_actor(),)
        return self._document[0]

    def _document_actor(self) -> str | None:
        """:func:`_document_actor`, reading only the sentences that can change its answer.

        Its candidates are the names the lead uses first. A name's text is the text of its tokens, or a title's
        body and the words from the title's "of" or "for" on ("Minister for Trade" -> "Ministry for Trade"):
        either way its sentence holds the name's words after the first space, once per use of the name.
        So a candidate counts at most 2 for each such occurrence in a sentence not read yet; the sentences
        of the candidate that could still come first are read until the first one's count is exact."""
        lead = [k for k, start in enumerate(self._starts) if start < self._lead_end]
        counts: dict[str, int] = {}
        first_seen: dict[str, int] = {}  # in the order the whole text first uses the names (max's tie-break)
        for k in lead:
            _count_names(self.names(k), counts, first_seen)
        place = self._place
        if place is not None:  # the dateline's place is in the lead, and counts as a subject
            counts[place] = counts.get(place, 0) + 2
            first_seen[place] = 0
        candidates = [name for name, at in first_seen.items() if at < self._lead_end]
        if not candidates:
            return None
        reader = self._reader
        text, char_starts = reader.text, reader.starts
        read = set(lead)
        unread: dict[str, dict[int, int]] = {}  # candidate -> unread sentence -> occurrences of its words there
        for name in candidates:
            needle, found = name.split(" ", 1)[-1], unread.setdefault(name, {})
            at = text.find(needle)
            while at >= 0:
                k = bisect_right(self._starts, bisect_right(char_starts, at) - 1) - 1
                if k not in read:
                    found[k] = found.get(k, 0) + 1
                at = text.find(needle, at + 1)
        order = {name: n for n, name in enumerate(candidates)}

        def bound(name: str) -> tuple[int, int, int]:
            return (counts.get(name, 0) + 2 * sum(unread[name].values()), -first_seen[name], -order[name])

        while True:
            best = max(candidates, key=bound)
            if not unread[best]:
                return best if counts[best] >= 2 else None
            for k in sorted(unread[best]):
                read.add(k)
                _count_names(self.names(k), counts, {})
                for pending in unread.values():
                    pending.pop(k, None)

    def record(self, sent: Span, start: int, metric: str | None) -> str | None:
        """The actor of the quantity at token ``start``: the nearest subject or source before it in the sentence,
        the metric's possessor, a possessive name near it, a subject after it, then the subject of an earlier
        sentence of the paragraph and the document's actor."""
        index = bisect_left(self._starts, sent.start)
        known = index < len(self._starts) and self._starts[index] == sent.start
        names = self.names(index) if known else ()
        before = [n for n in names if n.start < start and n.role in _OWNERS]
        if before:
            return before[-1].actor
        owner = possessor(metric)
        if is_actor(owner, self._vocab):
            return owner
        possessives = [n for n in names if n.role == "possessive"]
        if possessives:
            return min(possessives, key=lambda n: abs(n.start - start)).actor
        after = [n for n in names if n.start > start and n.role in ("speaker", "source")]
        if after:
            return after[0].actor
        carried = self.carried(index) if known else None
        return carried if carried is not None else self.document


@dataclass(frozen=True)
class _Reader:
    """Finds and cleans the names of a sentence."""

    spacy_doc: Doc
    text: str  # the doc's text
    starts: Sequence[int]  # each token's first character
    doc: Sequence[LexemeRow]  # the document's tokens' attributes (``doc[i]`` builds a new Token on each call)
    texts: Sequence[str]  # their texts
    capitals: Sequence[int]  # the positions of the tokens that start with a capital
    vocab: Vocabulary
    words: ActorWords
    mid_sentence: frozenset[str]  # capitalized words the text also writes alone mid-sentence
    inside: frozenset[str]  # capitalized words the text writes mid-sentence, alone or in a longer name
    lowercase: frozenset[str]  # words the text writes in lowercase at least as often as capitalized
    persons: frozenset[str]  # people's names and surnames
    acronyms: frozenset[str]  # names that own no figure: documents' acronyms ("target (NDC)"), news agencies
    labels: Labels
    stops: frozenset[str]  # words that open a capitalized run but are no part of a name ("The", "In", "Like")
    quantity_tokens: frozenset[int]  # the tokens of the doc's quantities ("Rs 2,000 crore"): no name's words

    def names(self, sent_start: int, end: int) -> list[Name]:
        """The names of the sentence of tokens ``sent_start:end``."""
        found = []
        for i, j in self._runs(sent_start, end):
            actor = self.clean(i, j)
            if actor is not None:
                found.append(Name(i, j, actor, self._role(i, j, sent_start, end)))
        return found

    def subject(self, sent_start: int, end: int) -> str | None:
        """The actor of the first subject or speaker of :meth:`names`, cleaning only the names in that role."""
        for i, j in self._runs(sent_start, end):
            if self._role(i, j, sent_start, end) in _SUBJECTS:
                actor = self.clean(i, j)
                if actor is not None:
                    return actor
        return None

    def _runs(self, sent_start: int, end: int) -> Iterator[tuple[int, int]]:
        """The runs of capitalized words, tokens ``i:j``, that may name an owner (:meth:`clean` tells)."""
        doc = self.doc
        # Only the tokens that start with a capital can start a name: jump from one to the next.
        at = bisect_left(self.capitals, sent_start)
        headline = False
        if bisect_left(self.capitals, end) - at >= _HEADLINE_WORDS:  # fewer capitals make no headline
            sent_texts = self.texts[sent_start:end]
            if _shouting(sent_texts):
                return
            headline = _is_headline(sent_texts)
        while at < len(self.capitals) and self.capitals[at] < end:
            i = self.capitals[at]
            at += 1
            if i in self.quantity_tokens or not self._name_word(doc[i], headline):
                continue
            j = self._name_end(i, end, headline)
            initial = self._initial(i, sent_start)
            stops = self.stops
            while i + 1 < j and doc[i].lower_ in stops and not (doc[i].lower_ == "new" and j - i > 1):
                i, initial = i + 1, False  # "The African Development Bank": capitalized after "The", a name
            at = bisect_left(self.capitals, j)
            if initial and not self._evidenced(i, j, headline) and not self._states(i, j, end):
                continue
            if initial and j - i == 2 and doc[i].text not in self.inside and doc[i + 1].text in self.mid_sentence \
                    and (doc[i].lower_ in self.lowercase or doc[i].lower_.endswith("ly")):
                i += 1  # "Presently Ghana", "Yet China": a common word opens the sentence, the name follows
                while i + 1 < j and doc[i].lower_ in stops:
                    i += 1
            while j - 1 > i and doc[j - 1].lower_ in stops:
                j -= 1  # "Wetland There"
            yield i, j

    def _name_word(self, token: LexemeRow, headline: bool) -> bool:
        text = token.text
        if _DOTTED.match(text):
            return True
        if not token.is_alpha or not text[0].isupper():
            return False
        if token.is_upper and (len(text) > _ACRONYM_MAX or len(text) > 2 and token.lower_ in STOP_WORDS):
            return False  # headline shouting ("THE GOVERNMENT HAS set out"), not an acronym
        # In a headline every word is capitalized: only those the text writes capitalized mid-sentence count,
        # and acronyms ("UAE", "AfDB").
        return not headline or text in self.mid_sentence or _acronym(text)

    def _name_end(self, i: int, end: int, headline: bool) -> int:
        doc, links = self.doc, self.words.name_links
        j, linked = i + 1, False
        while j < end:
            token = doc[j]
            if self._name_word(token, headline):
                j += 1
            elif token.lower_ in links and token.is_lower and j + 1 < end:  # j > the sentence's first token
                nxt = j + 1
                if doc[nxt].lower_ == "the" and nxt + 1 < end:
                    nxt += 1
                # "and" joins two names only inside a body's name ("Ministry of Health and Welfare").
                if not self._name_word(doc[nxt], headline) or (token.lower_ in ("and", "&") and not linked) \
                        or doc[nxt].lower_ in self.vocab.not_actors or doc[nxt].lower_ in self.vocab.not_owners:
                    break
                linked = linked or token.lower_ in ("of", "for", "on")
                j = nxt
            elif token.text == "-" and j + 1 < end and self._name_word(doc[j + 1], headline) \
                    and self.starts[j + 1] == self.starts[j] + 1:  # no space after the hyphen
                j += 1
            else:
                break
        return j

    def _initial(self, i: int, sent_start: int) -> bool:
        """Whether token ``i`` opens its sentence, line, heading or quote (capitalized whatever it is)."""
        doc = self.doc
        k = i - 1
        while k >= sent_start and (doc[k].is_space or has_any(self.labels, k, ("DEADLINE", "DEADLINE_CARRY"))
                                   or doc[k].text == ","):
            if doc[k].is_space and "\n" in doc[k].text:
                return True
            k -= 1
        if k < sent_start:
            return True
        previous = doc[k]
        # (a line break is a token of its own: a token's trailing whitespace is at most one space)
        return previous.text in _OPENERS or previous.like_num or previous.lower_ in DETERMINERS and k == sent_start

    def _states(self, i: int, k: int, end: int) -> bool:
        """Whether token ``k`` is a verb only a name stands before ("Kerala announces", "Morvia has pledged"),
        not one any subject takes ("is", "will", "has been"), or a possessive ("Ruvania's"); the word at ``i``
        is no common word of the text."""
        doc, vocab = self.doc, self.vocab
        if self.doc[i].lower_ in self.lowercase or k >= end:
            return False
        if doc[k].text in _POSSESSIVE:
            return True  # "Ruvania's plan"
        if k + 1 < end and not self._strong_verb(k) and (doc[k].lower_ in vocab.subject_verbs
                                                          or doc[k].lower_ in vocab.plan_verbs):
            k += 1  # "has pledged", "will unveil"
        if k >= end:
            return False
        return self._strong_verb(k)

    def _strong_verb(self, k: int) -> bool:
        """A statement verb no common noun takes as readily as a name ("announces", "approved"), unlike "is"."""
        verb = self.doc[k].lower_
        return self._verb(k) and verb.endswith(("s", "ed")) and verb not in self.words.auxiliaries

    def _evidenced(self, i: int, j: int, headline: bool) -> bool:
        """Whether a name that opens a sentence is a name, not a capitalized common word."""
        first = self.doc[i]
        if _acronym(first.text) or _DOTTED.match(first.text):
            return True
        if first.text in self.mid_sentence:
            return j - i > 1 or first.lower_ not in self.lowercase  # "Consumers", "Members": common words
        return not headline and j - i > 1 and first.lower_ not in self.vocab.not_actors \
            and first.lower_ not in self.vocab.not_owners and first.lower_ not in DETERMINERS

    def clean(self, i: int, j: int) -> str | None:
        """The owner a name stands for: "Minister for Trade" -> "Ministry for Trade", "Mr Tan" -> None."""
        doc, words, vocab = self.doc, self.words, self.vocab
        stops = self.stops
        while i < j and doc[i].lower_ in stops and not (doc[i].lower_ == "new" and j - i > 1):
            i += 1
        for k in range(i, j):
            lower = doc[k].lower_.rstrip(".")
            if lower not in words.titles:
                continue
            link = k + 1
            while link < j and doc[link].lower_.rstrip(".") in words.titles:
                link += 1
            if link < j and doc[link].lower_ in ("of", "for"):
                rest = link + 1
                if rest < j and doc[rest].lower_ == "the":
                    rest += 1
                body = words.title_bodies.get(lower)
                if body is not None and rest < j and doc[rest].lower_ not in words.body_heads:
                    return f"{body.capitalize()} {self._text(link, j)}"
                return self.clean(rest, j)
            return None  # "Minister Li", "Prime Minister": a person
        if i >= j:
            return None
        name = self._text(i, j)
        lowered = [t.lower_ for t in doc[i:j] if t.is_alpha]
        if not lowered or name in self.persons or (j - i == 1 and doc[i].text in self.persons):
            return None
        if not any(w in words.body_heads for w in lowered) and all(w in self.persons for w in name.split()):
            return None
        last = doc[j - 1]
        if j - i == 1 and last.lower_ in words.measures:
            return None  # "GHG emissions": what is measured, not who
        if lowered[0] in words.features and j - i > 2 and doc[i + 1].lower_ == "of":
            return None  # "Gulf of Mexico"
        if j - i == 1 and (lowered[0] in words.body_heads or _PLURAL_ACRONYM.match(name)
                           or lowered[0].endswith(tuple(words.demonym_plurals))):
            return None  # a bare "Fund", "Ministry"; "EVs", "APs": things counted; "Canadians": people
        if _acronym(doc[i].text) and may_be_symbol(doc[i].text) and lookup_unit(doc[i].text) is not None:
            return None  # "GW of ...": a unit
        if j - i == 1 and name.lower().endswith(tuple(words.demonym_endings)) and j < len(doc) and doc[j].is_lower \
                and doc[j].is_alpha:
            return None  # "American emissions": an adjective
        if any(w in words.media for w in lowered):
            return None  # "Beijing Youth Daily": a news outlet reports the figure, it owns none
        if name in self.acronyms or (not last.is_upper and (last.lower_ in words.features
                                                              or last.lower_ in words.documents)):
            return None
        return name if is_actor(name, vocab) else None

    def _text(self, i: int, j: int) -> str:
        """``doc[i:j].text``, without building the span."""
        return self.text[self.starts[i]:self.starts[j - 1] + len(self.texts[j - 1])]

    def _role(self, i: int, j: int, sent_start: int, end: int) -> str:
        doc, words, vocab = self.doc, self.words, self.vocab
        before = [t.lower_ for t in doc[max(sent_start, i - _ROLE_REACH):i] if not t.is_space and t.lower_ != "the"]
        # The words after the name, spaces skipped ("India  has" in a layout with double spaces).
        after = [m for m in range(j, min(end, j + _ROLE_REACH)) if not doc[m].is_space]
        if after and doc[after[0]].text in _POSSESSIVE:
            return "possessive"
        if len(before) >= 2 and (before[-2:] == ["according", "to"] or
                                 (before[-1] == "by" and before[-2] in words.sources)):
            return "source"
        if before and (before[-1] in _POSSESSIVE or before[-1] in vocab.prepositions or before[-1] in PREPOSITIONS):
            return "mention"  # "Japan's NDC", "a specialized institution of ECOWAS": not the subject
        n = 0
        while n < len(after) and doc[after[n]].is_lower and doc[after[n]].lower_ in vocab.agents:
            n += 1  # "Uttar Pradesh government has"
        # The rest of a noun phrase ("the Wambo wind farm should"), only after a name known mid-sentence.
        reach = n + (_NOUN_REACH if not self._initial(i, sent_start) or doc[i].text in self.mid_sentence else 0)
        while n < min(reach, len(after)) and doc[after[n]].is_lower and doc[after[n]].is_alpha \
                and not self._verb(after[n]) and doc[after[n]].lower_ not in vocab.prepositions \
                and doc[after[n]].lower_ not in DETERMINERS:
            n += 1
        if n < len(after) and doc[after[n]].text == "(":  # "(AfDB)"
            close = next((m for m in range(n + 1, min(len(after), n + _PAREN_REACH)) if doc[after[m]].text == ")"),
                         None)
            if close is not None:
                n = close + 1
        if n + 1 < len(after) and doc[after[n]].text == "," and self._strong_verb(after[n + 1]) \
                and len(before) >= 2 and before[-1] == "," and not doc[i - 2].like_num:
            n += 1  # an apposition: "the company, Salini Impregilo, announced"
        if n < len(after) and self._verb(after[n]):
            return "speaker" if doc[after[n]].lower_ in words.speech_verbs else "subject"
        body = any(t.lower_ in words.body_heads for t in doc[i:j]) or _acronym(doc[i].text)
        if n < len(after) and (doc[after[n]].lower_ == "and" or (doc[after[n]].text == "," and body)) and \
                all(doc[m].is_space or doc[m].is_punct or doc[m].lower_ == "the" for m in range(sent_start, i)):
            return "subject"  # a body opens the sentence: "The Nordic Investment Fund (NIF) and ..."
        return "mention"

    def _verb(self, k: int) -> bool:
        token, words, vocab = self.doc[k], self.words, self.vocab
        verb = token.lower_
        if not token.is_lower:
            return False
        if verb in words.documents:  # "the NDC target(s) of": a noun; "Massachusetts plans to", "targets a": a verb
            following = self.doc[k + 1] if k + 1 < len(self.doc) else None
            return verb in vocab.plan_verbs and following is not None and (
                following.lower_ == "to" or following.lower_ in DETERMINERS or following.like_num)
        return verb in words.statement_verbs or verb in vocab.plan_verbs or verb in vocab.subject_verbs \
            or "TARGET_CUE" in self.labels.get(k, ())


def _opens_paragraph(doc: Sequence[LexemeRow], start: int, end: int) -> bool:
    """Whether a line break comes before the first word of tokens ``start:end``."""
    k = start
    while k < end and doc[k].is_space:
        if "\n" in doc[k].text:
            return True
        k += 1
    k = start - 1
    while k >= 0 and doc[k].is_space:
        if "\n" in doc[k].text:
            return True
        k -= 1
    return False  # a token's own trailing whitespace is at most one space


def _refers_back(sent: Sequence[LexemeRow], vocab: Vocabulary) -> bool:
    """Whether a sentence opens by pointing back: "It will ...", "Meanwhile, ...", "The company aims ..."."""
    words = [t for t in sent[:3] if not t.is_space and not t.is_punct]
    if not words:
        return False
    if words[0].lower_ in vocab.continuation_starts:
        return True
    return len(words) > 1 and words[0].lower_ == "the" and words[1].lower_ in vocab.agents


def _is_break(sent: Sequence[LexemeRow], texts: Sequence[str], story_words: frozenset[str]) -> bool:
    """A line that ends one story and starts another: a heading (a short line with no full stop, or one in
    title case) or a roundup's "Source: ..." line."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    if words[0].lower_ in story_words and len(words) > 1 and words[1].text in (":", "-", "–"):
        return True
    return _is_headline(texts) or (len(words) <= _HEADING_WORDS and words[-1].text not in (".", "!", "?"))


def _capitalized(row: LexemeRow) -> bool:
    return row.text[:1].isupper()


def _acronym(text: str) -> bool:
    """"UAE", "AfDB", "KenGen": capitals after the first letter make a name whatever its position."""
    return len(text) > 1 and any(map(str.isupper, text[1:]))


def _is_headline(sent: Sequence[str]) -> bool:
    """A line in title case or capitals ("Ministry's Programmes for Rural Water Supply"): its capitals mark
    no names."""
    words = [w for w in sent if len(w) > 3 and w.isalpha()]
    return len(words) >= _HEADLINE_WORDS and sum(1 for w in words if w[0].isupper()) >= _HEADLINE_SHARE * len(words)


def _shouting(sent: Sequence[str]) -> bool:
    """A line in capitals ("HEADWAY ON CHILE'S GRID UPGRADE"): its words are no acronyms."""
    words = [w for w in sent if len(w) > 1 and w.isalpha()]
    return len(words) >= _HEADLINE_WORDS and sum(1 for w in words if w.isupper()) >= _HEADLINE_SHARE * len(words)


def _capitalized_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Capitalized words the text writes after a lowercase word, a digit, a comma or a semicolon, in one scan:
    those that stand alone there, with no capitalized word after them (names, not sentence openers), and all
    of them, alone or opening a longer name, as ``re.findall(r"[a-z0-9,;][ \\t]+([A-Z][A-Za-z]+)\\b", text)``
    finds them. That findall never reuses a word's last letter as the character before the next word
    ("in Foo Bar Baz" gives Foo and Baz, not Bar), so neither does the second set."""
    alone: set[str] = set()
    inside: set[str] = set()
    last = -1  # where the last word of the second set ends
    for match in _MID_SENTENCE_NAME.finditer(text):
        word, end = match.group(1), match.end()
        if _CAPITAL_AFTER.match(text, end) is None:
            alone.add(word)
        if match.start() != last:
            inside.add(word)
            last = end
    return frozenset(alone), frozenset(inside)


def _common_words(counts: Mapping[str, int]) -> frozenset[str]:
    """Words the text writes in lowercase at least as often as capitalized ("consumers", "members"),
    from each token text's number of tokens."""
    upper: dict[str, int] = {}
    for w, n in counts.items():
        if w[:1].isupper() and w.isalpha() and not w.isupper():
            key = w.lower()
            upper[key] = upper.get(key, 0) + n
    return frozenset(w for w, n in upper.items() if (counts.get(w, 0) if w.islower() else 0) >= n)


def _persons(text: str, words: ActorWords) -> frozenset[str]:
    """People's names in the text, and their surnames: after a title ("Prime Minister Kassim Majaliwa"),
    before one ("Yang Lin, Deputy Director"), or before "said"."""
    places = set(_AFTER_IN.findall(text))  # "in Mexico": a place, whatever precedes it
    found: set[str] = set()
    titles = words.titles
    for match in _CAPITALIZED_RUN.finditer(text):
        run, end = match.group(0), match.end()
        parts = run.split()
        reach = end + _PERSON_CONTEXT  # the words after the name that are read (as ``text[end:reach]``)
        titled = -1  # the last title among the words
        for k, part in enumerate(parts):
            if part.lower().rstrip(".") in titles:
                titled = k
        if titled >= 0:
            if titled + 1 >= len(parts) or _OF_FOR.match(text, end, reach):
                continue
            parts = parts[titled + 1:]  # "Prime Minister Kassim Majaliwa"
        elif not (len(parts) == 2 and _SAYS.match(text, end, reach)) and not (
                text.startswith(", ", end) and _titled_after(text[end:reach], words)):
            continue
        parts = [p.rstrip(".") for p in parts][-_PERSON_WORDS:]  # "Charles Sena Kwadzo Ayenu": the last three
        while parts and parts[-1] in places:
            parts.pop()
        if not parts or any(
                p.lower() in words.body_heads or p.lower() in words.documents or p in places for p in parts):
            continue
        found.update((" ".join(parts), parts[-1]))
    return frozenset(found)


def _titled_after(follows: str, words: ActorWords) -> bool:
    """ ", Deputy Director of ...", ", the minister for ...": a title right after the name."""
    match = _APPOSED_TITLE.match(follows)
    return match is not None and any(w.lower() in words.titles for w in match.group(1).split()[-1:])


def _document_acronyms(text: str, words: ActorWords) -> frozenset[str]:
    """Acronyms the text defines for a document ("the 2030 target (NDC)", "Integrated System Plan (ISP)")."""
    found = set()
    for match in _PAREN_ACRONYM.finditer(text):  # then the word before it (faster than one regex for both)
        end = start = match.start()
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        if start < end and text[start:end].lower() in words.documents:
            found.add(match.group(1))
    return frozenset(found)


def _dateline(head: str) -> tuple[str | None, frozenset[str]]:
    """The place of a dateline and the news agencies it names (an agency writes, it owns no figure)."""
    match = _DATELINE.search(head)
    if match is None:
        return None, frozenset()
    first, second, paren = match.groups()
    agencies = {name for name in (first, paren) if name}
    if first is None and ("." in second or second.endswith(("News", "Agency", "Service", "Press"))):
        return None, frozenset({second})
    place = second.title() if second.isupper() else second
    return place, frozenset(agencies)


def _count_names(names: Sequence[Name], counts: dict[str, int], first_seen: dict[str, int]) -> None:
    """Add the uses of ``names`` to ``counts`` (a subject or source counts double) and ``first_seen``."""
    for name in names:
        if name.actor is None:
            continue
        counts[name.actor] = counts.get(name.actor, 0) + (2 if name.role in _OWNERS else 1)
        first_seen.setdefault(name.actor, name.start)


def _document_actor(length: int, by_sentence: Mapping[int, Sequence[Name]], place: str | None) -> str | None:
    """The body or place the article of ``length`` tokens is about: the name used most often over the whole
    text among those of its first lines (headline, dateline, lead); a subject or source counts double.
    ``by_sentence`` holds the names of every sentence in text order (:meth:`Actors.document` reads fewer)."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for names in by_sentence.values():
        _count_names(names, counts, first_seen)
    lead_end = min(length, _LEAD_TOKENS)
    if place is not None:  # the dateline's place is in the lead, and counts as a subject
        counts[place] = counts.get(place, 0) + 2
        first_seen[place] = 0
    lead = [name for name, at in first_seen.items() if at < lead_end]
    if not lead:
        return None
    best = max(lead, key=lambda name: (counts[name], -first_seen[name]))
    return best if counts[best] >= 2 else None


def sentence_actor(doc: Doc, sent: Span, labels: Labels, proper: frozenset[str], vocab: Vocabulary) -> str | None:
    """The proper-noun subject that opens a sentence ("Binhai District will ..."), if any: the subject whose
    deadline later sentences inherit (see :func:`continues`); the owner of a figure is :meth:`Actors.record`'s.

    ``proper`` holds the capitalized words the text also uses mid-sentence,
    which tells a name ("Binhai is") from a capitalized first word ("Progress is").
    """
    tokens = tokens_of(doc).rows
    i = sent.start
    # Skip a sentence-initial deadline, its comma and a leading "The".
    while i < sent.end and (has_any(labels, i, ("DEADLINE", "DEADLINE_CARRY")) or tokens[i].is_punct
                            or tokens[i].is_space or tokens[i].lower_ == "the"):
        i += 1
    first = i
    while i < sent.end:
        token = tokens[i]
        if token.is_alpha and (token.is_title or (token.is_upper and len(token.text) > 1)):
            i += 1
        elif token.lower_ in _SUBJECT_LINKS and i > first and i + 1 < sent.end and tokens[i + 1].is_title:
            i += 1
        else:
            break
    if i == first or tokens[first].lower_ in vocab.not_actors:
        return None
    verb = tokens[i].lower_ if i < sent.end else ""
    strong = verb in vocab.plan_verbs or "TARGET_CUE" in labels.get(i, ())
    # A weak verb ("is", "has") needs evidence that the word is a name: used mid-sentence too.
    if not strong and (verb not in vocab.subject_verbs or tokens[first].text not in proper):
        return None
    return span_text(doc, first, i)


def is_actor(name: str | None, vocab: Vocabulary) -> bool:
    """Whether ``name`` can be the owner of a figure: not a pronoun, opener or title ("There", "We",
    "Minister"), nor a bare kind of body ("Ministry", "Scheme", "Tenders") that names nobody in particular."""
    if not name:
        return False
    words = name.split()
    if words[0].lower() in vocab.not_actors or words[0].lower() in vocab.not_owners:
        return False
    # An acronym is a name ("ACT", "UN"), even when it spells a common word.
    return not all(w.lower() in vocab.generic_bodies and not (w.isupper() and len(w) > 1) for w in words)


def continues(sent: Span, actor: str | None, carried: Context, vocab: Vocabulary) -> bool:
    """Whether the sentence goes on about the subject that stated the carried deadline."""
    if carried.deadline is None:
        return False
    if actor is not None and carried.actor is not None:
        return actor.split()[0].lower() == carried.actor.split()[0].lower()
    words = [t for t in tokens_of(sent.doc).rows[sent.start:min(sent.end, sent.start + 3)]
             if not t.is_space and not t.is_punct]
    if not words or actor is not None:
        return False
    if words[0].lower_ in vocab.continuation_starts:
        return True
    # "The city will ...", "The province aims ...": the same body, named by its kind.
    return len(words) > 1 and words[0].lower_ == "the" and words[1].lower_ in vocab.agents


def possessor(metric: str | None) -> str | None:
    """"Qingdao’s GDP" -> "Qingdao"."""
    if not metric:
        return None
    match = _POSSESSOR.match(metric)
    return match.group(1) if match else None
