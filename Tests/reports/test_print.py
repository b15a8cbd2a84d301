"""Printing the plans and packs with headless Chromium: the pack's pages, the full plans' page
counts as docs/plan.md records them, no word broken in any table cell (measured with Chromium's
layout), no page holding a lone table row, the sign-off block on one page, the chart's domain
names whole."""
import collections
import os
import re
import subprocess

import pytest

from printing import (PAPERS, ROOT, SLUGS, example, flat, layout, page_count, page_text, printable_width_px,  # noqa: F401
                      printer, with_row_markers, Printer)

BINARY = os.environ.get("SOXREADY_BIN", str(ROOT / ".build" / "debug" / "soxready"))

KINDS = ["plan", "no-appendix", "pack"]


def ids(value):
    return "-".join(value) if isinstance(value, tuple) else str(value)


def recorded_page_counts():
    """The table between the page-count markers of docs/plan.md: {slug: {column: pages}}."""
    text = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    table = text.split("<!-- page-counts -->", 2)[1]
    rows = [line.strip().strip("|").split("|") for line in table.strip().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0]]
    counts = {}
    for row in rows[2:]:
        cells = [cell.strip() for cell in row]
        counts[cells[0].strip("`")] = dict(zip(header[1:], (int(c) for c in cells[1:])))
    return counts


def test_the_page_margins_are_those_the_probe_assumes():
    css = (ROOT / "Reports" / "templates" / "plan.css").read_text(encoding="utf-8")
    assert "@page { margin: 12mm 11mm; }" in css
    assert printable_width_px("A4") == 711 and printable_width_px("letter") == 733


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_sign_off_pack_prints_on_at_most_two_pages(printer, slug, paper):
    assert page_count(printer.file(example(slug, "pack"), paper)) <= 2


@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_counts_are_those_docs_plan_md_records(printer, slug):
    recorded = recorded_page_counts()[slug]
    measured = {}
    for kind, label in [("plan", "plan"), ("no-appendix", "without appendix"), ("pack", "pack")]:
        for paper, name in [("A4", "A4"), ("letter", "Letter")]:
            measured[f"{label}, {name}"] = page_count(printer.file(example(slug, kind), paper))
    assert measured == recorded


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug,kind", [(s, k) for s in SLUGS for k in KINDS], ids=ids)
def test_no_word_is_broken_and_nothing_overflows(tmp_path, slug, kind, paper):
    measured = layout(tmp_path, example(slug, kind), paper)
    assert measured["viewport"] == printable_width_px(paper)
    assert measured["cells"] > 20
    assert measured["brokenWords"] == []
    assert measured["overflowingCells"] == []
    assert measured["pageOverflow"] <= 0
    assert measured["cutLabels"] == []


def test_the_probe_finds_broken_words_in_the_rules_1_plan(tmp_path):
    """The frozen rules-1 plan (ten columns, overflow-wrap: anywhere) breaks words: the probe must see it."""
    measured = layout(tmp_path, ROOT / "Tests" / "Fixtures" / "rules-1" / "group-consolidation-run-1.html", "A4")
    assert len(measured["brokenWords"]) > 20


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug,kind", [(s, k) for s in SLUGS for k in KINDS], ids=ids)
def test_no_page_holds_a_lone_row(printer, slug, kind, paper):
    path = example(slug, kind)
    pdf = printer.pdf(f"{path.name}.marked", with_row_markers(path.read_text(encoding="utf-8")), paper)
    pages = [collections.Counter(int(t) for t, _ in re.findall(r"⟦T(\d+)R(\d+)⟧", page_text(pdf, n, layout=False)))
             for n in range(1, page_count(pdf) + 1)]
    rows = sum(pages, collections.Counter())
    assert rows, "no row marker was found in the PDF"
    for number, counts in enumerate(pages, start=1):
        for table, count in counts.items():
            assert count > 1 or rows[table] == 1, f"page {number} holds a single row of table {table} ({rows[table]} rows)"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug,kind", [(s, k) for s in SLUGS for k in KINDS], ids=ids)
def test_the_sign_off_block_is_on_one_page(printer, slug, kind, paper):
    pdf = printer.file(example(slug, kind), paper)
    texts = [flat(page_text(pdf, n)) for n in range(1, page_count(pdf) + 1)]
    pages = [n for n, text in enumerate(texts) if "Finance sign-off" in text and "Sign-off status:" in text]
    assert len(pages) == 1
    page = texts[pages[0]]
    for part in ["I have read the migration plan of this run", "soxready signoff --app", "WHAT TO CHANGE",
                 "Decision (approve or send back)", "Comment (required to send back"]:
        assert part in page


def summary_rows(html, heading):
    """The rows of the executive-summary table under the heading that starts with `heading`, and
    the N of its "and N more — see the plan" row (0 when it has none)."""
    start = html.index(f"<h4>{heading}")
    table = html[start:html.index("</table>", start)]
    more = re.search(r"and (\d+) more — see the plan", table)
    return table.count('<tr><td class="c-item">'), int(more.group(1)) if more else 0


@pytest.mark.parametrize("paper", PAPERS)
def test_a_pack_with_long_lists_cuts_them_and_still_prints_on_two_pages(tmp_path, paper):
    """A real assessment with 25 open ICFR gates and over 60 conditions (the new-user trial's
    Accounts Payable): the pack shows the first 16 gates and 32 conditions, 16 once a sign-off
    decision also takes room on the page, each list ending with how many more the plan has, and
    prints on two pages either way."""
    answers = ROOT / "Tests" / "reports" / "fixtures" / "accounts-payable.yaml"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SOXREADY_CACHE": str(tmp_path / "cache")}
    subprocess.run([BINARY, "assess", "--answers", str(answers)], cwd=tmp_path, env=env, check=True, capture_output=True)
    folder = tmp_path / "Reports" / "accounts-payable"
    plan = (folder / "accounts-payable-run-1.html").read_text(encoding="utf-8")
    pack = (folder / "accounts-payable-run-1.pack.html").read_text(encoding="utf-8")
    for heading, shown in [("ICFR blockers", 16), ("Conditions", 32)]:
        total, none = summary_rows(plan, heading)
        assert none == 0 and total > shown, f"the plan lists every {heading} row"
        assert summary_rows(pack, heading) == (shown, total - shown)
    assert page_count(Printer(tmp_path).pdf("accounts-payable-pack", pack, paper)) == 2
    # The sentence that counts the open gaps does not say they are all listed below, in the pack.
    golive = pack.split('<p class="golive">', 1)[1].split("</p>", 1)[0]
    assert "open gaps of this run" in golive and "listed below" not in golive
    assert "listed below" in plan.split('<p class="golive">', 1)[1].split("</p>", 1)[0]

    # A controller sends it back: the decision is shown on page 1 and the conditions get 16 rows.
    subprocess.run([BINARY, "signoff", "--app", "Accounts Payable", "--reviewer", "Lee Chen", "--role", "Controller",
                    "--decision", "send-back", "--comment", "Name an owner and a date for each gate"],
                   cwd=tmp_path, env=env, check=True, capture_output=True)
    pack = (folder / "accounts-payable-run-1.pack.html").read_text(encoding="utf-8")
    total, _ = summary_rows(plan, "Conditions")
    assert summary_rows(pack, "Conditions") == (16, total - 16)
    assert page_count(Printer(tmp_path).pdf("accounts-payable-pack-sent-back", pack, paper)) == 2
