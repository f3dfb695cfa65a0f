"""``plancli review``: segments, exact highlights, escaping, counts, the targets table, the command, a real browser."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from plancli.cli import app
from plancli.review import (
    Article,
    assign_levels,
    collect_articles,
    count_records,
    format_value,
    highlight,
    json_for_script,
    render_review,
    split_segments,
    targets_by_deadline,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
HOSTILE = "The <b>city</b> said: <script>alert(1)</script> & \"quotes\" 'too' </div>"


def record(text: str, phrase: str, **fields: Any) -> dict[str, Any]:
    """A record dict for the first ``phrase`` in ``text`` (fields not given take plain defaults)."""
    start = text.index(phrase)
    base: dict[str, Any] = {
        "doc": "a.txt",
        "published": "2024-01-10",
        "status": "target",
        "kind": "amount",
        "value": 1,
        "value_max": None,
        "unit": "CNY",
        "comparator": "=",
        "direction": None,
        "deadline": None,
        "metric": None,
        "base": None,
        "actor": None,
        "equivalent": None,
        "text": phrase,
        "start": start,
        "end": start + len(phrase),
        "sentence": phrase,
    }
    return {**base, **fields}


class _Spans(HTMLParser):
    """Collects, per record id, the text inside ``<span class="q" data-r=...>``, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.by_record: dict[str, str] = {}
        self.text: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.in_script = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
            self.in_script += 1
        ids = (values.get("data-r") or "").split() if "q" in (values.get("class") or "").split() else []
        if tag == "span":
            self.stack.append(ids)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            self.stack.pop()
        if tag == "script":
            self.in_script -= 1

    def handle_data(self, data: str) -> None:
        if self.in_script:
            return
        self.text.append(data)
        for ids in self.stack:
            for number in ids:
                self.by_record[number] = self.by_record.get(number, "") + data


def parse(markup: str) -> _Spans:
    parser = _Spans()
    parser.feed(markup)
    parser.close()
    return parser


def embedded_data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="plancli-data">(.*?)</script>', page, re.DOTALL)
    assert match is not None
    return json.loads(match.group(1))


# --- segments and highlights ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "marks", "expected"),
    [
        (10, [], [(0, 10, ())]),
        (10, [(2, 5, "a")], [(0, 2, ()), (2, 5, ("a",)), (5, 10, ())]),
        # a gloss inside a longer quantity: three pieces, the middle one covered by both
        (10, [(0, 8, "a"), (3, 5, "b")], [(0, 3, ("a",)), (3, 5, ("a", "b")), (5, 8, ("a",)), (8, 10, ())]),
        # crossing ranges
        (6, [(0, 4, "a"), (2, 6, "b")], [(0, 2, ("a",)), (2, 4, ("a", "b")), (4, 6, ("b",))]),
        # adjacent ranges share a boundary, not a segment
        (6, [(0, 3, "a"), (3, 6, "b")], [(0, 3, ("a",)), (3, 6, ("b",))]),
        # out of range and empty marks are dropped
        (5, [(3, 9, "a"), (2, 2, "b"), (-1, 2, "c")], [(0, 5, ())]),
    ],
)
def test_split_segments(
    length: int, marks: list[tuple[int, int, str]], expected: list[tuple[int, int, tuple[str, ...]]]
) -> None:
    assert [(s.start, s.end, s.marks) for s in split_segments(length, marks)] == expected


def test_levels_put_inner_spans_below_outer_ones() -> None:
    assert assign_levels([(0, 10), (3, 5), (12, 14)]) == [0, 1, 0]
    assert assign_levels([(3, 5), (0, 10)]) == [1, 0]


def test_highlights_cover_exactly_each_record_even_when_nested() -> None:
    text = "Revenue will reach 10 billion yuan ($1.4 billion) by 2025, and 48 percent will come from exports."
    outer = record(text, "10 billion yuan ($1.4 billion)")
    gloss = record(text, "$1.4 billion", status="actual", unit="USD")
    share = record(text, "48 percent", kind="share", unit="percent")
    markup = highlight(text, [outer, gloss, share])
    spans = parse(markup)
    assert spans.by_record == {"0": outer["text"], "1": gloss["text"], "2": share["text"]}
    assert "".join(spans.text) == text  # labels are CSS-only: the text itself is untouched
    assert markup.count("<span") == markup.count("</span>")


def test_records_with_bad_offsets_are_not_highlighted() -> None:
    text = "Exports will rise 5 percent."
    broken = record(text, "5 percent", start=40, end=50)
    markup = highlight(text, [broken])
    assert 'class="q' not in markup
    assert html.unescape(markup) == text


# --- escaping ------------------------------------------------------------------------------


def test_article_and_record_strings_are_escaped() -> None:
    text = f"{HOSTILE}\nBy 2025, output will reach 5 billion yuan."
    hostile_record = record(
        text,
        "5 billion yuan",
        metric="</script><script>alert(2)</script>",
        actor='"><img src=x onerror=alert(3)>',
        sentence=text,
    )
    page = render_review([Article("<i>x</i>.txt", text, "2024-01-10", (hostile_record,))], title="<b>t</b> {{data}}")
    assert "<title>&lt;b&gt;t&lt;/b&gt; {{data}}</title>" in page  # placeholders are filled once, never in inserted text
    assert "<script>alert(" not in page
    assert "<img" not in page and "<b>" not in page and "<i>x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parsed = parse(page)
    # only the page's own two script elements: the JSON data block and the code
    assert [s.get("type") for s in parsed.scripts] == ["application/json", None]
    assert "alert(1)" in "".join(parsed.text)  # shown as text
    data = embedded_data(page)
    assert data["records"][0]["metric"] == hostile_record["metric"]
    assert data["records"][0]["actor"] == hostile_record["actor"]


def test_json_for_script_leaves_no_markup_characters() -> None:
    encoded = json_for_script({"a": "</script><!-- & -->"})
    assert not set("<>&") & set(encoded)
    assert json.loads(encoded) == {"a": "</script><!-- & -->"}


def test_page_fetches_nothing() -> None:
    text = "See https://example.org/plan and http://example.com. The city will build 30 parks."
    parks = record(text, "30 parks", kind="count", unit="park")
    page = render_review([Article("a.txt", text, None, (parks,))])
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:|//)""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)
    assert "default-src 'none'" in page
    assert "https://example.org/plan" in page  # the article's own text, as text


# --- evidence ------------------------------------------------------------------------------


def test_evidence_ranges_are_marked_when_present() -> None:
    text = "By 2030, the province aims to plant 5 million trees."
    trees = record(
        text,
        "5 million trees",
        kind="count",
        unit="tree",
        deadline={"text": "By 2030", "start": None, "end": "2030-12-31"},
        evidence={
            "status": {"rule": "aims-to", "text": "aims to", "start": 22, "end": 29},
            "deadline": {"from": "sentence", "text": "By 2030", "start": 0, "end": 7},
        },
    )
    markup = highlight(text, [trees])
    assert '<span class="cue" data-ev="d0">By 2030</span>' in markup
    assert '<span class="cue" data-ev="s0">aims to</span>' in markup
    assert parse(markup).by_record == {"0": "5 million trees"}


@pytest.mark.parametrize(
    "evidence",
    [
        None,
        {},
        {"status": {"rule": "will", "text": "will", "start": 9, "end": 13}, "deadline": None},
        {"status": {"rule": "document", "text": "", "start": None, "end": None}, "deadline": {"from": "publication"}},
    ],
)
def test_missing_or_partial_evidence_is_fine(evidence: dict[str, Any] | None) -> None:
    text = "The city will add 20 parks."
    parks = record(text, "20 parks", kind="count", unit="park", evidence=evidence)
    if evidence is None:
        del parks["evidence"]
    page = render_review([Article("a.txt", text, None, (parks,))])
    assert parse(page).by_record == {"0": "20 parks"}
    assert (' data-ev="' in page) == bool(evidence and evidence.get("status", {}).get("start") is not None)


# --- counts and the targets table ----------------------------------------------------------


def _deadline(end: str | None) -> dict[str, Any] | None:
    return None if end is None else {"text": "by then", "start": None, "end": end}


def test_counts_by_status_kind_and_deadline_year() -> None:
    text = "a 1 b 2 c 3 d 4"
    records = [
        record(text, "1", kind="share", deadline=_deadline("2030-12-31")),
        record(text, "2", kind="share", deadline=_deadline("2025-12-31")),
        record(text, "3", status="actual", kind="count"),
        record(text, "4", kind="amount", deadline=_deadline("2030-06-30")),
    ]
    counts = count_records(records)
    assert counts["status"] == {"target": 3, "actual": 1}
    assert counts["kind"] == {"share": 2, "count": 1, "amount": 1}
    assert counts["deadline year"] == {"2030": 2, "2025": 1, "none": 1}


def test_targets_table_is_sorted_by_deadline_end() -> None:
    text = "w 1 x 2 y 3 z 4 v 5"
    records = [
        record(text, "1", deadline=_deadline("2030-12-31")),
        record(text, "2"),
        record(text, "3", deadline=_deadline("2025-12-31")),
        record(text, "4", status="actual", deadline=_deadline("2020-12-31")),
        record(text, "5", deadline=_deadline("2025-06-30")),
    ]
    assert [r["text"] for r in targets_by_deadline(records)] == ["5", "3", "1", "2"]
    page = render_review([Article("a.txt", text, None, tuple(records))])
    table = page[page.index('id="targets-table"') :]
    table = table[: table.index("</table>")]
    assert re.findall(r'<tr data-r="(\d+)"', table) == ["4", "2", "0", "1"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": 2000, "unit": "enterprise", "comparator": ">"}, "> 2,000 enterprise"),
        ({"value": 48, "value_max": 50, "unit": "percent"}, "48–50%"),
        ({"value": 1_200_000_000, "unit": "USD", "comparator": "~"}, "~ 1.2 billion USD"),
        ({"value": 20, "unit": "rank", "comparator": "<="}, "≤ 20 rank"),
        ({"value": 2.5, "unit": "percentage_point"}, "2.5 pp"),
    ],
)
def test_format_value(fields: dict[str, Any], expected: str) -> None:
    assert format_value({"comparator": "=", "value_max": None, **fields}) == expected


# --- reading and the command ---------------------------------------------------------------


def test_collect_articles_uses_extract_reading(extractor: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("By 2025, the city will build 300 new schools.\r\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    articles = collect_articles([str(tmp_path)], extractor=extractor)
    assert [a.name for a in articles] == ["a.txt", "b.txt"]
    good, bad = articles
    assert bad.error == "skipped: binary file" and bad.records == ()
    assert good.text.endswith("schools.\n")  # the same newline normalization as extract
    assert good.records and all(good.text[r["start"] : r["end"]] == r["text"] for r in good.records)


def test_samples_page_highlights_every_record_exactly(extractor: Any) -> None:
    articles = collect_articles([str(SAMPLES)], extractor=extractor)
    page = render_review(articles)
    spans = parse(page)
    data = embedded_data(page)["records"]
    assert len(data) == sum(len(a.records) for a in articles) > 0
    for item in data:
        assert spans.by_record[str(item["id"])] == item["text"]


def test_review_command(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "plan.txt").write_text(
        f"By 2030, the province will raise forest cover to 40 percent.\n{HOSTILE}\n", encoding="utf-8"
    )
    output = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(folder), "-o", str(output), "--published", "2024-05-01"])
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "40 percent" in parse(page).by_record.values()
    assert "<script>alert(1)" not in page
    assert embedded_data(page)["records"][0]["published"] == "2024-05-01"


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["--published", "May 2024"], 2, "--published"),
        (["--glob", " , "], 2, "--glob"),
        (["--patterns", "no/such/folder"], 2, "--patterns"),
    ],
)
def test_review_command_rejects_bad_options(tmp_path: Path, arguments: list[str], code: int, message: str) -> None:
    result = CliRunner().invoke(app, ["review", str(SAMPLES), "-o", str(tmp_path / "r.html"), *arguments])
    assert result.exit_code == code
    assert message in result.output
    assert not (tmp_path / "r.html").exists()


def test_review_command_reports_unreadable_inputs(tmp_path: Path) -> None:
    output = tmp_path / "r.html"
    result = CliRunner().invoke(
        app, ["review", str(SAMPLES / "000_bfec334126a26d00.txt"), "missing.txt", "-o", str(output)]
    )
    assert result.exit_code == 1
    assert "missing.txt: skipped: no such file" in result.output
    assert "skipped: no such file" in output.read_text(encoding="utf-8")


# --- a real browser ------------------------------------------------------------------------


def _render_module() -> Any:
    spec = importlib.util.spec_from_file_location("render_review", ROOT / "scripts" / "render_review.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_review", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_page_renders_in_headless_chromium_without_errors(extractor: Any, tmp_path: Path) -> None:
    render_review_script = _render_module()
    chromium = render_review_script.find_chromium()
    if chromium is None:
        pytest.skip("no chromium installed (apt-get install chromium, or set $CHROMIUM)")
    (tmp_path / "hostile.txt").write_text(f"{HOSTILE}\nThe city will plant 30,000 trees by 2026.\n", encoding="utf-8")
    articles = collect_articles([str(SAMPLES), str(tmp_path / "hostile.txt")], extractor=extractor)
    page_path = tmp_path / "review.html"
    page_path.write_text(render_review(articles), encoding="utf-8")
    screenshot = tmp_path / "review.png"
    result = render_review_script.render(page_path, screenshot=screenshot, click_row=1, chromium=chromium)
    assert result.errors == []  # no script error, no CSP violation, alert() never called
    assert result.ready
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.dom
    assert 'class="card"' in result.dom  # clicking a table row filled the side panel
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_script_catches_a_script_that_runs(tmp_path: Path) -> None:
    render_review_script = _render_module()
    chromium = render_review_script.find_chromium()
    if chromium is None:
        pytest.skip("no chromium installed (apt-get install chromium, or set $CHROMIUM)")
    page = render_review([Article("a.txt", "Nothing here.", None, ())])
    # A page whose escaping failed: an inline script the CSP does not allow.
    broken = page.replace("Nothing here.", "<script>alert(1)</script>")
    page_path = tmp_path / "broken.html"
    page_path.write_text(broken, encoding="utf-8")
    result = render_review_script.render(page_path, chromium=chromium)
    assert any("CSP violation" in error for error in result.errors)
    assert not result.ok


def test_an_article_the_engine_fails_on_is_shown_with_its_error(tmp_path: Path) -> None:
    class Failing:
        def extract_many(self, docs: Any, *, published: str | None = None) -> Any:
            raise ValueError("engine broke")

    (tmp_path / "a.txt").write_text("The port will handle 5 million containers.", encoding="utf-8")
    [article] = collect_articles([str(tmp_path)], extractor=Failing())  # type: ignore[arg-type]
    assert article.error == "extraction failed: ValueError: engine broke"
    page = render_review([article])
    assert "engine broke" in page and "5 million containers" in page


def test_review_command_reports_an_unknown_model(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["review", str(SAMPLES), "-o", str(tmp_path / "r.html"), "--model", "no_such_pipeline_xyz"]
    )
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.output
