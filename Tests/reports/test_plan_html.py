"""The HTML plans are valid HTML5 and, printed by headless Chromium, show the level and the
reasons on the first page of A4 and of Letter."""
import pathlib
import shutil
import subprocess
import tempfile

import html5lib
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "Reports" / "examples").glob("*.html"))
LEVELS = {"Ready with conditions", "Not ready", "Ready", "Readiness unknown"}


def test_there_are_example_plans():
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_html5_is_valid(path):
    parser = html5lib.HTMLParser(strict=True)
    document = parser.parse(path.read_text(encoding="utf-8"))
    assert not parser.errors
    namespace = {"h": "http://www.w3.org/1999/xhtml"}
    assert document.find(".//h:h1", namespace) is not None
    assert len(document.findall(".//h:table/h:thead/h:tr/h:th", namespace)) > 20
    assert document.findall(".//h:script", namespace) == []


def reasons_of(path):
    text = path.with_suffix(".md").read_text(encoding="utf-8")
    section = text.split("## Why this level\n", 1)[1].split("\n## ", 1)[0].split("The questions named above", 1)[0]
    return [line[2:] for line in section.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_first_printed_page_shows_the_level_and_the_reasons(path, paper):
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed (scripts/install-deps.sh installs it)"
    with tempfile.TemporaryDirectory() as folder:
        page = pathlib.Path(folder) / "plan.html"
        page.write_text(path.read_text(encoding="utf-8").replace("<style>", f"<style>@page {{ size: {paper}; }}", 1), encoding="utf-8")
        pdf = pathlib.Path(folder) / "plan.pdf"
        subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", f"--user-data-dir={folder}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], check=True,
                               capture_output=True, text=True).stdout
        pages = int(subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
                    .split("Pages:")[1].split()[0])
    flat = " ".join(first.split())
    assert any(level in flat for level in LEVELS)
    for reason in reasons_of(path):
        assert " ".join(reason.split())[:40] in flat
    assert pages >= 3
