"""Golden end-to-end files: samples/*.txt against tests/golden/*.jsonl.

A failure means the extractor's output changed. If the change is intended,
run `python scripts/regen_golden.py` and review the diff of tests/golden.
"""

from __future__ import annotations

import difflib
import importlib.util
import json

import pytest
from conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _regen_module():
    spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "scripts" / "regen_golden.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_there_are_five_samples_and_goldens():
    assert len(SAMPLE_FILES) == 5
    assert sorted(p.stem for p in GOLDEN.glob("*.jsonl")) == [p.stem for p in SAMPLE_FILES]


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_sample_matches_golden(extractor, sample):
    got = _regen_module().golden_lines(extractor, sample)
    want = (GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8").splitlines()
    if got != want:
        diff = "\n".join(difflib.unified_diff(want, got, "golden", "now", lineterm="", n=0))
        pytest.fail(f"{sample.name} output changed (run scripts/regen_golden.py if intended):\n{diff}")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_golden_offsets_point_into_the_sample(sample):
    text = sample.read_text(encoding="utf-8")
    for line in (GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert text[record["start"]:record["end"]] == record["text"]
