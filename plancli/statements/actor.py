"""Actor: who states or owns a target ("Binhai District will ..."), and whether a sentence continues it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from plancli.statements.common import Labels, Vocabulary, has_any
from plancli.statements.deadlines import Found

_POSSESSOR = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)*)[’']s\b")


@dataclass(frozen=True)
class Context:
    """What earlier sentences pass on: the last deadline stated for a subject, and that subject."""

    deadline: Found | None = None
    actor: str | None = None


def sentence_actor(doc: Doc, sent: Span, labels: Labels, proper: frozenset[str], vocab: Vocabulary) -> str | None:
    """The proper-noun subject of a sentence ("Binhai District will ..."), if any.

    ``proper`` holds the capitalized words the text also uses mid-sentence,
    which tells a name ("Binhai is") from a capitalized first word ("Progress is").
    """
    i = sent.start
    # Skip a sentence-initial deadline, its comma and a leading "The".
    while i < sent.end and (has_any(labels, i, ("DEADLINE", "DEADLINE_CARRY")) or doc[i].is_punct
                            or doc[i].is_space or doc[i].lower_ == "the"):
        i += 1
    first = i
    while i < sent.end:
        token = doc[i]
        if token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1)):
            i += 1
        elif token.lower_ in {"-", "of", "for", "and", "&"} and i > first and i + 1 < sent.end \
                and doc[i + 1].is_title:
            i += 1
        else:
            break
    if i == first or doc[first].lower_ in vocab.not_actors:
        return None
    verb = doc[i].lower_ if i < sent.end else ""
    strong = verb in vocab.plan_verbs or "TARGET_CUE" in labels.get(i, ())
    # A weak verb ("is", "has") needs evidence that the word is a name: used mid-sentence too.
    if not strong and (verb not in vocab.subject_verbs or doc[first].text not in proper):
        return None
    return doc[first:i].text


def is_actor(name: str | None, vocab: Vocabulary) -> bool:
    """Whether ``name`` can be the owner of a figure: not a pronoun, opener or title ("There", "We",
    "Minister"), nor a bare kind of body ("Ministry", "Scheme", "Tenders") that names nobody in particular."""
    if not name:
        return False
    words = name.split()
    if words[0].lower() in vocab.not_actors or words[0].lower() in vocab.not_owners:
        return False
    return not all(w.lower() in vocab.generic_bodies for w in words)


def document_actor(doc: Doc, proper: frozenset[str], vocab: Vocabulary) -> str | None:
    """The body or place the article is about: the capitalized name used most often, counted over the
    whole text among the names of its first lines (headline, dateline, lead)."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    lead_end = min(len(doc), 120)
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.is_alpha and token.is_title:
            j = i
            while j < len(doc) and doc[j].is_alpha and doc[j].is_title:
                j += 1
            name = doc[i:j].text
            if j - i > 4:
                i = j  # a title in headline case, not a name
                continue
            sentence_initial = token.is_sent_start or i == 0 or doc[i - 1].is_space
            if is_actor(name, vocab) and (not sentence_initial or j - i > 1 or token.text in proper):
                counts[name] = counts.get(name, 0) + 1
                first_seen.setdefault(name, i)
            i = j
        else:
            i += 1
    lead = [name for name, at in first_seen.items() if at < lead_end]
    if not lead:
        return None
    best = max(lead, key=lambda name: (counts[name], -first_seen[name]))
    return best if counts[best] >= 2 else None


def continues(sent: Span, actor: str | None, carried: Context, vocab: Vocabulary) -> bool:
    """Whether the sentence goes on about the subject that stated the carried deadline."""
    if carried.deadline is None:
        return False
    if actor is not None and carried.actor is not None:
        return actor.split()[0].lower() == carried.actor.split()[0].lower()
    words = [t for t in sent[:3] if not t.is_space and not t.is_punct]
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
