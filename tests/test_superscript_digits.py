"""A superscript or circled digit ("¹", "①") is a digit to str.isdigit() but no number to int(): never a crash."""

from __future__ import annotations

import pytest

from plancli.extract import Extractor


@pytest.mark.parametrize("text", [
    "¹ perDecember 31, 2030;",
    "The city will build 40 schools by ², including 12 new ones.",
    "The number of parks ① will reach 30 by 2030.",
])
def test_superscript_digits_before_a_number_do_not_crash(extractor: Extractor, text: str) -> None:
    for record in extractor.extract(text):
        assert text[record.start:record.end] == record.text
