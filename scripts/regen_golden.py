#!/usr/bin/env python3
"""Regenerate tests/golden/*.jsonl: the expected records for each file in samples/.

Run after a deliberate change to the extractor, then review `git diff tests/golden`
before committing: every changed line is a changed record.

    python scripts/regen_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import plancli  # noqa: F401  (an installed copy wins, so tests check what users get)
except ImportError:
    sys.path.insert(0, str(ROOT))

from plancli.extract import Extractor  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def golden_lines(extractor: Extractor, sample: Path) -> list[str]:
    records = extractor.extract(sample.read_text(encoding="utf-8"), source=sample.name)
    return [json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=False) for r in records]


def main() -> int:
    extractor = Extractor()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        out = GOLDEN / f"{sample.stem}.jsonl"
        out.write_text("".join(line + "\n" for line in golden_lines(extractor, sample)), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
