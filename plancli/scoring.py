"""The referee's rules: reading a gold file, matching predictions to it, and the scores.

The referee is ``shared/eval/score.py`` (standard library only); this module
gives the same numbers and the same text output, so ``plancli evaluate`` can
stand in for it (:mod:`plancli.evaluate` adds the report and the command). The rules:

- a prediction matches a gold item when it is in the same document (file
  name), its ``[start, end)`` span overlaps the place of the gold ``context``
  in the text (its first occurrence), its value is within 0.5% of the gold
  value, and its unit is one of the gold units (case, ``_`` and plural folded);
- matching is one-to-one and greedy: gold items in file order, each taking the
  first unused prediction (in prediction order) that matches;
- gold items marked ``optional`` are neither rewarded nor penalised: they are
  never counted as missed, and a prediction they take is not spurious.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GoldItem = dict[str, Any]
Prediction = dict[str, Any]
Span = tuple[int, int]

#: Relative tolerance for a predicted value to count as the gold value.
VALUE_TOLERANCE = 5e-3

_REQUIRED_KEYS = ("doc", "context", "value", "unit", "comparator", "kind", "status", "metric")
_METRIC_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "in", "to", "for", "its", "s", "by"})
_YEAR = re.compile(r"(\d{4})")


class GoldError(ValueError):
    """A gold item that cannot be graded; ``index`` is its position in the gold list."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"item {index + 1}: {reason}")
        self.index = index
        self.reason = reason


class GoldFileError(ValueError):
    """A gold file that cannot be read or used; the message is ``<file>[:<line>]: <reason>``."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Scores:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, tp, fp, fn)

    def to_dict(self, *, counts: bool = True) -> dict[str, float | int]:
        rates: dict[str, float | int] = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {**rates, "tp": self.tp, "fp": self.fp, "fn": self.fn} if counts else rates


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """Everything the referee reports.

    ``target``: records with status "target" on both sides; ``quantity``: status
    ignored; ``target_exact``: targets whose deadline year and comparator are
    also right. The accuracies and ``metric_f1`` are over matched, non-optional
    targets; ``status_acc`` over all matched, non-optional items.
    """

    target: Scores
    quantity: Scores
    target_exact: Scores
    deadline_acc: float
    comparator_acc: float
    kind_acc: float
    metric_f1: float
    status_acc: float
    missed: tuple[GoldItem, ...]
    spurious: tuple[Prediction, ...]
    wrong_attr: tuple[tuple[GoldItem, Prediction], ...]

    def to_dict(self) -> dict[str, Any]:
        """The scores as the referee's ``--json`` prints them (same keys, same order; no error lists)."""
        return {
            "target": self.target.to_dict(),
            "quantity": self.quantity.to_dict(),
            "deadline_acc": self.deadline_acc,
            "comparator_acc": self.comparator_acc,
            "kind_acc": self.kind_acc,
            "metric_f1": self.metric_f1,
            "status_acc": self.status_acc,
            "target_exact": self.target_exact.to_dict(counts=False),
        }


# --- the rules ------------------------------------------------------------------------------


def fold_unit(unit: str) -> str:
    """A unit in comparable form: lower case, ``_`` as space, a plain English plural made singular."""
    folded = re.sub(r"\s+", " ", (unit or "").strip().lower().replace("_", " "))
    if folded.endswith("ies") and len(folded) > 4:
        return folded[:-3] + "y"
    if folded.endswith("s") and not folded.endswith("ss") and len(folded) > 3:
        return folded[:-1]
    return folded


def metric_tokens(text: str | None) -> list[str]:
    """Lower-case words and numbers of a metric, without stop words."""
    return [token for token in re.findall(r"[a-z0-9]+", (text or "").lower()) if token not in _METRIC_STOPWORDS]


def token_f1(predicted: str | None, expected: str | None) -> float:
    """F1 of the token multisets of two metric phrases (1.0 when both are empty)."""
    predicted_tokens, expected_tokens = metric_tokens(predicted), metric_tokens(expected)
    if not predicted_tokens and not expected_tokens:
        return 1.0
    if not predicted_tokens or not expected_tokens:
        return 0.0
    common = sum((Counter(predicted_tokens) & Counter(expected_tokens)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted_tokens), common / len(expected_tokens)
    return 2 * precision * recall / (precision + recall)


def deadline_year(prediction: Prediction) -> int | None:
    """The year a predicted deadline ends in (``deadline.end`` is an ISO date), or None."""
    deadline = prediction.get("deadline")
    if not deadline:
        return None
    end = deadline.get("end") if isinstance(deadline, dict) else deadline
    found = _YEAR.match(str(end or ""))
    return int(found.group(1)) if found else None


def _doc_name(prediction: Prediction) -> str:
    return Path(str(prediction.get("doc", ""))).name


def _value_ok(prediction: Prediction, gold: GoldItem) -> bool:
    try:
        value = float(prediction.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return math.isclose(value, float(gold["value"]), rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _unit_ok(prediction: Prediction, gold: GoldItem) -> bool:
    unit = fold_unit(str(prediction.get("unit") or ""))
    return any(unit == fold_unit(accepted) for accepted in gold["unit"])


def _overlaps(prediction: Prediction, span: Span) -> bool:
    try:
        start, end = int(prediction["start"]), int(prediction["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return start < span[1] and span[0] < end


def _deadline_ok(gold: GoldItem, prediction: Prediction) -> bool:
    wanted = gold.get("deadline")
    if wanted == "any":
        return True
    year = deadline_year(prediction)
    return year is None if wanted is None else year in wanted


def _comparator_ok(gold: GoldItem, prediction: Prediction) -> bool:
    return prediction.get("comparator") == gold["comparator"]


# --- gold items -----------------------------------------------------------------------------


def check_gold_item(item: Any) -> None:
    """Raise ValueError saying what is wrong with one gold item, if anything."""
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object; got {type(item).__name__}")
    missing = [key for key in _REQUIRED_KEYS if key not in item]
    if missing:
        raise ValueError(f"missing key {missing[0]!r}; a gold item needs {', '.join(_REQUIRED_KEYS)}")
    for key in ("doc", "context", "comparator", "kind", "status"):
        if not isinstance(item[key], str) or not item[key]:
            raise ValueError(f"{key!r} must be a non-empty string; got {item[key]!r}")
    if not _is_number(item["value"]):
        raise ValueError(f"'value' must be a number; got {item['value']!r}")
    units = item["unit"]
    if not isinstance(units, list) or not units or not all(isinstance(unit, str) for unit in units):
        raise ValueError(f"'unit' must be a non-empty list of strings, e.g. [\"CNY\"]; got {units!r}")
    if item["metric"] is not None and not isinstance(item["metric"], str):
        raise ValueError(f"'metric' must be a string; got {item['metric']!r}")
    deadline = item.get("deadline")
    if not (deadline is None or deadline == "any" or _is_year_list(deadline)):
        raise ValueError(f"'deadline' must be null, \"any\" or a list of years; got {deadline!r}")
    if not isinstance(item.get("optional", False), bool):
        raise ValueError(f"'optional' must be true or false; got {item['optional']!r}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_year_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(year, int) and not isinstance(year, bool) for year in value)


def locate_gold(gold: Sequence[GoldItem], docs_dir: Path) -> tuple[list[Span], dict[str, str]]:
    """Check every gold item and find its context: one ``(start, end)`` per item, and the texts read.

    Documents are read as UTF-8 (universal newlines), as the referee reads them.
    Raises :class:`GoldError` naming the first item that cannot be graded.
    """
    texts: dict[str, str] = {}
    spans: list[Span] = []
    for index, item in enumerate(gold):
        try:
            check_gold_item(item)
        except ValueError as error:
            raise GoldError(index, str(error)) from None
        name = item["doc"]
        if name not in texts:
            try:
                texts[name] = (docs_dir / name).read_text(encoding="utf-8")
            except FileNotFoundError:
                raise GoldError(index, f"document {name!r} not found in {docs_dir}") from None
            except (OSError, UnicodeDecodeError) as error:
                raise GoldError(index, f"cannot read document {name!r} as UTF-8: {error}") from None
        start = texts[name].find(item["context"])
        if start < 0:
            raise GoldError(index, f"context not found in {name}: {item['context']!r}")
        spans.append((start, start + len(item["context"])))
    return spans, texts


def read_gold(path: Path) -> tuple[list[GoldItem], list[int]]:
    """The items of a gold JSON Lines file and the line number of each (blank lines are skipped)."""
    try:
        with path.open(encoding="utf-8") as lines:
            numbered = [(number, line.strip()) for number, line in enumerate(lines, 1)]
    except FileNotFoundError:
        raise GoldFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GoldFileError(f"{path}: is a folder; expected a JSON Lines file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFileError(f"{path}: cannot read: {error}") from None
    items: list[GoldItem] = []
    numbers: list[int] = []
    for number, line in numbered:
        if not line:
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise GoldFileError(f"{path}:{number}: not JSON: {error}") from None
        numbers.append(number)
    return items, numbers


# --- scoring --------------------------------------------------------------------------------


def evaluate(gold: list[GoldItem], predictions: list[Prediction], docs_dir: Path) -> EvaluationResult:
    """Grade ``predictions`` (records as dicts) against ``gold`` items whose documents are in ``docs_dir``."""
    spans, _texts = locate_gold(gold, docs_dir)
    return score(gold, spans, predictions)


def score(gold: Sequence[GoldItem], spans: Sequence[Span], predictions: Iterable[Prediction]) -> EvaluationResult:
    """Grade predictions against gold items already located (``spans`` from :func:`locate_gold`)."""
    names = {item["doc"] for item in gold}
    preds = [p for p in predictions if _doc_name(p) in names]  # other documents are not graded
    pairs = _match(gold, spans, preds)  # gold index -> prediction index, in gold order

    def optional(index: int) -> bool:
        return bool(gold[index].get("optional"))

    quantity = Scores.from_counts(
        tp=sum(1 for g in pairs if not optional(g)),
        fp=len(preds) - len(pairs),
        fn=sum(1 for g in range(len(gold)) if not optional(g) and g not in pairs),
    )

    target_pairs = {
        g: p for g, p in pairs.items() if gold[g]["status"] == "target" and preds[p].get("status") == "target"
    }
    # A prediction taken by an optional target item is neither a hit nor spurious.
    taken_by_optional = {p for g, p in pairs.items() if optional(g) and gold[g]["status"] == "target"}
    excused = set(target_pairs.values()) | taken_by_optional
    spurious = [pred for p, pred in enumerate(preds) if pred.get("status") == "target" and p not in excused]
    missed = [
        item for g, item in enumerate(gold) if item["status"] == "target" and not optional(g) and g not in target_pairs
    ]
    graded = [(gold[g], preds[p]) for g, p in target_pairs.items() if not optional(g)]
    target = Scores.from_counts(tp=len(graded), fp=len(spurious), fn=len(missed))

    def attributes_ok(g: GoldItem, p: Prediction) -> bool:
        return _deadline_ok(g, p) and _comparator_ok(g, p)

    exact_tp = sum(1 for g, p in graded if attributes_ok(g, p))
    wrong = target.tp - exact_tp
    status_graded = [(gold[g], preds[p]) for g, p in pairs.items() if not optional(g)]
    return EvaluationResult(
        target=target,
        quantity=quantity,
        target_exact=Scores.from_counts(tp=exact_tp, fp=target.fp + wrong, fn=target.fn + wrong),
        deadline_acc=_mean(_deadline_ok(g, p) for g, p in graded),
        comparator_acc=_mean(_comparator_ok(g, p) for g, p in graded),
        kind_acc=_mean(p.get("kind") == g["kind"] for g, p in graded),
        metric_f1=_mean(token_f1(str(p.get("metric") or ""), g["metric"]) for g, p in graded),
        status_acc=_mean(p.get("status") == g["status"] for g, p in status_graded),
        missed=tuple(missed),
        spurious=tuple(spurious),
        wrong_attr=tuple((g, p) for g, p in graded if not attributes_ok(g, p)),
    )


def _mean(values: Iterable[float]) -> float:
    """The average (booleans count as 0 and 1); 0.0 for nothing."""
    collected = list(values)
    return sum(collected) / len(collected) if collected else 0.0


def _match(gold: Sequence[GoldItem], spans: Sequence[Span], preds: Sequence[Prediction]) -> dict[int, int]:
    """One-to-one greedy matching: each gold item, in order, takes the first free prediction that fits."""
    by_doc: dict[str, list[int]] = {}
    for index, prediction in enumerate(preds):
        by_doc.setdefault(_doc_name(prediction), []).append(index)
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for g, item in enumerate(gold):
        for p in by_doc.get(item["doc"], ()):
            if p in taken:
                continue
            prediction = preds[p]
            if _overlaps(prediction, spans[g]) and _value_ok(prediction, item) and _unit_ok(prediction, item):
                taken.add(p)
                pairs[g] = p
                break
    return pairs


__all__ = [
    "VALUE_TOLERANCE",
    "EvaluationResult",
    "GoldError",
    "GoldFileError",
    "GoldItem",
    "Prediction",
    "Scores",
    "Span",
    "check_gold_item",
    "deadline_year",
    "evaluate",
    "fold_unit",
    "locate_gold",
    "metric_tokens",
    "read_gold",
    "score",
    "token_f1",
]
