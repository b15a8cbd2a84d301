"""Printing the example plans with headless Chromium (Debian's chromium), for the print tests
(imported by the test modules; not a conftest.py, whose module name Tests/pty already uses).

Every HTML file is printed once per paper size and the PDF kept for the session. The layout
probe loads a copy of a plan with its print stylesheet applied on screen (``@media print``
read as ``@media all``) in a window as wide as the printable width of the paper, and measures
with Chromium's own layout (``Range.getClientRects``) whether any word in a table cell is set on
two lines. The row markers are tiny white labels put at the start of every table body row, so
that the PDF's text says which rows of which table each page holds.
"""
import html as entities
import json
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "Reports" / "examples"
SLUGS = ["general-ledger", "group-consolidation", "treasury-payments"]
PAPERS = ["A4", "letter"]
# Page margins of plan.css (`@page { margin: 12mm 11mm; }`) and the printable width they leave,
# in CSS pixels (96 per inch).
MARGIN_MM = (12, 11)
PAPER_WIDTH_MM = {"A4": 210.0, "letter": 215.9}


def printable_width_px(paper):
    return round((PAPER_WIDTH_MM[paper] - 2 * MARGIN_MM[1]) / 25.4 * 96)


def example(slug, kind):
    """The golden of `kind`: "plan", "no-appendix" or "pack"."""
    suffix = {"plan": ".html", "no-appendix": ".no-appendix.html", "pack": ".pack.html"}[kind]
    return EXAMPLES / f"{slug}-run-1{suffix}"


def chromium():
    binary = shutil.which("chromium")
    assert binary, "Debian's chromium is needed (scripts/install-deps.sh --test installs it)"
    return binary


def chromium_command(profile):
    return [chromium(), "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", f"--user-data-dir={profile}"]


class Printer:
    """Prints HTML text to PDF on a paper size, once per (name, paper)."""

    def __init__(self, folder):
        self.folder = folder
        self.cache = {}

    def pdf(self, name, html, paper):
        key = (name, paper)
        if key not in self.cache:
            page = self.folder / f"{name}.{paper}.html"
            page.write_text(html.replace("<style>", f"<style>@page {{ size: {paper}; }}", 1), encoding="utf-8")
            pdf = self.folder / f"{name}.{paper}.pdf"
            subprocess.run(chromium_command(self.folder / "profile") + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                           check=True, capture_output=True, timeout=180)
            self.cache[key] = pdf
        return self.cache[key]

    def file(self, path, paper):
        return self.pdf(path.name, path.read_text(encoding="utf-8"), paper)


def page_count(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(info.split("Pages:")[1].split()[0])


def page_text(pdf, number, layout=True):
    arguments = ["pdftotext", "-f", str(number), "-l", str(number)] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def flat(text):
    return " ".join(text.split())


PROBE = r"""
(function () {
  const out = {viewport: window.innerWidth, brokenWords: [], overflowingCells: [], pageOverflow: 0, cutLabels: [], cells: 0};
  const word = /[\p{L}\p{N}]+/gu;
  for (const cell of document.querySelectorAll('td, th')) {
    out.cells += 1;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      word.lastIndex = 0;
      let match;
      while ((match = word.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) out.brokenWords.push(match[0]);
      }
    }
    if (cell.scrollWidth > cell.clientWidth + 1) out.overflowingCells.push(cell.textContent.trim().slice(0, 80));
  }
  out.pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  for (const label of document.querySelectorAll('svg.chart text.label')) {
    const box = label.getBBox();
    if (box.x < 0) out.cutLabels.push(label.textContent);
  }
  const pre = document.createElement('pre');
  pre.id = 'layout-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def layout(folder, path, paper):
    """Chromium's layout of `path` with its print stylesheet, at the printable width of `paper`."""
    html = path.read_text(encoding="utf-8")
    assert "@media print {" in html
    html = html.replace("@media print {", "@media all {", 1).replace("</body>", f"<script>{PROBE}</script></body>", 1)
    page = folder / f"{path.name}.{paper}.probe.html"
    page.write_text(html, encoding="utf-8")
    dom = subprocess.run(chromium_command(folder / "profile") + [f"--window-size={printable_width_px(paper)},1200", "--dump-dom",
                                                                  page.as_uri()],
                         check=True, capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'<pre id="layout-probe">(.*?)</pre>', dom, re.S)
    assert found, "the layout probe did not run"
    return json.loads(entities.unescape(found.group(1)))


def with_row_markers(html):
    """`html` with a marker ⟦T<table>R<row>⟧ at the start of the first cell of every body row
    (header rows and the detail rows under an action are not rows of their own)."""
    out, position, table, row = [], 0, -1, 0
    for match in re.finditer(r"<table\b|<tr\b[^>]*>\s*<t[dh]\b[^>]*>", html):
        out.append(html[position:match.end()])
        position = match.end()
        if match.group(0).startswith("<table"):
            table, row = table + 1, 0
            continue
        before = html[:match.start()]
        if before.rfind("<thead") > before.rfind("</thead>") or 'class="details"' in match.group(0):
            continue
        out.append(f'<span class="row-marker">⟦T{table}R{row}⟧</span>')
        row += 1
    out.append(html[position:])
    return "".join(out).replace("<style>", "<style>.row-marker { font-size: 1px; color: #fff; }", 1)


@pytest.fixture(scope="session")
def printer(tmp_path_factory):
    return Printer(tmp_path_factory.mktemp("print"))
