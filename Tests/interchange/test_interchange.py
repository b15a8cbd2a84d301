"""Interchange formats of the three bundled examples (docs/export.md): every OSCAL document
loads with compliance-trestle's models (validate_oscal.py, stricter than trestle), UUIDs are
stable and follow the documented scheme, and the PBC list and the Boards CSV read back with
python's csv module, row by row, against the run's JSON, its answers file and its questionnaire.

The runs are recorded with `soxready assess --answers` into a temporary store: the three examples
as they are, and a second General Ledger run whose answers add two commitments (one owner with an
e-mail address, one without), so that milestones, due dates and Assigned To are exercised too.
"""
import copy
import csv
import hashlib
import html
import io
import json
import os
import pathlib
import re
import subprocess
import uuid

import pytest
import yaml

import trestle.oscal
from validate_oscal import OscalInvalid, validate

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("SOXREADY_BIN", str(ROOT / ".build" / "debug" / "soxready"))
QUESTIONNAIRE = ROOT / "Questionnaires" / "sox-azure-migration.yaml"
EXAMPLES = ["general-ledger", "consolidation", "treasury-payments"]
UUID5 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SOXREADY_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:soxready:oscal")
COMMITMENTS = [("Priya Raman <priya.raman@contoso.com>", "2027-03-01"), ("Sam Ortiz", "2027-02-15")]
FORMATS = {"oscal-ar": "oscal-ar.json", "oscal-poam": "oscal-poam.json", "pbc": "pbc.csv", "pbc-md": "pbc.md", "csv": "csv", "json": "json"}


def soxready(*args, cwd, raw=False):
    """Runs the binary; `raw` keeps stdout as bytes (text mode would turn CRLF into LF)."""
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=not raw, check=False)


def with_commitments(text, gap_ids):
    """The answers file with the owner and due date of the first two gaps written as a block mapping
    replaced (or added)."""
    done = 0
    lines = text.splitlines(keepends=True)
    out = []
    replacing = False
    for line in lines:
        if replacing and line.startswith("    "):
            if re.match(r"^    (owner|due):", line):
                continue
        else:
            replacing = False
        out.append(line)
        m = re.match(r"^  ([a-z0-9-]+):\s*$", line)
        if m and m.group(1) in gap_ids and done < len(COMMITMENTS):
            owner, due = COMMITMENTS[done]
            out.append(f'    owner: "{owner}"\n    due: {due}\n')
            done += 1
            replacing = True
    assert done == len(COMMITMENTS), "the example no longer has two gaps written as block mappings"
    return "".join(out)


@pytest.fixture(scope="session")
def runs(tmp_path_factory):
    """(app slug, run number) → {"answers": answers file text, "files": {format: path}, "folder": …}."""
    folder = tmp_path_factory.mktemp("interchange")
    store = folder / "store.sqlite"
    recorded = {}

    def record(answers_path):
        result = soxready("assess", "--store", str(store), "--questionnaire", str(QUESTIONNAIRE), "--answers", str(answers_path),
                          "--output", str(folder / "plans"), cwd=folder)
        assert result.returncode == 0, result.stderr

    def render(app, number, answers_text):
        out = folder / f"{app}-{number}"
        for fmt in FORMATS:
            result = soxready("report", "--store", str(store), "--app", app, "--run", str(number), "--format", fmt, "--output", str(out), cwd=folder)
            assert result.returncode == 0, f"{app} run {number} {fmt}: {result.stderr}"
        files = {fmt: next(out.glob(f"*-run-{number}.{ext}")) for fmt, ext in FORMATS.items()}
        recorded[(app, number)] = {"answers": answers_text, "files": files, "folder": out, "store": store}

    for example in EXAMPLES:
        path = ROOT / "Questionnaires" / "examples" / f"{example}.yaml"
        record(path)
        app = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["app"]
        render(app, 1, path.read_text(encoding="utf-8"))
    # A second General Ledger run with two commitments.
    first = recorded[("General Ledger", 1)]
    gaps = {g["question"] for g in json.loads(first["files"]["json"].read_text(encoding="utf-8"))["gaps"]}
    text = with_commitments((ROOT / "Questionnaires" / "examples" / "general-ledger.yaml").read_text(encoding="utf-8"), gaps)
    second = folder / "general-ledger-commitments.yaml"
    second.write_text(text, encoding="utf-8")
    record(second)
    render("General Ledger", 2, text)
    return recorded


RUN_IDS = [("General Ledger", 1), ("Group Consolidation", 1), ("Treasury Payments", 1), ("General Ledger", 2)]
ids = [f"{app} run {n}" for app, n in RUN_IDS]


def result_of(run):
    return json.loads(run["files"]["json"].read_text(encoding="utf-8"))


def questionnaire():
    return yaml.load(QUESTIONNAIRE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def questions():
    """Question id → (question, domain), in questionnaire order."""
    out = {}
    for domain in questionnaire()["domains"]:
        for q in domain["questions"]:
            out[q["id"]] = (q, domain)
    return out


def answers_of(run):
    return yaml.load(run["answers"], Loader=yaml.BaseLoader)["answers"]


def record_of(answers, qid):
    value = answers.get(qid)
    return value if isinstance(value, dict) else {"answer": value} if value is not None else {}


def title(q):
    return q.get("title") or q["id"]


def applies(when, answers):
    """The bundled questionnaire's `when` forms, evaluated on an answers file: `a or b`,
    `id contains 'x'`, `id in ['x', 'y']`, `id != 'x'`, `id == 'x'`. Any other form is an
    error, so that a new form is noticed here rather than guessed."""
    def one(term):
        m = re.fullmatch(r"\s*([a-z0-9-]+) (contains|in|!=|==) (.+?)\s*", term)
        assert m, f"a `when` form this test does not evaluate: {term}"
        qid, op, operand = m.groups()
        value = record_of(answers, qid).get("answer")
        if op == "contains":
            return isinstance(value, list) and operand.strip("'") in value
        if op == "in":
            return value in [v.strip().strip("'") for v in operand.strip("[]").split(",")]
        if value is None or value in ("unknown", "n/a"):
            return False      # a condition on an unanswered, unknown or n/a question does not hold
        return (value == operand.strip("'")) == (op == "==")
    return any(one(term) for term in when.split(" or "))


def is_key(q):
    return q.get("gating") in ("true", "technical") or q.get("control") == "preventive-mandatory" or q.get("key") == "true"


def is_scored(q):
    if q["type"] in ("yes-no", "yes-partial-no"):
        return True
    if q["type"] in ("choice", "multi"):
        return bool(q.get("choices")) and all("score" in c for c in q["choices"])
    return q["type"] == "number" and bool(q.get("bands"))


def esc(text):
    """HTML text as soxready escapes it: the five entities, an apostrophe as &#39;."""
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


def fingerprint(run):
    doc = json.loads(run["files"]["oscal-ar"].read_text(encoding="utf-8"))["assessment-results"]
    return next(p["value"] for p in doc["metadata"]["props"] if p["name"] == "run-fingerprint")


# --- OSCAL ------------------------------------------------------------------------------

def test_trestle_is_the_pinned_version():
    assert trestle.oscal.OSCAL_VERSION == "1.2.1"


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
@pytest.mark.parametrize("fmt", ["oscal-ar", "oscal-poam"])
def test_every_oscal_document_loads_with_trestle(runs, key, fmt):
    validate(runs[key]["files"][fmt])


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
def test_uuids_follow_the_documented_scheme_and_renders_are_byte_identical(runs, key):
    run = runs[key]
    ar = json.loads(run["files"]["oscal-ar"].read_text(encoding="utf-8"))["assessment-results"]
    poam = json.loads(run["files"]["oscal-poam"].read_text(encoding="utf-8"))["plan-of-action-and-milestones"]
    run_ns = uuid.uuid5(SOXREADY_NS, fingerprint(run))
    assert ar["uuid"] == str(uuid.uuid5(run_ns, "document:assessment-results"))
    assert poam["uuid"] == str(uuid.uuid5(run_ns, "document:poam"))
    assert ar["import-ap"]["href"] == "#" + str(uuid.uuid5(run_ns, "resource:questionnaire"))
    result = ar["results"][0]
    assert [f["uuid"] for f in result.get("findings", [])] == [str(uuid.uuid5(run_ns, f"finding:{g['question']}")) for g in result_of(run)["gaps"]]
    assert poam["system-id"]["id"] == str(uuid.uuid5(SOXREADY_NS, "application:" + key[0].lower()))
    text = json.dumps(ar) + json.dumps(poam)
    for value in re.findall(r'"(?:uuid|risk-uuid|observation-uuid|actor-uuid)": "([^"]+)"', text):
        assert UUID5.match(value), value
    # The same run renders the same bytes again.
    for fmt in FORMATS:
        again = soxready("report", "--store", str(run["store"]), "--app", key[0], "--run", str(key[1]), "--format", fmt, "--output", "-",
                         cwd=run["folder"], raw=True)
        assert again.stdout == run["files"][fmt].read_bytes(), fmt
    # Canonical JSON: sorted keys, two-space indentation.
    assert run["files"]["oscal-ar"].read_text(encoding="utf-8") == json.dumps(json.loads(run["files"]["oscal-ar"].read_text(encoding="utf-8")),
                                                                               indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
def test_oscal_content_matches_the_run(runs, key):
    run = runs[key]
    result = result_of(run)
    answers = answers_of(run)
    ar = json.loads(run["files"]["oscal-ar"].read_text(encoding="utf-8"))["assessment-results"]
    poam = json.loads(run["files"]["oscal-poam"].read_text(encoding="utf-8"))["plan-of-action-and-milestones"]
    assert ar["metadata"]["last-modified"] == result["run"]["recordedAt"]
    assert ar["results"][0]["start"] == result["run"]["recordedAt"]
    questionnaire_resource = ar["back-matter"]["resources"][0]
    assert questionnaire_resource["rlinks"][0]["hashes"][0] == {"algorithm": "SHA-256", "value": hashlib.sha256(QUESTIONNAIRE.read_bytes()).hexdigest()}
    # Observations: every answer with an evidence reference, in questionnaire order.
    with_evidence = [qid for qid in questions() if (record_of(answers, qid).get("evidence") or "").strip()]
    observed = [next(p["value"] for p in o["props"] if p["name"] == "question-id") for o in ar["results"][0].get("observations", [])]
    assert observed == with_evidence
    # Findings, risks and POA&M items: one per gap, in the result's order.
    gap_ids = [g["question"] for g in result["gaps"]]
    for items in (ar["results"][0]["findings"], ar["results"][0]["risks"], poam["risks"], poam["poam-items"]):
        assert [next(p["value"] for p in i["props"] if p["name"] == "question-id") for i in items] == gap_ids
    for gap, risk, finding in zip(result["gaps"], poam["risks"], ar["results"][0]["findings"]):
        facets = {f["name"]: f["value"] for f in risk["characterizations"][0]["facets"]}
        assert facets["risk"] == gap["risk"] and facets["priority"] == str(gap["priority"])
        props = {p["name"]: p["value"] for p in finding["props"]}
        assert props["priority"] == str(gap["priority"]) and props["risk"] == gap["risk"]
        assert finding["target"]["target-id"] == "soxready-" + gap["question"]
        commitment = gap.get("commitment")
        assert risk["status"] == ("remediating" if commitment else "open")
        if commitment:
            task = risk["remediations"][0]["tasks"][0]
            assert task["timing"]["on-date"]["date"] == commitment["due"] + "T00:00:00Z"
            assert risk["deadline"] == commitment["due"] + "T00:00:00Z"
            name = commitment["owner"].split("<")[0].strip()
            owner = str(uuid.uuid5(SOXREADY_NS, "party:person:" + " ".join(name.split()).lower()))
            assert task["responsible-roles"][0]["party-uuids"] == [owner]
            assert owner in {p["uuid"] for p in poam["metadata"]["parties"]}
        else:
            assert "tasks" not in risk["remediations"][0] and "deadline" not in risk
    # Every gap whose answer names an owner and a due date carries that commitment.
    committed = [g["question"] for g in result["gaps"] if record_of(answers, g["question"]).get("owner")
                 and record_of(answers, g["question"]).get("due")]
    assert [g["question"] for g in result["gaps"] if g.get("commitment")] == committed


# A few broken variants of a real document, so that "valid" above is not vacuous.
def _first_finding(d):
    return d["assessment-results"]["results"][0]["findings"][0]


BROKEN = [
    ("no import-ap", lambda d: d["assessment-results"].pop("import-ap")),
    ("an empty list", lambda d: d["assessment-results"]["results"][0].update(findings=[])),
    ("a time without a time zone", lambda d: d["assessment-results"]["metadata"].update({"last-modified": "2026-11-29T12:00:00"})),
    ("a version-1 uuid", lambda d: d["assessment-results"].update(uuid=str(uuid.uuid1()))),
    ("a target id starting with a digit", lambda d: _first_finding(d)["target"].update({"target-id": "1abc"})),
    ("a dangling risk reference", lambda d: _first_finding(d)["related-risks"][0].update({"risk-uuid": str(uuid.uuid4())})),
    ("another OSCAL version", lambda d: d["assessment-results"]["metadata"].update({"oscal-version": "1.1.2"})),
    ("an unknown key", lambda d: _first_finding(d).update(severity="high")),
]


@pytest.mark.parametrize("name,mutate", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_document_does_not_validate(runs, tmp_path, name, mutate):
    doc = json.loads(runs[("General Ledger", 1)]["files"]["oscal-ar"].read_text(encoding="utf-8"))
    mutate(doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(OscalInvalid):
        validate(path)


# --- PBC --------------------------------------------------------------------------------

PBC_COLUMNS = ["Request #", "Control", "Question id", "Item requested", "Basis", "Owner", "Due date", "Status", "Reference recorded",
               "Application", "Run"]
GENERAL_MET = "Evidence that the control operates as answered (the questionnaire lists no specific item)"
GENERAL_GAP = "Evidence that the gap is closed (the questionnaire lists no specific item)"


def expected_pbc(run, app, number):
    """The PBC rows worked out from the answers file, the questionnaire and the run's JSON:
    (rows for which the result is certain, question ids whose `when` python does not evaluate)."""
    result = result_of(run)
    answers = answers_of(run)
    gaps = {g["question"]: g for g in result["gaps"]}
    not_yet_due = set(result.get("notYetDue", []))
    qs = questions()
    order = list(qs)
    run_cell = f"{number} ({fingerprint(run)[:16]})"
    dated, undated, uncertain = [], [], set()
    for qid, (q, _) in qs.items():
        value = record_of(answers, qid).get("answer")
        if not (is_key(q) and is_scored(q)) or qid in gaps or qid in not_yet_due or value in (None, "unknown", "n/a"):
            continue
        if "when" in q and not applies(q["when"], answers):
            continue
        reference = (record_of(answers, qid).get("evidence") or "").strip()
        for i, item in enumerate(q.get("expectedEvidence") or [GENERAL_MET]):
            undated.append(((order.index(qid), i), {"Control": title(q), "Question id": qid, "Item requested": item,
                                                    "Owner": (q.get("remediation") or {}).get("owner", ""), "Due date": "",
                                                    "Status": "Reference recorded" if reference else "No reference recorded",
                                                    "Reference recorded": reference}))
    for qid, gap in gaps.items():
        commitment = gap.get("commitment")
        if not commitment:
            continue
        q = qs[qid][0]
        status = {"on-time": "Open", "overdue": "Open: overdue", "after-cutover": "Open: due after the cutover"}[commitment["status"]]
        for i, item in enumerate(q.get("expectedEvidence") or [GENERAL_GAP]):
            dated.append(((commitment["due"], order.index(qid), i), {
                "Control": title(q), "Question id": qid, "Item requested": item,
                "Basis": f"Closing evidence for an open gap (P{gap['priority']}): {gap['action']}", "Owner": commitment["owner"],
                "Due date": commitment["due"], "Status": status,
                "Reference recorded": (record_of(answers, qid).get("evidence") or "").strip()}))
    rows = [r for _, r in sorted(dated, key=lambda x: x[0])] + [r for _, r in sorted(undated, key=lambda x: x[0])]
    for n, row in enumerate(rows, 1):
        row.update({"Request #": f"PBC-{n:03d}", "Application": app, "Run": run_cell})
    return rows, uncertain


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
def test_the_pbc_csv_reads_back_row_by_row(runs, key):
    run = runs[key]
    raw = run["files"]["pbc"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    with open(run["files"]["pbc"], newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == PBC_COLUMNS
        rows = list(reader)
    expected, uncertain = expected_pbc(run, *key)
    assert not uncertain, "a key question with `when`: extend expected_pbc to evaluate it"
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected):
        for column, value in want.items():
            if column == "Basis" or not value.startswith(("=", "+", "-", "@")):
                assert row[column] == value, (row["Request #"], column)
        if want["Due date"] == "":
            assert row["Basis"].startswith("Key control answered as met: ")
    # Every request is numbered in order and the numbers are unique.
    assert [r["Request #"] for r in rows] == [f"PBC-{n:03d}" for n in range(1, len(rows) + 1)]
    dates = [r["Due date"] for r in rows if r["Due date"]]
    assert dates == sorted(dates) and all(r["Due date"] for r in rows[:len(dates)])


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
def test_the_pbc_markdown_has_the_same_requests_in_six_columns(runs, key):
    run = runs[key]
    with open(run["files"]["pbc"], newline="", encoding="utf-8-sig") as f:
        csv_rows = list(csv.DictReader(f))
    lines = run["files"]["pbc-md"].read_text(encoding="utf-8").splitlines()
    table = [l for l in lines if l.startswith("| PBC-")]
    assert len(table) == len(csv_rows)
    for line, row in zip(table, csv_rows):
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        assert len(cells) == 6, line
        assert cells[0].strip() == row["Request #"]
        assert cells[4].strip() == (row["Due date"] or "-")


# --- Boards -----------------------------------------------------------------------------

BOARDS_COLUMNS = ["Work Item Type", "Title", "Description", "Assigned To", "Target Date", "Priority", "Tags", "State"]
PHASES = ["before-migration", "cutover", "after-cutover"]


@pytest.mark.parametrize("key", RUN_IDS, ids=ids)
def test_the_boards_csv_reads_back_row_by_row(runs, key):
    run = runs[key]
    raw = run["files"]["csv"].read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    with open(run["files"]["csv"], newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == BOARDS_COLUMNS
        rows = list(reader)
    result = result_of(run)
    answers = answers_of(run)
    qs = questions()
    gaps = sorted(result["gaps"], key=lambda g: PHASES.index(g["phase"]))  # stable: result order within a phase
    assert len(rows) == len(gaps) <= 1000
    for row, gap in zip(rows, gaps):
        q, domain = qs[gap["question"]]
        assert row["Work Item Type"] == "Feature" and row["State"] == "New"
        assert len(row["Title"].encode("utf-16-le")) // 2 <= 255 and "\n" not in row["Title"]
        full = " ".join(f"{title(q)} ({q['id']}): {gap['action']}".split()) if q.get("title") else " ".join(f"{q['id']}: {gap['action']}".split())
        assert row["Title"] == full or (row["Title"].endswith("…") and full.startswith(row["Title"][:-1]))
        assert row["Description"].startswith(f"<p>Question: {esc(q['prompt'])} ({q['id']})</p>")
        assert "\n" not in row["Description"] and "\r" not in row["Description"]
        note = (record_of(answers, q["id"]).get("note") or "").strip()
        if note:
            assert f"<p>Note: {esc(note)}</p>" in row["Description"]
        commitment = gap.get("commitment")
        owner = (commitment or {}).get("owner", "")
        assert row["Assigned To"] == (owner if "@" in owner else "")
        assert row["Target Date"] == ((commitment or {}).get("due") or "")
        assert row["Priority"] == str(gap["priority"]) and row["Priority"] in {"1", "2", "3", "4"}
        tags = row["Tags"].split("; ")
        assert tags[:4] == ["soxready", "SOX", gap["phase"], f"risk-{gap['risk']}"]
        assert ("gating" in tags) == (gap["gating"] in (True, "true"))
        # A question's own list, even an empty one, replaces its domain's.
        itgc = q["itgc"] if "itgc" in q else domain.get("itgc") or []
        cuec = q["cuec"] if "cuec" in q else domain.get("cuec") or []
        assert [t for t in tags if t.startswith("ITGC-")] == [f"ITGC-{a}" for a in itgc]
        assert [t for t in tags if t.startswith("CUEC-")] == [f"CUEC-{c}" for c in cuec]
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (cell.startswith("-") and not re.fullmatch(r"-[0-9.]+", cell))
    assert sum(1 for r in rows if r["Assigned To"]) == (1 if key == ("General Ledger", 2) else 0)
