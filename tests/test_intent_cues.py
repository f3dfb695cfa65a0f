"""Words of intent added to lexicon ``target_cues`` (patterns/lexicon/status_cues.json), and a translation's present
"stands at" with a year wholly ahead (plancli/statements/status.py ``_REACHING``).

Every text is written for this table in the genre; none is copied from an article.
"""

from __future__ import annotations

import pytest
from rowchecks import check_status_row

#: (text, published, the record's text contains, expected status, expected status rule or None)
ROWS: list[tuple[str, str | None, str, str, str | None]] = [
    ("The state miner is trying to raise copper output to 400,000 tonnes by upgrading its smelter.", "2025-03-01",
     "400,000 tonnes", "target", "target-cue"),
    ("The utility tries to add 2 GW of wind capacity each year.", "2025-03-01", "2 GW", "target", "target-cue"),
    # a report after the intent clause stays a report
    ("The port is trying to cut delays; last year it handled 3 million containers.", "2025-03-01", "3 million",
     "actual", None),
    # a level verb in the present, for a year wholly ahead of publication: the plan's goal
    ("The outline sets the goal that the province's exports reach 3 trillion yuan, and that its use of foreign "
     "capital stands at $20 billion in 2030.", "2026-01-28", "$20 billion", "target", "own-future-deadline"),
    # the same verb for a year already past reports
    ("The province's use of foreign capital stands at $20 billion in 2025.", "2026-01-28", "$20 billion", "actual",
     None),
]


@pytest.mark.parametrize(("text", "published", "find", "status", "rule"), ROWS)
def test_intent_row(text: str, published: str | None, find: str, status: str, rule: str | None) -> None:
    check_status_row(text, published, find, status, rule)
