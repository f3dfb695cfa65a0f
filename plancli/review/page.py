"""The whole review page: header, counts, targets table and articles poured into ``template.html``."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

from plancli.review.data import (
    NO_DEADLINE,
    Article,
    count_records,
    deadline_end,
    format_value,
    has_offsets,
    plural,
    targets_by_deadline,
)
from plancli.review.markup import STATUS_COLOURS, highlight, json_for_script
from plancli.review.markup import escape as _e

TEMPLATE = "template.html"
_SCRIPT_BLOCK = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{\{(script_hash|title|data)\}\}|<!--\{\{(body)\}\}-->")


def render_review(articles: Sequence[Article], *, title: str = "plancli review") -> str:
    """The whole page as one HTML string (inline CSS and JS, nothing fetched)."""
    numbered = [(index, record) for index, article in enumerate(articles) for record in article.records]
    ids = {id(record): number for number, (_, record) in enumerate(numbered)}
    all_records = [record for _, record in numbered]
    data = {
        "records": [
            {
                **record,
                "id": number,
                "display": format_value(record),
                "article": _anchor(index),
                "at_in_sentence": _offset_in_sentence(articles[index].text, record),
            }
            for number, (index, record) in enumerate(numbered)
        ]
    }
    body = "\n".join(
        [
            _render_header(title, articles, all_records),
            _render_counts(all_records),
            _render_targets(all_records, ids),
            '<h2 id="articles">Articles</h2>',
            *(_render_article(index, article, ids) for index, article in enumerate(articles)),
        ]
    )
    template = files("plancli.review").joinpath(TEMPLATE).read_text(encoding="utf-8")
    script = _SCRIPT_BLOCK.search(template)
    if script is None:
        raise RuntimeError(f"{TEMPLATE}: no <script> block")
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode("utf-8")).digest()).decode("ascii")
    values = {"script_hash": f"sha256-{digest}", "title": _e(title), "data": json_for_script(data), "body": body}
    # One pass, so nothing inserted (a title, an article) is itself searched for placeholders.
    return _PLACEHOLDER.sub(lambda match: values[match.group(1) or match.group(2)], template)


def _offset_in_sentence(text: str, record: dict[str, Any]) -> int | None:
    """Where the record's text starts inside its ``sentence`` (None when the sentence is not found around it)."""
    sentence = record.get("sentence")
    if not isinstance(sentence, str) or not sentence or not has_offsets(record, text):
        return None
    start, end = record["start"], record["end"]
    found = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    return start - found if 0 <= found <= start and found + len(sentence) >= end else None


def _anchor(index: int) -> str:
    return f"article-{index}"


def _render_header(title: str, articles: Sequence[Article], records: list[dict[str, Any]]) -> str:
    counts = count_records(records)["status"]
    failed = sum(article.error is not None for article in articles)
    nav = "".join(
        f'<li><a href="#{_anchor(index)}">{_e(article.name)}</a> <span class="muted">{len(article.records)}</span></li>'
        for index, article in enumerate(articles)
    )
    facts = [
        plural(len(articles), "article"),
        plural(len(records), "record"),
        f'<span class="swatch swatch-target"></span>{counts["target"]} targets',
        f'<span class="swatch swatch-actual"></span>{counts["actual"]} actuals',
    ]
    if failed:
        facts.append(f'<span class="error-text">{failed} unreadable</span>')
    return (
        f'<header><h1>{_e(title)}</h1><p class="facts">{" · ".join(facts)}</p>'
        f'<p class="muted">Click a highlighted quantity (or a table row) to see its record and evidence; '
        f"<kbd>Esc</kbd> clears. Underline: "
        f'<span class="swatch swatch-target"></span>target, <span class="swatch swatch-actual"></span>actual; '
        f'<span class="ev-key ev-key-status">status cue</span> and '
        f'<span class="ev-key ev-key-deadline">deadline</span> evidence show for the selected record.</p>'
        f'<details class="nav"><summary>Articles ({len(articles)})</summary><ol>{nav}</ol></details></header>'
    )


def _render_counts(records: list[dict[str, Any]]) -> str:
    """Three small tables; each row splits its count into targets and actuals (a stacked bar)."""
    overall = count_records(records)
    split = {status: count_records(r for r in records if r.get("status") == status) for status in STATUS_COLOURS}
    blocks = []
    for name, counter in overall.items():
        if name == "deadline year":
            keys = sorted(counter, key=lambda key: (key == NO_DEADLINE, key))
        else:
            keys = [key for key, _ in counter.most_common()]
        peak = max(counter.values(), default=1)
        lines = []
        for key in keys:
            bars = "".join(
                f'<span class="bar bar-{status}" style="width:{100 * split[status][name][key] / peak:.1f}%" '
                f'title="{split[status][name][key]} {status}s"></span>'
                for status in STATUS_COLOURS
                if split[status][name][key]
            )
            label = "no deadline" if name == "deadline year" and key == NO_DEADLINE else key
            lines.append(
                f'<tr><th scope="row">{_e(label)}</th><td class="num">{counter[key]}</td>'
                f'<td class="bar-cell">{bars}</td></tr>'
            )
        blocks.append(
            f'<div class="count-box"><h3>By {_e(name)}</h3><div class="count-scroll"><table class="counts">'
            f"<tbody>{''.join(lines)}</tbody></table></div></div>"
        )
    return f'<section class="count-grid" aria-label="Counts">{"".join(blocks)}</section>'


def _render_targets(records: list[dict[str, Any]], ids: dict[int, int]) -> str:
    targets = targets_by_deadline(records)
    rows = "".join(
        f'<tr data-r="{ids[id(record)]}" tabindex="0">'
        f'<td class="nowrap">{_e(deadline_end(record) or "—")}</td>'
        f'<td class="nowrap num">{_e(format_value(record))}</td>'
        f"<td>{_e(record.get('metric') or '—')}</td>"
        f"<td>{_e(record.get('actor') or '—')}</td>"
        f'<td class="doc" title="{_e(record.get("doc"))}">{_e(record.get("doc"))}</td>'
        f'<td class="quote">{_e(record.get("text"))}</td></tr>'
        for record in targets
    )
    head = "<tr><th>Deadline end</th><th>Value</th><th>Metric</th><th>Actor</th><th>Document</th><th>Text</th></tr>"
    return (
        f'<h2 id="targets">Targets by deadline <span class="muted">({len(targets)})</span></h2>'
        f'<div class="table-wrap"><table id="targets-table" class="targets"><thead>{head}</thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _render_article(index: int, article: Article, ids: dict[int, int]) -> str:
    heading = (
        f'<h3><span class="doc-name">{_e(article.name)}</span>'
        f' <span class="muted">{_e(article.published or "no date")} · {len(article.records)} records</span></h3>'
    )
    if article.error is not None:
        text = f'<div class="text">{_e(article.text)}</div>' if article.text else ""
        return (
            f'<section class="article" id="{_anchor(index)}">{heading}'
            f'<p class="error-text">{_e(article.error)}</p>{text}</section>'
        )
    return (
        f'<section class="article" id="{_anchor(index)}">{heading}'
        f'<div class="text">{highlight(article.text, article.records, ids)}</div></section>'
    )
