"""Shared fixtures: one built pipeline for the whole test run (building it takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def extractor():
    from plancli.extract import get_extractor

    return get_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
