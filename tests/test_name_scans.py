"""The actor's one-pass name scans find what the plain regexes find.

* :func:`~plancli.statements.actor._capitalized_words` gives, from one scan, what two ``re.findall`` calls
  give: the capitalized words standing alone after a lowercase word, and all capitalized words there (whose
  findall never reuses a word's last letter as the character before the next word);
* the person-run regex of :func:`~plancli.statements.actor._persons` finds the runs of the plain one that can
  hold a person: two words or more, or one word with ", " after it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancli.statements import actor

ROOT = Path(__file__).resolve().parents[1]
_ALONE = r"[a-z0-9,;][ \t]+([A-Z][A-Za-z]+)\b(?![ \t]+[A-Z])"
_INSIDE = r"[a-z0-9,;][ \t]+([A-Z][A-Za-z]+)\b"
_RUN = r"[A-Z](?<!\w[A-Z])[a-z]+\.?(?: [A-Z][a-z]+\.?)*"

_TEXTS = [
    "The plan was approved in Foo Bar Baz and in Qux, Quux said.",
    "a\tB c  Dd,Ee f;Gg 9Hh 9 Hh x Yy Zz the UK Foo and US Bar Baz",
    "x Ab1 Cd e Fooé Bar a Bb\tCc\t\tDd Ee; Ff  Gg Hh",
    "Minister Li said in Beijing that Binhai District, Ghana and the UAE will act. Tan, Deputy Director",
    "Yang Lin, the minister for trade. Mr. Tan. Mr. Tan Wei said. Ab. Cd. Ef, gh Ij.,Kl.",
    "",
]


def _texts() -> list[str]:
    files = [*sorted((ROOT / "samples").glob("*.txt")), *sorted((ROOT / "tests" / "devsets").glob("*/docs/*.txt"))]
    return [*_TEXTS, *(path.read_text(encoding="utf-8") for path in files)]


@pytest.mark.parametrize("text", _TEXTS)
def test_capitalized_words_on_written_cases(text: str) -> None:
    assert actor._capitalized_words(text) == (frozenset(re.findall(_ALONE, text)),
                                              frozenset(re.findall(_INSIDE, text)))


def test_capitalized_words_on_the_samples_and_devsets() -> None:
    for text in _texts():
        assert actor._capitalized_words(text) == (frozenset(re.findall(_ALONE, text)),
                                                  frozenset(re.findall(_INSIDE, text)))


def test_person_runs_are_the_plain_runs_that_can_hold_a_person() -> None:
    for text in _texts():
        plain = [(m.start(), m.end()) for m in re.finditer(_RUN, text)
                 if " " in m.group(0) or text.startswith(", ", m.end())]
        assert [(m.start(), m.end()) for m in actor._CAPITALIZED_RUN.finditer(text)] == plain
