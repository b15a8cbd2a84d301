"""The portfolio page for the SOX PMO: valid HTML5 with nothing to fetch, user text escaped,
and, printed by headless Chromium, A4 landscape pages whose application table repeats its
header on every page and never splits a row."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import html5lib
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SOXREADY_BIN", str(ROOT / ".build" / "debug" / "soxready"))
QUESTIONNAIRE = str(ROOT / "Questionnaires" / "sox-azure-migration.yaml")
HOSTILE = '<script>alert("x")</script> & Co\'s "GL"'


def soxready(folder, *args):
    environment = dict(os.environ, NO_COLOR="1")
    environment.pop("SOXREADY_STORE", None)
    return subprocess.run([BINARY, *args], cwd=folder, env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def workspace():
    with tempfile.TemporaryDirectory() as folder:
        generated = soxready(folder, "bench-generate", "--apps", "60", "--runs", "2", "--questionnaire", QUESTIONNAIRE)
        assert generated.returncode == 0, generated.stderr
        answers = pathlib.Path(folder) / "hostile.yaml"
        example = (ROOT / "Questionnaires" / "examples" / "general-ledger.yaml").read_text(encoding="utf-8")
        answers.write_text(re.sub(r"(?m)^app: .*$", "app: " + json.dumps(HOSTILE), example, count=1), encoding="utf-8")
        recorded = soxready(folder, "assess", "--answers", str(answers))
        assert recorded.returncode == 0, recorded.stderr
        yield pathlib.Path(folder)


def test_the_page_is_valid_html5_with_nothing_to_fetch_and_the_name_escaped(workspace):
    result = soxready(workspace, "portfolio", "--format", "html", "--output", "-", "--as-of", "2026-12-01")
    assert result.returncode == 0, result.stderr
    parser = html5lib.HTMLParser(strict=True)
    document = parser.parse(result.stdout)
    assert not parser.errors
    namespace = {"h": "http://www.w3.org/1999/xhtml"}
    assert document.findall(".//h:script", namespace) == []
    assert not re.search(r'(src|href)="(https?:)?//', result.stdout)
    assert "<script>alert" not in result.stdout
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s &quot;GL&quot;" in result.stdout
    rows = document.findall(".//h:table[@class='apps']/h:tbody/h:tr", namespace)
    assert len(rows) == 61


def test_the_markdown_escapes_the_name(workspace):
    result = soxready(workspace, "portfolio", "--format", "md", "--output", "-", "--as-of", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "\\<script\\>" in result.stdout or "&lt;script&gt;" in result.stdout


def test_it_prints_on_a4_landscape_with_the_header_on_every_page_of_the_table(workspace):
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed (scripts/install-deps.sh installs it)"
    written = soxready(workspace, "portfolio", "--as-of", "2026-12-01")
    assert written.returncode == 0, written.stderr
    assert written.stdout == "Reports/portfolio-2026-12-01.html\nReports/portfolio-2026-12-01.md\n"
    page = workspace / "Reports" / "portfolio-2026-12-01.html"
    pdf = workspace / "portfolio.pdf"
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={workspace}/profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (842, 595)      # A4 landscape
    pages = int(info.split("Pages:")[1].split()[0])
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"], check=True,
                            capture_output=True, text=True).stdout for n in range(1, pages + 1)]
    first_table_page = next(n for n, text in enumerate(texts) if "Applications and domain scores" in text)
    # The name column wraps "Synthetic application" above its number, which starts its line.
    seen = []
    for text in texts[first_table_page:]:
        found = [int(n) for n in re.findall(r"(?m)^\s*(\d{5})\b", text)]
        if found:
            assert re.search(r"Application\s+Level\s+Score", text), "the table header repeats on every page"
        seen += found
    # Every application appears once, whole (a row split across pages would lose or repeat it).
    assert sorted(seen) == list(range(1, 61))
    assert pages >= 3
