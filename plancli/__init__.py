"""plancli: dated quantitative targets from development-plan news articles.

>>> import plancli
>>> [t.value for t in plancli.extract("By 2025, exports will exceed 10 billion yuan.")]
[10000000000]

The heavy machinery (spaCy, dateparser, pint) is imported on first use, so
``import plancli`` and ``plancli --help`` stay fast.
"""

from __future__ import annotations

from plancli.records import FIELDS, Deadline, Document, Equivalent, Target

__version__ = "0.1.0"

__all__ = [
    "FIELDS",
    "Deadline",
    "Document",
    "Equivalent",
    "Extractor",
    "PatternError",
    "Target",
    "__version__",
    "extract",
    "extract_many",
]

# extract.py and patterns.py import spaCy only inside functions, so these are cheap.
from plancli.extract import Extractor, extract, extract_many
from plancli.patterns import PatternError
