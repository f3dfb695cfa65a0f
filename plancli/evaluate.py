"""``plancli evaluate``: grade extracted records against a gold file and print the referee's report.

The rules (matching, tolerances, the scores) live in :mod:`plancli.scoring`, which
mirrors the project's referee ``shared/eval/score.py``; this module adds the report
text, the extraction of the gold documents and the command glue, and re-exports
the scoring names so ``plancli.evaluate`` stays the one import path.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from plancli.scoring import (
    VALUE_TOLERANCE,
    EvaluationResult,
    GoldError,
    GoldFileError,
    GoldItem,
    Prediction,
    Scores,
    Span,
    check_gold_item,
    deadline_year,
    evaluate,
    fold_unit,
    locate_gold,
    metric_tokens,
    read_gold,
    score,
    token_f1,
)

# --- output ---------------------------------------------------------------------------------


def format_result(result: EvaluationResult, *, show_errors: bool = False, as_json: bool = False) -> str:
    """The report exactly as the referee prints it (text or ``--json``, then the error lines)."""
    if as_json:
        lines = [json.dumps(result.to_dict(), indent=2)]
    else:
        t, q, x = result.target, result.quantity, result.target_exact
        lines = [
            f"targets     P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f}  (tp={t.tp} fp={t.fp} fn={t.fn})",
            f"quantities  P={q.precision:.3f} R={q.recall:.3f} F1={q.f1:.3f}  (tp={q.tp} fp={q.fp} fn={q.fn})",
            f"exact (deadline+comparator) F1={x.f1:.3f}",
            f"on matched targets: deadline {result.deadline_acc:.3f}  comparator {result.comparator_acc:.3f}  "
            f"kind {result.kind_acc:.3f}  metric-F1 {result.metric_f1:.3f};  "
            f"status on all matched {result.status_acc:.3f}",
        ]
    if show_errors:
        lines += [f"MISSED   {g['doc']}: {g['context']!r}" for g in result.missed]
        lines += [
            f"SPURIOUS {p.get('doc')}: {p.get('text')!r} value={p.get('value')} unit={p.get('unit')}"
            for p in result.spurious
        ]
        lines += [
            f"ATTR     {g['doc']}: {g['context']!r} deadline want={g.get('deadline')} got={deadline_year(p)}"
            f" comparator want={g['comparator']} got={p.get('comparator')}"
            for g, p in result.wrong_attr
        ]
    return "".join(line + "\n" for line in lines)


# --- the command ----------------------------------------------------------------------------


def evaluate_cli(
    gold_path: Path,
    docs_dir: Path,
    *,
    show_errors: bool = False,
    as_json: bool = False,
    patterns: Sequence[Path] = (),
    model: str | None = None,
) -> int:
    """Extract records from the documents the gold file names, grade them, print the report.

    Returns the exit code: 0, or 2 with one ``plancli: ...`` line on stderr when
    the gold file, a document, a pattern folder or the model cannot be used.
    """
    try:
        gold, line_numbers = read_gold(gold_path)
        try:
            spans, texts = locate_gold(gold, docs_dir)
        except GoldError as error:
            raise GoldFileError(f"{gold_path}:{line_numbers[error.index]}: {error.reason}") from None
        predictions = _extract(texts, patterns, model)
    except (GoldFileError, _SetupError) as error:
        print(f"plancli: {error}", file=sys.stderr)
        return 2
    result = score(gold, spans, predictions)
    sys.stdout.write(format_result(result, show_errors=show_errors, as_json=as_json))
    return 0


class _SetupError(Exception):
    """The extractor could not be built (pattern folder, model)."""


def _extract(texts: Mapping[str, str], patterns: Sequence[Path], model: str | None) -> list[Prediction]:
    """Records as dicts for each named text, in order; ``doc`` is the file name."""
    from plancli.extract import Extractor
    from plancli.patterns import PatternError
    from plancli.records import Document

    for folder in patterns:
        if not Path(folder).exists():
            raise _SetupError(f"--patterns: {folder}: no such file or folder")
    try:
        extractor = Extractor(patterns=patterns, model=model)
    except PatternError as error:
        raise _SetupError(str(error)) from None
    except Exception as error:  # a broken model or engine: one line, not a traceback
        raise _SetupError(f"cannot build the extractor: {type(error).__name__}: {error}") from None
    documents = [Document(text, source=name) for name, text in texts.items()]
    try:
        return [record.to_dict() for records in extractor.extract_many(documents) for record in records]
    except Exception:  # noqa: BLE001 - a defect on one document: find it, name it, grade the others
        predictions: list[Prediction] = []
        for document in documents:
            try:
                predictions.extend(record.to_dict() for record in extractor.extract(
                    document.text, published=document.published, source=document.source))
            except Exception as error:  # noqa: BLE001
                print(f"plancli: {document.source}: internal error, no records: {type(error).__name__}: {error}",
                      file=sys.stderr)
        return predictions


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
    "evaluate_cli",
    "fold_unit",
    "format_result",
    "locate_gold",
    "metric_tokens",
    "read_gold",
    "score",
    "token_f1",
]
