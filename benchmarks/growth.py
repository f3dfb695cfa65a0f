"""Growth benchmark: does extraction time grow linearly with the input, and do records stay small?

For each pathological input (dense "5 % ", deadline chains, money and percent runs,
hyphen chains, one huge sentence of numbers, a normal article repeated, sentences or numbered or
page.line-numbered lines by the thousand) it times
``Extractor.extract`` at 1x, 2x, 4x and 8x the base size and prints the time
ratio per doubling (linear = 2.0), the 4x/1x ratio (the issue asks for at most 6)
and the largest record as JSON bytes (at most 2,000).

    python benchmarks/growth.py            # all inputs, base sizes x4 (the default --scale)
    python benchmarks/growth.py --scale 1  # small base sizes: below the run-on cut of 3,000 characters
    python benchmarks/growth.py --only dense_percent,money_runs

An input that raises is reported with the exception instead of times. This is a
measurement, not a test: run it by hand and read the table.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "000_bfec334126a26d00.txt"


def dense_percent(n: int) -> str:
    return "5 % " * (250 * n)


def deadline_chains(n: int) -> str:
    clause = "by {year} the city will build {count} parks and "
    return "".join(clause.format(year=2025 + i % 10, count=10 + i % 90) for i in range(40 * n)) + "more."


def money_runs(n: int) -> str:
    return "$1bn " * (200 * n)


def percent_runs(n: int) -> str:
    return "48 percent " * (100 * n)


def hyphen_chains(n: int) -> str:
    return "5-6-" * (30 * n)


def huge_sentence(n: int) -> str:
    items = ", ".join(f"output {i} by {i % 90 + 1} percent" for i in range(60 * n))
    return f"By 2025, the province will raise {items}."


def sized_sentences(n: int) -> str:
    # Sentences without a subject of their own: each record's actor looks back through all of them.
    return " ".join(f"Build {i % 90 + 2} 100-billion-yuan enterprises." for i in range(125 * n))


def numbered_lines(n: int) -> str:
    return "The plan sets out 12 main targets.\n" + "".join(
        f"{i}. Build {i * 10} schools by 2030.\n" for i in range(1, 125 * n + 1))


def page_lines(n: int) -> str:
    # Page.line numbers glued to the text ("1.5to reduce"): the layout step joins the lines.
    return "".join(f"{i // 30 + 1}.{i % 30 + 1}to reduce emissions by {i} tonnes\n" for i in range(125 * n))


def article_repeated(n: int) -> str:
    return "\n\n".join([SAMPLE.read_text(encoding="utf-8")] * (2 * n))


INPUTS: dict[str, Callable[[int], str]] = {
    "dense_percent": dense_percent,
    "deadline_chains": deadline_chains,
    "money_runs": money_runs,
    "percent_runs": percent_runs,
    "hyphen_chains": hyphen_chains,
    "huge_sentence": huge_sentence,
    "article_repeated": article_repeated,
    "sized_sentences": sized_sentences,
    "numbered_lines": numbered_lines,
    "page_lines": page_lines,
}
FACTORS = (1, 2, 4, 8)


def measure(extract: Callable[[str], list], make: Callable[[int], str], scale: int) -> dict[str, object]:
    """Times and record sizes at each factor; stops at the first exception."""
    times: list[float] = []
    largest = 0
    chars = 0
    for factor in FACTORS:
        text = make(factor * scale)
        chars = chars or len(text)
        started = time.perf_counter()
        try:
            records = extract(text)
        except Exception as error:  # reported in the table
            return {"chars": chars, "times": times, "error": f"{type(error).__name__} at {factor}x", "largest": largest}
        times.append(time.perf_counter() - started)
        sizes = [len(json.dumps(r.to_dict(), ensure_ascii=False).encode()) for r in records]
        largest = max([largest, *sizes])
    return {"chars": chars, "times": times, "error": None, "largest": largest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=4, help="multiply every base size (default 4)")
    parser.add_argument("--only", default="", help="comma list of input names")
    args = parser.parse_args()
    from plancli.extract import Extractor

    extractor = Extractor()
    extractor.extract("Warm-up: the city will plant 300 parks by 2025.")
    chosen = [name for name in INPUTS if not args.only or name in args.only.split(",")]
    header = f"{'input':<18}{'1x chars':>9}" + "".join(f"{f'{f}x s':>9}" for f in FACTORS)
    header += f"{'ratios per doubling':>22}{'4x/1x':>7}{'max rec B':>10}"
    print(header)
    print("-" * len(header))
    for name in chosen:
        result = measure(extractor.extract, INPUTS[name], args.scale)
        times: list[float] = result["times"]  # type: ignore[assignment]
        cells = "".join(f"{t:>9.2f}" for t in times) + " " * 9 * (len(FACTORS) - len(times))
        ratios = " ".join(f"{b / a:.1f}" for a, b in zip(times, times[1:], strict=False) if a > 0)
        four = f"{times[2] / times[0]:.1f}" if len(times) >= 3 and times[0] > 0 else "-"
        line = f"{name:<18}{result['chars']:>9}{cells}{ratios:>22}{four:>7}{result['largest']:>10}"
        if result["error"]:
            line += f"  error: {result['error']}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
