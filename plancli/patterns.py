"""Finding, loading and validating pattern and lexicon files (UNDER CONSTRUCTION)."""

from __future__ import annotations


class PatternError(ValueError):
    """A pattern or lexicon file is malformed; the message starts with ``file:line:``."""
