"""The HTML plans and sign-off packs are valid, self-contained HTML5 with tables of at most six
columns and, printed by headless Chromium on A4 and on Letter, open with the executive summary:
the level, every reason, the cutover date and what is to close before go-live, with its owners."""
import json
import pathlib

import html5lib
import pytest
import yaml

from printing import EXAMPLES, PAPERS, ROOT, SLUGS, example, flat, page_count, page_text, printer  # noqa: F401 (fixture)

KINDS = ["plan", "no-appendix", "pack"]
ALL = [(slug, kind) for slug in SLUGS for kind in KINDS]
LEVELS = {"ready": "Ready", "ready-with-conditions": "Ready with conditions", "not-ready": "Not ready",
          "readiness-unknown": "Readiness unknown"}
NS = {"h": "http://www.w3.org/1999/xhtml"}


def ids(value):
    return "-".join(value) if isinstance(value, tuple) else str(value)


def result(slug):
    return json.loads((EXAMPLES / f"{slug}-run-1.json").read_text(encoding="utf-8"))


def titles():
    questionnaire = yaml.safe_load((ROOT / "Questionnaires" / "sox-azure-migration.yaml").read_text(encoding="utf-8"))
    return {q["id"]: q.get("title", q["id"]) for domain in questionnaire["domains"] for q in domain["questions"]}


def test_there_are_the_example_plans_and_packs():
    assert sorted(p.name for p in EXAMPLES.glob("*.html")) == sorted(example(s, k).name for s, k in ALL)


@pytest.mark.parametrize("slug,kind", ALL, ids=ids)
def test_html5_is_valid_and_self_contained(slug, kind):
    text = example(slug, kind).read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=True)
    document = parser.parse(text)
    assert not parser.errors
    assert document.find(".//h:h1", NS) is not None
    assert document.findall(".//h:script", NS) == []
    for needle in ["<script", " src=", "<link", "@import", "url("]:
        assert needle not in text


@pytest.mark.parametrize("slug,kind", ALL, ids=ids)
def test_no_table_has_more_than_six_columns(slug, kind):
    document = html5lib.parse(example(slug, kind).read_text(encoding="utf-8"))
    tables = document.findall(".//h:table", NS)
    assert tables
    for table in tables:
        for row in table.findall(".//h:tr", NS):
            cells = [c for c in row if c.tag in ("{%s}td" % NS["h"], "{%s}th" % NS["h"])]
            assert sum(int(c.get("colspan", "1")) for c in cells) <= 6


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("slug,kind", ALL, ids=ids)
def test_the_first_printed_page_is_the_executive_summary(printer, slug, kind, paper):
    pdf = printer.file(example(slug, kind), paper)
    first = flat(page_text(pdf, 1))
    recorded = result(slug)
    assert LEVELS[recorded["readiness"]] in first
    # Every reason, in one sentence each (the first 40 characters are enough to find it).
    for reason in recorded["reasons"]:
        assert flat(reason["text"])[:40] in first
    assert f"Cutover: {recorded['calendar']['cutover']}" in first
    assert "To close before go-live" in first
    # What is to close, with its owners: the first blocker (else the first gap with a commitment)
    # by its short title, and the person committed to it when there is one.
    name = titles()
    blockers = [g for g in recorded["gaps"] if g["gate"] == "icfr"] + [g for g in recorded["gaps"] if g["gate"] == "technical"]
    committed = [g for g in recorded["gaps"] if g["commitment"]]
    first_item = (blockers or committed)[0]
    assert name[first_item["question"]] in first
    if first_item["commitment"]:
        assert first_item["commitment"]["owner"] in first
    if committed:
        assert "Named owners:" in first
        for gap in committed:
            assert gap["commitment"]["owner"] in first
    else:
        assert "has a commitment" in first  # "None of the 40 open gaps has a commitment …"
    if kind != "pack":
        assert page_count(pdf) >= 3
