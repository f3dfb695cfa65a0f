"""Cue rules: which words make a quantity a target, an actual or not a target, and how far they reach.

Modelled on medspaCy's ConText rules (``ConTextRule``: literal or pattern, category,
direction, max_scope, terminated_by) and negspaCy's termsets. One JSON object a
line, in ``patterns/context/*.jsonl`` (and in a user's ``--patterns`` folder)::

    {"id": "target-cue", "category": "target", "label": "TARGET_CUE", "direction": "forward",
     "max_scope": null, "terminated_by": [], "note": "A plan word before the quantity: 'will', 'aims to'."}

``label``
    the cue is any span-ruler match with this label (``TARGET_CUE``, ``ACTUAL_CUE`` ...);
``pattern``
    or the cue is this phrase (string, matched on lowercase) or spaCy token pattern (list);
``category``
    ``target``, ``actual``, ``not_target`` (forecasts, policy instruments: the record is
    an actual) or ``deadline_carry`` (the previous deadline carries over to this quantity);
``direction``
    ``forward``: the cue governs quantities after it; ``backward``: before it; ``both``;
``max_scope``
    at most this many tokens between cue and quantity (``null``: the whole sentence);
``terminated_by``
    token texts (lowercase) that end the cue's scope (``[",", ";"]``: its clause);
``exclude_labels``
    the cue does not count on a token that also carries one of these labels;
``in_headline``
    ``true``: the cue counts only on a line that ends without a full stop (a headline or
    title, "City to plant 2 million trees"), never in running text;
``note``
    one line on the rule's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

CATEGORIES = ("target", "actual", "not_target", "deadline_carry")
DIRECTIONS = ("forward", "backward", "both")
RULE_KEYS = ("id", "category", "label", "pattern", "direction", "max_scope", "terminated_by", "exclude_labels",
             "in_headline", "note")
#: The span-ruler label of the phrase and token patterns of cue rules (the match id is the rule id).
CUE_LABEL = "CONTEXT_CUE"


class CueRuleError(ValueError):
    """A malformed cue rule; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class CueRule:
    """One cue rule (see the module docstring); ``origin`` is ``path:line``."""

    id: str
    category: str
    direction: str
    label: str | None = None
    pattern: str | list[dict[str, Any]] | None = None
    max_scope: int | None = None
    terminated_by: frozenset[str] = frozenset()
    exclude_labels: frozenset[str] = frozenset()
    note: str = ""
    origin: str = ""
    in_headline: bool = False

    def ruler_patterns(self) -> list[str | list[dict[str, Any]]]:
        """The span-ruler patterns of the rule: a token pattern made only of word choices
        (``LOWER`` / ``IN``, optional tokens) is spelled out as phrases, which spaCy's
        phrase matcher finds far faster than its token matcher."""
        if self.pattern is None:
            return []
        if isinstance(self.pattern, str):
            return [self.pattern]
        phrases = _spell_out(self.pattern)
        return list(phrases) if phrases is not None else [self.pattern]

    def governs(self, cue_before_quantity: bool) -> bool:
        """Whether the rule reaches a quantity after the cue (``True``) or before it."""
        return self.direction == "both" or self.direction == ("forward" if cue_before_quantity else "backward")


_MAX_PHRASES = 400


def _spell_out(pattern: list[dict[str, Any]]) -> list[str] | None:
    """Every phrase a token pattern of plain word choices matches, or None when it has other tests."""
    phrases = [""]
    for token in pattern:
        if set(token) - {"LOWER", "OP"} or token.get("OP", "?") != "?":
            return None
        words = token["LOWER"]
        if isinstance(words, dict):
            if set(words) != {"IN"}:
                return None
            words = words["IN"]
        choices = [words] if isinstance(words, str) else list(words)
        if any(not isinstance(w, str) or not w or " " in w for w in choices):
            return None
        optional = "OP" in token
        phrases = [f"{p} {w}".strip() for p in phrases for w in choices] + (phrases if optional else [])
        if len(phrases) > _MAX_PHRASES:
            return None
    return [p for p in dict.fromkeys(phrases) if p]


def read_cue_rule_file(path: Path, labels: frozenset[str]) -> list[CueRule]:
    """Parse and validate one JSONL file of cue rules; ``labels`` are the known span-ruler labels."""
    from spacy.schemas import validate_token_pattern

    from plancli.patterns import json_objects

    rules: list[CueRule] = []
    for where, obj in json_objects(path, RULE_KEYS, CueRuleError, "cue rule"):
        for key in obj:
            if key not in RULE_KEYS:
                raise CueRuleError(f"{where}: unknown key {key!r}; expected one of {', '.join(RULE_KEYS)}")
        for key in ("id", "category", "direction"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise CueRuleError(f"{where}: missing or empty {key!r}")
        if obj["category"] not in CATEGORIES:
            raise CueRuleError(f"{where}: unknown category {obj['category']!r}; "
                               f"expected one of {', '.join(CATEGORIES)}")
        if obj["direction"] not in DIRECTIONS:
            raise CueRuleError(f"{where}: unknown direction {obj['direction']!r}; "
                               f"expected one of {', '.join(DIRECTIONS)}")
        label, pattern = obj.get("label"), obj.get("pattern")
        if (label is None) == (pattern is None):
            raise CueRuleError(f"{where}: give exactly one of 'label' (a span-ruler label) or 'pattern'")
        if label is not None and label not in labels:
            raise CueRuleError(f"{where}: unknown label {label!r}; expected one of {', '.join(sorted(labels))}")
        if isinstance(pattern, list):
            errors = validate_token_pattern(pattern) if pattern else ["empty token pattern"]
            if errors:
                raise CueRuleError(f"{where}: bad token pattern: {'; '.join(str(e) for e in errors)}")
        elif pattern is not None and (not isinstance(pattern, str) or not pattern.strip()):
            raise CueRuleError(f"{where}: 'pattern' must be a phrase string or a non-empty list of token dicts")
        scope = obj.get("max_scope")
        if scope is not None and (not isinstance(scope, int) or isinstance(scope, bool) or scope < 1):
            raise CueRuleError(f"{where}: 'max_scope' must be a positive number of tokens or null")
        words = {}
        for key in ("terminated_by", "exclude_labels"):
            value = obj.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise CueRuleError(f"{where}: {key!r} must be a list of non-empty strings")
            words[key] = frozenset(v.lower() if key == "terminated_by" else v for v in value)
        in_headline = obj.get("in_headline", False)
        if not isinstance(in_headline, bool):
            raise CueRuleError(f"{where}: 'in_headline' must be true or false")
        rules.append(CueRule(obj["id"], obj["category"], obj["direction"], label, pattern, scope,
                             words["terminated_by"], words["exclude_labels"], str(obj.get("note", "")), where,
                             in_headline))
    return rules
