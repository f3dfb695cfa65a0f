"""Where plancli's time goes, by module: a cProfile of ``extract_many`` over a folder of texts.

usage: python benchmarks/profile_modules.py [FOLDER] [--top N]

Prints (1) self time summed per module (spaCy's compiled parts by their
source file, plancli's by module), and (2) for each plancli module its top
functions by cumulative time. Default folder: the bench corpus of 3 MB if
present, else samples/ and the development sets.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_of(filename: str) -> str:
    """``.../site-packages/spacy/matcher/matcher.pyx`` -> ``spacy/matcher/matcher.pyx``; builtins as ``~``."""
    if filename.startswith("~") or filename.startswith("<"):
        return "(builtins)"
    match = re.search(r"(?:site-packages|lib/python3\.\d+)/(.+)$", filename)
    if match:
        return match.group(1)
    path = Path(filename)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return filename


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--top", type=int, default=6, help="functions per plancli module; default 6")
    args = parser.parse_args(argv)
    default = ROOT / "benchmarks" / "corpus" / "3mb-seed0"
    folders = [args.folder] if args.folder else [default] if default.is_dir() else [
        ROOT / "samples", *sorted(ROOT.glob("devset*/docs"))]
    texts = [path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.glob("*.txt"))]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

    from plancli.extract import Extractor

    extractor = Extractor()
    list(extractor.extract_many(texts[:3]))  # warm-up: lexeme caches, lazy imports
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in extractor.extract_many(texts):
        pass
    profiler.disable()
    seconds = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())

    by_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, self_time, _, _) in raw.items():
        by_module[module_of(filename)] += self_time
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {seconds:.1f} s under the profiler")
    print()
    print(f"{'module (self time)':<58} {'s':>7} {'share':>6}")
    for module, self_time in sorted(by_module.items(), key=lambda item: -item[1])[:18]:
        print(f"{module:<58} {self_time:7.2f} {self_time / total:6.1%}")

    # spaCy's Doc/Token/Span code runs on behalf of whoever indexes the doc: charge it to the caller's module.
    charged: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, _, _, callers) in raw.items():
        if not module_of(filename).startswith("spacy/tokens/"):
            continue
        for (caller_file, _, _), (_, _, caller_self, caller_cumulative) in callers.items():
            caller = module_of(caller_file)
            if not caller.startswith("spacy/tokens/"):
                charged[caller] += caller_cumulative
    print()
    print(f"{'spacy/tokens/* time (Doc, Token, Span), by calling module':<58} {'s':>7} {'share':>6}")
    for module, spent in sorted(charged.items(), key=lambda item: -item[1])[:8]:
        print(f"{module:<58} {spent:7.2f} {spent / total:6.1%}")

    print()
    per_module: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    for (filename, line, name), (_, calls, self_time, cumulative, _) in raw.items():
        module = module_of(filename)
        if module.startswith("plancli/"):
            per_module[module].append((cumulative, self_time, calls, f"{name}:{line}"))
    for module in sorted(per_module, key=lambda m: -max(c for c, *_ in per_module[m])):
        print(f"{module}  (cumulative s, self s, calls)")
        for cumulative, self_time, calls, name in sorted(per_module[module], reverse=True)[: args.top]:
            print(f"    {name:<44} {cumulative:7.2f} {self_time:7.2f} {calls:9d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
