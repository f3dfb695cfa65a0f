"""``plancli evaluate`` and :mod:`plancli.evaluate`: the referee's rules and its exact output.

The first tests run the project's referee (``shared/eval/score.py``, next to
the project) on the same predictions and demand the same text, character for
character. The rest are small hand-made cases whose numbers are worked out in
the comments.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import plancli
from plancli.cli import app
from plancli.evaluate import (
    EvaluationResult,
    GoldError,
    evaluate,
    evaluate_cli,
    fold_unit,
    format_result,
    token_f1,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REFEREE = Path(__file__).parents[2] / "shared" / "eval"
GOLD = REFEREE / "gold-samples.jsonl"


def _needs_referee() -> None:
    if not (REFEREE / "score.py").is_file() or not GOLD.is_file():
        pytest.skip(f"the referee is not next to the project: {REFEREE} has no score.py and gold-samples.jsonl")
    if not SAMPLES.is_dir():
        pytest.skip(f"no samples folder at {SAMPLES} (running from an installed wheel?)")


def _referee(gold: Path, predictions: list[dict[str, Any]], docs: Path, tmp_path: Path, *flags: str) -> str:
    """What score.py prints for these predictions."""
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REFEREE / "score.py"), str(gold), str(pred_path), str(docs), *flags],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def sample_predictions() -> list[dict[str, Any]]:
    """The extractor's records for the documents the gold file names, as ``plancli evaluate`` makes them."""
    _needs_referee()
    names = list(dict.fromkeys(json.loads(line)["doc"] for line in GOLD.read_text(encoding="utf-8").splitlines()))
    documents = [plancli.Document((SAMPLES / name).read_text(encoding="utf-8"), source=name) for name in names]
    extractor = plancli.Extractor()
    return [record.to_dict() for records in extractor.extract_many(documents) for record in records]


# --- same output as the referee -------------------------------------------------------------


@pytest.mark.parametrize("flags", [(), ("--show-errors",), ("--json", "--show-errors")])
def test_cli_prints_what_the_referee_prints(
    flags: tuple[str, ...], sample_predictions: list[dict[str, Any]], tmp_path: Path
) -> None:
    expected = _referee(GOLD, sample_predictions, SAMPLES, tmp_path, *flags)
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), str(SAMPLES), *flags])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_library_agrees_with_the_referee_on_damaged_predictions(
    seed: int, sample_predictions: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Dropped, shifted, duplicated and mislabelled records: every error line and number must agree."""
    predictions = _damage(sample_predictions, random.Random(seed))
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = evaluate(gold, predictions, SAMPLES)
    assert format_result(result, show_errors=True) == _referee(GOLD, predictions, SAMPLES, tmp_path, "--show-errors")
    assert format_result(result, as_json=True) == _referee(GOLD, predictions, SAMPLES, tmp_path, "--json")


def _damage(records: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    damaged: list[dict[str, Any]] = []
    for record in records:
        record = json.loads(json.dumps(record))
        roll = rng.random()
        if roll < 0.15:
            continue  # dropped: a missed item
        if roll < 0.25:
            record["start"], record["end"] = record["end"] + 500, record["end"] + 510  # moved away: spurious
        elif roll < 0.35:
            record["deadline"] = {"text": "by 2099", "start": None, "end": "2099-12-31"}
        elif roll < 0.45:
            record["comparator"] = "~"
        elif roll < 0.55:
            record["status"] = "actual" if record["status"] == "target" else "target"
        elif roll < 0.65:
            record["value"] = record["value"] * 1.004  # within tolerance
            record["unit"] = str(record["unit"]).upper() + "S"
        elif roll < 0.7:
            record["metric"] = None
            record["kind"] = "rank"
        if rng.random() < 0.1:
            damaged.append(dict(record))  # a duplicate: one of the two is spurious
        damaged.append(record)
    damaged.append({"doc": "elsewhere/not-graded.txt", "status": "target", "value": 1, "unit": "", "start": 0, "end": 1})
    return damaged


# --- the matching rules, by hand -------------------------------------------------------------

TEXT = "By 2025, exports will exceed 10 billion yuan and 120 projects will be built. Output rose 5 percent last year."


def _gold(context: str, value: float, unit: list[str], **fields: Any) -> dict[str, Any]:
    item = {"doc": "a.txt", "context": context, "value": value, "unit": unit, "comparator": "=", "kind": "amount",
            "status": "target", "deadline": None, "metric": ""}
    return {**item, **fields}


def _pred(text: str, value: Any, unit: str, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(text)
    record = {"doc": "a.txt", "text": text, "start": start, "end": start + len(text), "value": value, "unit": unit,
              "comparator": "=", "kind": "amount", "status": "target", "deadline": None, "metric": ""}
    return {**record, **fields}


EXPORTS = _gold("exceed 10 billion yuan", 1e10, ["CNY"])
PROJECTS = _gold("120 projects", 120, ["project"], kind="count")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def counts(result: EvaluationResult) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(target tp, fp, fn), (quantity tp, fp, fn)."""
    t, q = result.target, result.quantity
    return (t.tp, t.fp, t.fn), (q.tp, q.fp, q.fn)


@pytest.mark.parametrize(
    ("start_shift", "end_shift", "matched"),
    [
        (0, 0, True),  # the same span
        (-1, -1, True),  # [start-1, end-1): still overlaps
        (-len("exceed 10 billion yuan"), -len("exceed 10 billion yuan"), False),  # ends where the context starts: [s, e) is half-open
        (len("exceed 10 billion yuan"), len("exceed 10 billion yuan"), False),  # starts where the context ends
        (len("exceed 10 billion yua"), len("exceed 10 billion yuan"), True),  # the last character is enough
    ],
)
def test_span_must_overlap_the_context(start_shift: int, end_shift: int, matched: bool, docs: Path) -> None:
    start = TEXT.index("exceed 10 billion yuan")
    end = start + len("exceed 10 billion yuan")
    prediction = {**_pred("10 billion yuan", 1e10, "CNY"), "start": start + start_shift, "end": end + end_shift}
    result = evaluate([EXPORTS], [prediction], docs)
    assert counts(result) == (((1, 0, 0), (1, 0, 0)) if matched else ((0, 1, 1), (0, 1, 1)))


@pytest.mark.parametrize(
    ("value", "matched"),
    [(1e10, True), (1.004e10, True), (0.996e10, True), (1.006e10, False), (0.994e10, False), ("1e10", True),
     (None, False), ("ten", False)],
)
def test_value_within_half_a_percent(value: Any, matched: bool, docs: Path) -> None:
    result = evaluate([EXPORTS], [_pred("10 billion yuan", value, "CNY")], docs)
    assert result.target.tp == int(matched)


@pytest.mark.parametrize(
    ("unit", "accepted", "matched"),
    [
        ("project", ["project"], True),
        ("Projects", ["project"], True),  # case and plural folded
        ("project", ["projects"], True),
        ("companies", ["company"], True),  # -ies -> -y
        ("square_metres", ["square metre"], True),  # _ is a space
        ("item", ["project", "item"], True),  # any accepted unit
        ("", ["project"], False),
        ("unit", ["project"], False),
    ],
)
def test_unit_is_one_of_the_gold_units(unit: str, accepted: list[str], matched: bool, docs: Path) -> None:
    result = evaluate([{**PROJECTS, "unit": accepted}], [_pred("120 projects", 120, unit)], docs)
    assert result.target.tp == int(matched)


def test_fold_unit() -> None:
    assert fold_unit("  Cubic_Metres ") == "cubic metre"
    assert fold_unit("gas") == "gas"  # three letters: left alone
    assert fold_unit("glass") == "glass"  # -ss is not a plural
    assert fold_unit("ties") == "tie"  # -ies needs five letters to become -y
    assert fold_unit("cities") == "city"


def test_matching_is_one_to_one_in_gold_order(docs: Path) -> None:
    # Two gold items want the same record: the first in the file takes it, the second is missed.
    twice = _gold("10 billion yuan", 1e10, ["CNY"])
    result = evaluate([EXPORTS, twice], [_pred("10 billion yuan", 1e10, "CNY")], docs)
    assert counts(result) == ((1, 0, 1), (1, 0, 1))
    assert result.missed == (twice,)
    # Two records fit one gold item: the first in prediction order is taken, the second is spurious.
    first, second = _pred("10 billion yuan", 1e10, "CNY", metric="a"), _pred("10 billion", 1e10, "CNY", metric="b")
    result = evaluate([EXPORTS], [first, second], docs)
    assert counts(result) == ((1, 1, 0), (1, 1, 0))
    assert result.spurious == (second,)


def test_optional_items_are_neither_rewarded_nor_penalised(docs: Path) -> None:
    optional = {**EXPORTS, "optional": True}
    hit = _pred("10 billion yuan", 1e10, "CNY")
    projects = _pred("120 projects", 120, "project")
    # Found: no tp, and the record is not spurious either.
    assert counts(evaluate([optional, PROJECTS], [hit, projects], docs)) == ((1, 0, 0), (1, 0, 0))
    # Not found: not missed.
    assert counts(evaluate([optional, PROJECTS], [projects], docs)) == ((1, 0, 0), (1, 0, 0))
    # An optional *actual* excuses the record on the quantity side only; as a target it is spurious.
    optional_actual = {**optional, "status": "actual"}
    assert counts(evaluate([optional_actual, PROJECTS], [hit, projects], docs)) == ((1, 1, 0), (1, 0, 0))


def test_status_splits_targets_from_quantities(docs: Path) -> None:
    # A target reported as an actual: a quantity hit, a target miss, and status accuracy 0.
    result = evaluate([EXPORTS], [_pred("10 billion yuan", 1e10, "CNY", status="actual")], docs)
    assert counts(result) == ((0, 0, 1), (1, 0, 0))
    assert result.status_acc == 0.0
    assert result.deadline_acc == 0.0  # no matched targets: every share is 0


@pytest.mark.parametrize(
    ("wanted", "deadline", "right"),
    [
        ([2025], {"end": "2025-12-31"}, True),
        ([2025, 2026], {"text": "in 2026", "start": "2026-01-01", "end": "2026-12-31"}, True),
        ([2025], {"end": "2030-12-31"}, False),
        ([2025], None, False),
        (None, None, True),
        (None, {"end": "2025-12-31"}, False),
        ("any", {"end": "1999-01-01"}, True),
        ([2025], "2025-06-30", True),  # a bare date string is read too
    ],
)
def test_deadline_year(wanted: Any, deadline: Any, right: bool, docs: Path) -> None:
    result = evaluate([{**EXPORTS, "deadline": wanted}], [_pred("10 billion yuan", 1e10, "CNY", deadline=deadline)],
                      docs)
    assert result.deadline_acc == (1.0 if right else 0.0)
    assert result.target_exact.tp == int(right)


def test_token_f1() -> None:
    assert token_f1("the exports", "exports") == 1.0  # stop words do not count
    assert token_f1("projects", "projects built") == pytest.approx(2 / 3)
    assert token_f1("", None) == 1.0
    assert token_f1("output", "") == 0.0
    assert token_f1("a b b", "b c") == 0.5  # "a" is a stop word; one "b" shared: P 1/2, R 1/2


def test_all_numbers_on_a_worked_example(tmp_path: Path, docs: Path) -> None:
    output = _gold("rose 5 percent", 5, ["percent"], status="actual", kind="growth")
    gold = [
        {**EXPORTS, "comparator": ">", "deadline": [2025], "metric": "exports"},
        {**PROJECTS, "deadline": [2025], "metric": "projects built"},
        output,
    ]
    by_2025 = {"text": "By 2025", "start": "2025-01-01", "end": "2025-12-31"}
    right = _pred("exceed 10 billion yuan", 1e10, "CNY", comparator=">", deadline=by_2025, metric="exports")
    wrong_comparator = _pred("120 projects", 120, "projects", comparator=">=", kind="count", deadline=by_2025,
                             metric="projects")
    wrong_status = _pred("5 percent", 5, "percent", kind="growth")  # gold says actual
    extra = _pred("2025", 2025, "", status="actual")
    other_doc = {**right, "doc": "b.txt"}  # not in the gold file: ignored
    result = evaluate(gold, [right, wrong_comparator, wrong_status, extra, other_doc], docs)

    # targets: both target items found; the 5 percent record claims "target" -> 1 fp.
    assert (result.target.tp, result.target.fp, result.target.fn) == (2, 1, 0)
    assert (result.target.precision, result.target.recall) == (pytest.approx(2 / 3), 1.0)
    assert result.target.f1 == pytest.approx(0.8)
    # quantities: three items found; the bare 2025 is the only unmatched record.
    assert (result.quantity.tp, result.quantity.fp, result.quantity.fn) == (3, 1, 0)
    assert result.quantity.f1 == pytest.approx(2 * 0.75 / 1.75)
    # exact: the ">=" record moves from tp to both fp and fn: tp 1, fp 2, fn 1 -> P 1/3, R 1/2, F1 0.4.
    exact = result.target_exact
    assert (exact.tp, exact.fp, exact.fn, exact.f1) == (1, 2, 1, pytest.approx(0.4))
    assert (result.deadline_acc, result.comparator_acc, result.kind_acc) == (1.0, 0.5, 1.0)
    assert result.metric_f1 == pytest.approx((1 + 2 / 3) / 2)
    assert result.status_acc == pytest.approx(2 / 3)
    assert result.missed == ()
    assert result.spurious == (wrong_status,)
    assert result.wrong_attr == ((gold[1], wrong_comparator),)

    assert format_result(result, show_errors=True) == (
        "targets     P=0.667 R=1.000 F1=0.800  (tp=2 fp=1 fn=0)\n"
        "quantities  P=0.750 R=1.000 F1=0.857  (tp=3 fp=1 fn=0)\n"
        "exact (deadline+comparator) F1=0.400\n"
        "on matched targets: deadline 1.000  comparator 0.500  kind 1.000  metric-F1 0.833;  "
        "status on all matched 0.667\n"
        "SPURIOUS a.txt: '5 percent' value=5 unit=percent\n"
        "ATTR     a.txt: '120 projects' deadline want=[2025] got=2025 comparator want== got=>=\n"
    )
    if (REFEREE / "score.py").is_file():  # and the referee agrees
        gold_path = tmp_path / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(item) + "\n" for item in gold), encoding="utf-8")
        predictions = [right, wrong_comparator, wrong_status, extra, other_doc]
        assert format_result(result, show_errors=True) == _referee(gold_path, predictions, docs, tmp_path,
                                                                     "--show-errors")
    assert json.loads(format_result(result, as_json=True))["target_exact"] == {
        "precision": pytest.approx(1 / 3), "recall": 0.5, "f1": pytest.approx(0.4)}


# --- bad gold files --------------------------------------------------------------------------


def _run_cli(gold: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = evaluate_cli(gold, docs, show_errors=False, as_json=False, patterns=[], model=None)
    return code, capsys.readouterr().err


def test_missing_gold_file(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli(docs / "nope.jsonl", docs, capsys) == (2, f"plancli: {docs / 'nope.jsonl'}: no such file\n")


@pytest.mark.parametrize(
    ("second_line", "reason"),
    [
        ("{not json", "not JSON: "),
        ('["a list"]', "expected a JSON object; got list"),
        (json.dumps({k: v for k, v in EXPORTS.items() if k != "unit"}), "missing key 'unit'"),
        (json.dumps({**EXPORTS, "unit": "CNY"}), "'unit' must be a non-empty list of strings"),
        (json.dumps({**EXPORTS, "value": "ten"}), "'value' must be a number"),
        (json.dumps({**EXPORTS, "deadline": 2025}), "'deadline' must be null, \"any\" or a list of years"),
        (json.dumps({**EXPORTS, "context": "exceed 11 billion"}), "context not found in a.txt: 'exceed 11 billion'"),
        (json.dumps({**EXPORTS, "doc": "b.txt"}), "document 'b.txt' not found in "),
    ],
)
def test_bad_gold_line_is_named(
    second_line: str, reason: str, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = docs / "gold.jsonl"
    gold.write_text(json.dumps(PROJECTS) + "\n\n" + second_line + "\n", encoding="utf-8")  # line 3: a blank between
    code, err = _run_cli(gold, docs, capsys)
    assert code == 2
    assert err.startswith(f"plancli: {gold}:3: {reason}")
    assert err.count("\n") == 1


def test_gold_error_names_the_item(docs: Path) -> None:
    with pytest.raises(GoldError) as caught:
        evaluate([PROJECTS, {**EXPORTS, "context": "missing"}], [], docs)
    assert caught.value.index == 1


def test_cli_reports_a_bad_pattern_folder(docs: Path) -> None:
    gold = docs / "gold.jsonl"
    gold.write_text(json.dumps(PROJECTS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(docs), "--patterns", str(docs / "none")])
    assert result.exit_code == 2
    assert result.stderr == f"plancli: --patterns: {docs / 'none'}: no such file or folder\n"


def test_a_defect_on_one_document_is_one_line_and_the_others_are_graded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An internal error while reading one document names it in one stderr line; the rest are still scored."""
    from plancli.extract import Extractor

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("The city will plant 5,000 trees by 2030.\n", encoding="utf-8")
    (docs / "bad.txt").write_text("The city will open 40 clinics by 2029.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    rows = [{"doc": "good.txt", "context": "plant 5,000 trees by 2030", "value": 5000, "unit": ["tree"],
             "comparator": "=", "kind": "count", "status": "target", "deadline": [2030], "metric": "trees"},
            {"doc": "bad.txt", "context": "open 40 clinics by 2029", "value": 40, "unit": ["clinic"],
             "comparator": "=", "kind": "count", "status": "target", "deadline": [2029], "metric": "clinics"}]
    gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    real_many = Extractor.extract_many

    def broken_many(self: Extractor, documents: Any, *args: Any, **kwargs: Any) -> Any:
        documents = list(documents)
        if any("clinics" in (d if isinstance(d, str) else d.text) for d in documents):
            raise ValueError("defect")
        return real_many(self, documents, *args, **kwargs)

    monkeypatch.setattr(Extractor, "extract_many", broken_many)
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(docs)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "bad.txt: internal error" in result.stderr
    assert "tp=1 fp=0 fn=1" in result.stdout
