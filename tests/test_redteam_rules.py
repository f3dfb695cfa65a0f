"""Red-team rows: a rule must not swallow, misread or misdate what it was not written for; table-driven.

Every sentence was written for this file in the genre. A row is ``(text, find, status, deadline_end)``: exactly
one record's ``text`` contains ``find``; its status is ``status`` and its deadline ends on ``deadline_end``
(an ISO date, or None for no deadline). Published 2025-05-10 throughout.
"""

from __future__ import annotations

import pytest

import plancli

PUBLISHED = "2025-05-10"

Row = tuple[str, str, str, str | None]

ROWS: list[Row] = [
    # "the next fiscal year" takes a year label after it, never the count that opens the clause
    ("In the next fiscal year 40 new schools will open, the minister said.", "40 new schools", "target",
     "2026-06-30"),
    ("During the coming financial year 12 hospitals will be upgraded.", "12 hospitals", "target", "2026-06-30"),
    ("The agency will build 300 clinics in the next fiscal year 2025-26.", "300 clinics", "target", "2026-03-31"),
    # "the following fiscal year" points back to a year named before it: no budget-season reading
    ("In 2019 the ministry adopted the plan; the following fiscal year it built 300 schools.", "300 schools",
     "actual", "2019-12-31"),
    # a verb of finding before the figure and its "to be": a finding, not a plan
    ("The regulator said it had found 1,400 factories to be compliant with the new rules.", "1,400 factories",
     "actual", None),
    ("The ministry reported 2,000 cases to be resolved in March after mediation.", "2,000 cases", "actual", None),
    ("The ministry announced 2,000 more wells to be drilled next year.", "2,000 more wells", "target", "2026-12-31"),
    # a ceiling per recipient is an instrument in force; a programme's loans or credit "up to" a total are its goal
    ("The central bank will extend loans worth up to $2 billion to small firms by 2027.", "$2 billion", "target",
     "2027-12-31"),
    ("The scheme will provide credit of up to Rs 10,000 crore to small firms over five years.", "10,000 crore",
     "target", None),
    ("Households get vouchers worth up to $500 to replace old boilers.", "$500", "actual", None),
    # a figure counted "so far" is to date: it takes no other clause's deadline, and the plan's figure keeps its own
    ("The city has planted 40,000 trees so far this year and will plant 100,000 by 2027.", "40,000 trees",
     "actual", None),
    ("The city has planted 40,000 trees so far this year and will plant 60,000 more trees by 2027.",
     "60,000 more trees", "target", "2027-12-31"),
    ("By 2028 the utility will connect 90,000 homes; it has connected 12,000 homes so far.", "12,000 homes",
     "actual", None),
    # ROWS END
]


@pytest.mark.parametrize(("text", "find", "status", "deadline_end"), ROWS)
def test_redteam_row(text: str, find: str, status: str, deadline_end: str | None) -> None:
    hits = [t for t in plancli.extract(text, published=PUBLISHED) if find in t.text]
    assert len(hits) == 1, hits
    assert hits[0].status == status
    assert (hits[0].deadline.end if hits[0].deadline else None) == deadline_end


def test_climate_pledges_from_user_folder(tmp_path: object) -> None:
    """The pledge phrases are a lexicon like the others: a user's ``--patterns`` folder extends them."""
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "lexicon").mkdir()
    (folder / "lexicon" / "climate_pledges.json").write_text(
        '{"name": "climate_pledges", "label": null, "description": "extra", '
        '"entries": {"more": ["climate positive"]}}', encoding="utf-8")
    text = "The city pledged to be climate positive by 2030. It will buy 280 electric buses."
    shipped = [t for t in plancli.extract(text, published=PUBLISHED) if "280" in t.text]
    extended = [t for t in plancli.Extractor(patterns=[folder]).extract(text, published=PUBLISHED) if "280" in t.text]
    assert shipped[0].deadline is not None and shipped[0].deadline.end == "2030-12-31"
    assert extended[0].deadline is None


def test_list_head_carried_forward() -> None:
    """A later item of a "<figure> for <item>" list takes its neighbour's head, found once: the same head a walk
    back to the list's first item finds."""
    from plancli.statements.status import _list_head

    text = "A growth target of 2% has been set for farming, 4.4% for industry, 3% for mining and 4.1% for services."
    doc = plancli.Extractor().nlp(text)
    quantities = doc._.quantities
    sent = next(iter(doc.sents))
    inside = frozenset(i for q in quantities for i in range(q.start, q.end))
    known: dict[tuple[int, int], int | None] = {}
    carried = [_list_head(doc, sent, q.start, q.end, inside, known) for q in quantities]
    walked = [_list_head(doc, sent, q.start, q.end, inside, {}) for q in quantities]
    assert carried == walked == [None] + [quantities[0].start] * (len(quantities) - 1)
