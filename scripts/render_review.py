"""Render a ``plancli review`` page in headless Chromium: screenshot it and fail on any script error.

    python scripts/render_review.py review.html --screenshot review.png [--click-row 1]

A probe script is put at the top of a copy of the page (its hash added to the
page's Content-Security-Policy). It records, into an attribute of ``<html>``,
uncaught errors, unhandled promise rejections, ``console.error`` calls, CSP
violations (an inline script that escaped escaping, or a network fetch) and
any ``alert()`` call. ``--dump-dom`` gives back the DOM after load; the script
exits 1 when the probe saw anything, or when the page's own script did not
finish (``<body data-ready>`` missing). Chromium: ``$CHROMIUM``, else
``chromium``, ``chromium-browser`` or ``google-chrome`` on PATH; exit 3 when
none is found.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ERRORS_ATTRIBUTE = "data-plancli-errors"
PROBE = """(function () {
  var errors = [];
  function note(message) {
    errors.push(String(message));
    document.documentElement.setAttribute("%(attribute)s", JSON.stringify(errors));
  }
  document.documentElement.setAttribute("%(attribute)s", "[]");
  window.addEventListener("error", function (event) {
    note("error: " + (event.message || event.type) + " at " + (event.filename || "") + ":" + (event.lineno || ""));
  }, true);
  window.addEventListener("unhandledrejection", function (event) { note("unhandled rejection: " + event.reason); });
  document.addEventListener("securitypolicyviolation", function (event) {
    note("CSP violation: " + event.violatedDirective + " " + (event.blockedURI || ""));
  });
  var consoleError = console.error;
  console.error = function () {
    note("console.error: " + Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };
  window.alert = function (message) { note("alert() called: " + message); };
  var clickRow = %(click_row)d;
  if (clickRow > 0) {
    document.addEventListener("DOMContentLoaded", function () {
      var row = document.querySelectorAll("#targets-table tr[data-r]")[clickRow - 1];
      if (!row) { return; }
      row.click();
      // Headless --screenshot paints only the unscrolled viewport: undo the page's scroll, shift <main> instead.
      var selected = document.querySelector(".q.selected");
      window.scrollTo(0, 0);
      if (selected) {
        var shift = Math.max(0, selected.getBoundingClientRect().top - window.innerHeight / 3);
        document.querySelector("main").style.transform = "translateY(-" + shift + "px)";
      }
    });
  }
})();"""


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What the browser saw: script errors, whether the page script finished, the DOM after load."""

    errors: list[str]
    ready: bool
    dom: str
    console: list[str]

    @property
    def ok(self) -> bool:
        return self.ready and not self.errors


def find_chromium() -> str | None:
    """The Chromium binary to use (``$CHROMIUM`` if set, else the first on PATH), or None."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return shutil.which(explicit)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def with_probe(page: str, click_row: int = 0) -> str:
    """``page`` with the probe script first in ``<head>`` and allowed by its CSP."""
    probe = PROBE % {"attribute": ERRORS_ATTRIBUTE, "click_row": click_row}
    digest = base64.b64encode(hashlib.sha256(probe.encode("utf-8")).digest()).decode("ascii")
    page = page.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    return page.replace("<head>", f"<head>\n<script>{probe}</script>", 1)


def render(
    page_path: Path, *, screenshot: Path | None = None, click_row: int = 0, size: str = "1400,1000", chromium: str
) -> RenderResult:
    """Load a copy of the page with the probe in headless Chromium; optionally save a PNG screenshot."""
    page = page_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="plancli-render-") as folder:
        probed = Path(folder) / "page.html"
        probed.write_text(with_probe(page, click_row), encoding="utf-8")
        common = [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--window-size={size}",
            "--virtual-time-budget=5000",
            "--enable-logging=stderr",
            "--v=0",
        ]
        url = probed.as_uri()
        dumped = subprocess.run([*common, "--dump-dom", url], check=False, capture_output=True, text=True, timeout=120)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = subprocess.run(
                [*common, f"--screenshot={screenshot.resolve()}", url],
                check=False,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if not screenshot.exists():
                raise RuntimeError(f"chromium made no screenshot: {shot.stderr.strip()[-500:]}")
    dom = dumped.stdout
    if not dom.strip():
        raise RuntimeError(f"chromium returned no DOM (exit {dumped.returncode}): {dumped.stderr.strip()[-500:]}")
    return RenderResult(
        errors=_probe_errors(dom),
        ready=re.search(r"<body[^>]*\sdata-ready=\"\d+\"", dom) is not None,
        dom=dom,
        console=[line for line in dumped.stderr.splitlines() if "CONSOLE" in line],
    )


def _probe_errors(dom: str) -> list[str]:
    match = re.search(ERRORS_ATTRIBUTE + r"=\"([^\"]*)\"", dom)
    if match is None:
        return ["the probe script did not run"]
    return [str(item) for item in json.loads(html.unescape(match.group(1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path, help="HTML file written by 'plancli review'")
    parser.add_argument("--screenshot", type=Path, help="write a PNG screenshot here")
    parser.add_argument("--click-row", type=int, default=0, help="click this row of the targets table after load")
    parser.add_argument("--window-size", default="1400,1000", help="WIDTH,HEIGHT (default 1400,1000)")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("render_review: no chromium found (set $CHROMIUM or apt-get install chromium)", file=sys.stderr)
        return 3
    result = render(
        args.page, screenshot=args.screenshot, click_row=args.click_row, size=args.window_size, chromium=chromium
    )
    for line in result.console:
        print(f"render_review: console: {line}", file=sys.stderr)
    for error in result.errors:
        print(f"render_review: {args.page}: {error}", file=sys.stderr)
    if not result.ready:
        print(f"render_review: {args.page}: the page script did not finish (no data-ready)", file=sys.stderr)
    if result.ok:
        print(
            f"render_review: {args.page}: rendered, no script errors"
            + (f"; {args.screenshot}" if args.screenshot else "")
        )
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
