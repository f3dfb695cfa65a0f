"""Instructions plancli spends extracting N documents in process: a steady number on a busy machine.

usage: python benchmarks/instructions.py [FOLDER] [--docs N]

Wall and CPU times swing with whatever else runs on the machine; the instruction count
of the same work does not (hash randomization is fixed with PYTHONHASHSEED=0). The script
reruns itself under valgrind's callgrind with instrumentation off, builds the ``Extractor``,
warms it up on the folder's last three files, switches counting on (``callgrind_control``)
for the first N files only, and prints the count. Start-up is left out; run it once per
version and compare. Needs valgrind; about 2-4 minutes for 40 documents.
Default folder: the 3 MB bench corpus (``bench.py`` builds it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHILD = "PLANCLI_INSTRUCTIONS_CHILD"


def _count(folder: Path, docs: int) -> None:
    """Under callgrind: extract ``docs`` files with counting on."""
    from plancli.extract import Extractor

    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    extractor = Extractor()
    for _ in extractor.extract_many(texts[-3:]):  # warm-up: lexeme caches, lazy imports
        pass
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], capture_output=True, check=False)
    for _ in extractor.extract_many(texts[:docs]):
        pass
    subprocess.run(["callgrind_control", "--instr=off", str(os.getpid())], capture_output=True, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "benchmarks" / "corpus" / "3mb-seed0")
    parser.add_argument("--docs", type=int, default=40, help="documents counted; default 40")
    args = parser.parse_args(argv)
    if os.environ.get(_CHILD):
        _count(args.folder, args.docs)
        return 0
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        sys.exit("instructions: needs valgrind (callgrind and callgrind_control)")
    if not any(args.folder.glob("*.txt")):
        sys.exit(f"instructions: no .txt files in {args.folder} (run benchmarks/bench.py once to build the corpus)")
    env = {**os.environ, _CHILD: "1", "PYTHONHASHSEED": "0"}
    done = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
                           sys.executable, __file__, str(args.folder), "--docs", str(args.docs)],
                          env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.stderr.write(done.stderr[-2000:])
        return 1
    print(f"{int(found.group(1)):,} instructions for the first {args.docs} files of {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
