"""Statement analysis: quantities -> target records, one room per decision.

========== ======================================================================
module     decides
========== ======================================================================
clauses    where a quantity's clause starts; goals lead-ins
deadlines  which deadline governs a quantity, and where it came from
scope      deadlines across sentences: "respectively", the plan period in the title, story breaks
baseline   the stated base of a change ("from 1990 levels", "up from 14.8 GW")
status     target or actual, and the cue that says so
kind       share, growth, amount, count, quantity, rank; direction up or down
metric     what is measured, and the whole of a share (base)
actor      who states the target; whether a sentence continues that subject
annotate   the orchestrator: one pass over the sentences, building the records
common     shared helpers and the vocabularies from ``patterns/lexicon/``
========== ======================================================================
"""

from plancli.statements.annotate import TargetAnnotator

__all__ = ["TargetAnnotator"]
