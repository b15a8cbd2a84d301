"""The JSON Schema for editors (Questionnaires/schema/questionnaire.schema.json) agrees with the
loader: every questionnaire that `soxready questionnaire validate` accepts validates against the
schema, files that the loader rejects for a reason a schema can see are rejected by the schema
too, and the schema lists exactly the keys the loader allows.

Files are read the way the YAML language server reads them (YAML 1.2 core schema), not with
PyYAML's YAML 1.1 rules: `yes`, `no`, `on` and `off` stay text (`{id: no, label: No}` is the
choice `no`, as in soxready), dates stay text, and `010` is ten. Booleans are only
true/false, numbers are numbers, so `score: 1` meets `"type": "number"` and an all-digit id meets
the schema's `"type": ["string", "integer"]`.
"""
import json
import os
import pathlib
import re
import subprocess
import textwrap

import jsonschema
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SOXREADY_BIN", str(ROOT / ".build" / "debug" / "soxready"))
SCHEMA = json.loads((ROOT / "Questionnaires" / "schema" / "questionnaire.schema.json").read_text(encoding="utf-8"))
DOC = ROOT / "docs" / "questionnaire-format.md"
FILES = sorted(ROOT.glob("Questionnaires/*.yaml")) + sorted(ROOT.glob("Tests/SoxreadyCoreTests/Fixtures/*.yaml")) \
    + [ROOT / "Tests" / "pty" / "fixtures" / "pty.yaml"]
FIXTURES_OF_ERRORS = {"four-problems.yaml"}


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
]:
    CoreLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def construct_int(loader, node):
    value = loader.construct_scalar(node)
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value, 10)


def construct_float(loader, node):
    value = loader.construct_scalar(node).lower()
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value == ".nan":
        return float("nan")
    return float(value)


def json_key(key):
    """Object keys are text in JSON, as the language server makes them."""
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


def construct_mapping(loader, node):
    return {json_key(key): value for key, value in loader.construct_pairs(node, deep=True)}


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", construct_float)
CoreLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def load_yaml(text):
    return yaml.load(text, Loader=CoreLoader)


def schema_errors(text):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return sorted(validator.iter_errors(load_yaml(text)), key=lambda error: list(error.absolute_path))


def validate_with_soxready(path):
    assert pathlib.Path(BINARY).exists(), f"build soxready first (swift build --product soxready), or set SOXREADY_BIN; {BINARY} is missing"
    result = subprocess.run([BINARY, "questionnaire", "validate", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 65), result.stderr
    return result


# Every questionnaire in the repository: the loader's verdict decides what the schema must say.

def test_the_files_are_found():
    assert ROOT / "Questionnaires" / "sox-azure-migration.yaml" in FILES
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_file_the_loader_accepts_validates_against_the_schema(path):
    result = validate_with_soxready(path)
    if path.name in FIXTURES_OF_ERRORS:
        assert result.returncode == 65
        pytest.skip("a fixture of errors: the loader rejects it")
    assert result.returncode == 0, result.stderr
    errors = schema_errors(path.read_text(encoding="utf-8"))
    assert [f"{list(error.absolute_path)}: {error.message}" for error in errors] == []


def doc_examples():
    """The questionnaires in docs/questionnaire-format.md, by id, with the output lines the page
    quotes for them (`ID.yaml:...: error: ...` and `ID.yaml: ok: ...`)."""
    text = DOC.read_text(encoding="utf-8")
    examples = {}
    for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
        if "format: soxready/questionnaire@1" not in block:
            continue
        name = re.search(r"^id: ([a-z0-9-]+)", block, flags=re.M).group(1)
        quoted = [line for line in text.splitlines()
                  if line.startswith(f"{name}.yaml:") and (": error: " in line or ": ok: " in line)]
        examples[name] = (block, quoted)
    return examples


def test_the_documented_examples_agree(tmp_path):
    examples = doc_examples()
    assert "payroll-cloud-readiness" in examples, "the complete example of section 2"
    accepted = 0
    for name, (block, quoted) in examples.items():
        (tmp_path / f"{name}.yaml").write_text(block, encoding="utf-8")
        assert pathlib.Path(BINARY).exists(), f"{BINARY} is missing"
        result = subprocess.run([BINARY, "questionnaire", "validate", f"{name}.yaml"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=60)
        printed = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line or ": ok: " in line]
        if quoted:
            assert printed == quoted, f"the page quotes other output for {name}.yaml"
        if result.returncode == 0:
            accepted += 1
            assert [error.message for error in schema_errors(block)] == [], name
    assert examples["payroll-cloud-readiness"][1], "the page quotes the ok line of the complete example"
    assert accepted >= 2


# Small files that differ from a valid rules-2 questionnaire in one place.

HEAD = """\
format: soxready/questionnaire@1
id: schema-check
version: 2.0.0
title: Schema check
"""

BASE_TOP = """\
calendar: {cutover: cutover-date, fiscalYearEnd: fiscal-year-end}
sharedResponsibility: {question: hosting, models: {vm: iaas, managed: paas, hybrid: on-premises}}
thresholds: {ready: 85, readyConfidence: 90, closeWindowBefore: 7, closeWindowAfter: 15, minOperatingDays: 90}
"""

BASE_QUESTIONS = """\
- id: hosting
  prompt: Where will the application run?
  title: Hosting models
  type: multi
  choices:
    - {id: vm, label: Azure virtual machines}
    - {id: managed, label: Azure managed services}
    - {id: hybrid, label: Partly on premises}
- id: cutover-date
  prompt: On what date is go-live planned?
  type: date
- id: fiscal-year-end
  prompt: On what date does the fiscal year end?
  type: date
- id: mfa-admins
  prompt: Is MFA enforced on all administrative access?
  title: MFA for administrators
  type: yes-partial-no
  control: preventive-mandatory
  gating: true
  key: true
  expectedEvidence: [Conditional Access policy export]
  choices:
    - {id: partial, label: Partly, score: 0.5, action: Extend MFA to the CLI.}
    - {id: no, action: Enforce MFA with Conditional Access.}
  remediation: {action: Enforce MFA., after: [readiness-label]}
- id: readiness-label
  prompt: What is the Azure Migrate readiness label of the servers?
  title: Azure Migrate readiness
  type: choice
  gating: technical
  weight: 1000
  choices:
    - {id: ready, label: Ready, score: 1}
    - {id: conditional, label: Ready with conditions, score: 0.5, action: Fix the conditions.}
  remediation: {action: Fix the readiness issues.}
- id: monitoring-validated
  prompt: Was monitoring validated after go-live?
  type: yes-no
  asked: after-cutover
  remediation: {action: Validate monitoring.}
"""


def questionnaire(questions=BASE_QUESTIONS, top=BASE_TOP):
    return HEAD + top + "domains:\n  - id: access\n    title: Access\n    questions:\n" + textwrap.indent(questions, "      ")


def replace(old, new, text=BASE_QUESTIONS):
    assert old in text
    return text.replace(old, new, 1)


ACCEPTED = {
    "the base file": questionnaire(),
    "a title of 60 characters": questionnaire(replace("title: MFA for administrators", "title: " + "x" * 60)),
    "gating: Technical, any case": questionnaire(replace("gating: technical", "gating: Technical")),
    "gating: yes": questionnaire(replace("gating: true", "gating: yes")),
    "key: on": questionnaire(replace("key: true", "key: on")),
    "weight: 1e3": questionnaire(replace("weight: 1000", "weight: 1e3")),
    "a label-only implied choice": questionnaire(replace("{id: no, action: Enforce MFA with Conditional Access.}", "{id: no, label: Not at all}")),
    "an implied choice with its implied score": questionnaire(replace("{id: no, action:", "{id: no, score: 0, action:")),
    "choices: left empty on yes-no": questionnaire(replace("asked: after-cutover\n", "asked: after-cutover\n  choices:\n")),
    "asked: always": questionnaire(replace("  type: date\n", "  type: date\n  asked: always\n")),
    "after: left empty": questionnaire(replace("after: [readiness-label]", "after: ")),
    "days as 7.0": questionnaire(top=BASE_TOP.replace("closeWindowBefore: 7", "closeWindowBefore: 7.0")),
    "calendar: {}": questionnaire(replace("  asked: after-cutover\n", "\n"), top=BASE_TOP.replace(
        "{cutover: cutover-date, fiscalYearEnd: fiscal-year-end}", "{}")),
    "conditionalConfidence (a warning only)": questionnaire(top=BASE_TOP.replace("ready: 85", "conditionalConfidence: 60")),
    "a choice id no, unquoted": questionnaire(replace("{id: ready, label: Ready, score: 1}", "{id: no, label: No, score: 1}")),
}

# (what the loader says, the file): the loader rejects each, and so must the schema.
REJECTED = {
    "an unknown question key": ("unknown key 'gatng' in question 'mfa-admins'; did you mean 'gating'?",
                                questionnaire(replace("gating: true", "gatng: true"))),
    "an unknown top-level key": ("unknown key 'calender' in the questionnaire; did you mean 'calendar'?",
                                 questionnaire(top=BASE_TOP.replace("calendar:", "calender:"))),
    "an unknown calendar role": ("unknown key 'yearEnd' in calendar",
                                 questionnaire(top=BASE_TOP.replace("fiscalYearEnd:", "yearEnd:"))),
    "an unknown choice key": ("unknown key 'actoin' in a choice of question 'readiness-label'",
                              questionnaire(replace("conditions, score: 0.5, action:", "conditions, score: 0.5, actoin:"))),
    "an unknown remediation key": ("unknown key 'before' in the remediation of question 'mfa-admins'",
                                   questionnaire(replace("after: [readiness-label]", "before: [readiness-label]"))),
    "a title of 61 characters": ("the title of question 'mfa-admins' has 61 characters; expected at most 60",
                                 questionnaire(replace("title: MFA for administrators", "title: " + "x" * 61))),
    "a title on two lines": ("the title of question 'mfa-admins' has a line break",
                             questionnaire(replace("title: MFA for administrators", "title: |\n    MFA\n    for administrators"))),
    "gating: maybe": ("'gating' in question 'mfa-admins' is 'maybe'",
                      questionnaire(replace("gating: true", "gating: maybe"))),
    "gating: technical on a text question": ("question 'notes' is gating but not scored",
                                             questionnaire(BASE_QUESTIONS + "- id: notes\n  prompt: Notes?\n  type: text\n  gating: technical\n")),
    "key: sometimes": ("'key' in question 'mfa-admins' is not true or false", questionnaire(replace("key: true", "key: sometimes"))),
    "weight: 0": ("'weight' in question 'readiness-label' is 0; expected a number above 0 and at most 1000",
                  questionnaire(replace("weight: 1000", "weight: 0"))),
    "weight: 1000.5": ("'weight' in question 'readiness-label' is 1000.5", questionnaire(replace("weight: 1000", "weight: 1000.5"))),
    "weight: -3": ("'weight' in question 'readiness-label' is -3", questionnaire(replace("weight: 1000", "weight: -3"))),
    "asked: later": ("'later' is not a valid asked in question 'monitoring-validated'",
                     questionnaire(replace("asked: after-cutover", "asked: later"))),
    "expectedEvidence as one value": ("'expectedEvidence' in question 'mfa-admins' is a single value",
                                      questionnaire(replace("[Conditional Access policy export]", "Conditional Access policy export"))),
    "an empty choice action": ("'action' in choice 'conditional' is empty",
                               questionnaire(replace("action: Fix the conditions.", "action: ''"))),
    "choice partial on yes-no": ("yes-no question 'monitoring-validated' has no choice 'partial'",
                                 questionnaire(replace("asked: after-cutover\n", "asked: after-cutover\n  choices: [{id: partial, action: Half.}]\n"))),
    "a score that is not the implied one": ("choice 'partial' of yes-partial-no question 'mfa-admins' has score 1;",
                                            questionnaire(replace("label: Partly, score: 0.5", "label: Partly, score: 1"))),
    "an implied choice without action or label": ("choice 'no' of yes-partial-no question 'mfa-admins' gives no action",
                                                  questionnaire(replace("{id: no, action: Enforce MFA with Conditional Access.}", "{id: no, score: 0}"))),
    "choices on a date question": ("'choices' is not allowed on date question 'cutover-date'",
                                   questionnaire(replace("  type: date\n", "  type: date\n  choices: [{id: x, label: X}]\n"))),
    "a choice without a label": ("a choice of question 'hosting' has no 'label'",
                                 questionnaire(replace("{id: vm, label: Azure virtual machines}", "{id: vm}"))),
    "an after that is not an id": ("'Readiness_Label' is not a valid question id in 'after'",
                                   questionnaire(replace("after: [readiness-label]", "after: [Readiness_Label]"))),
    "a hosting model saaas": ("'saaas' is not a valid hosting model in sharedResponsibility.models; did you mean 'saas'?",
                              questionnaire(top=BASE_TOP.replace("managed: paas", "managed: saaas"))),
    "sharedResponsibility without question": ("sharedResponsibility has no 'question'",
                                              questionnaire(top=BASE_TOP.replace("question: hosting, ", ""))),
    "readyConfidence: 120": ("threshold 'readyConfidence' is 120; expected a percent in 0...100",
                             questionnaire(top=BASE_TOP.replace("readyConfidence: 90", "readyConfidence: 120"))),
    "closeWindowBefore: 7.5": ("threshold 'closeWindowBefore' is 7.5; expected a whole number of days in 0...3660",
                               questionnaire(top=BASE_TOP.replace("closeWindowBefore: 7", "closeWindowBefore: 7.5"))),
    "minOperatingDays: -1": ("threshold 'minOperatingDays' is -1", questionnaire(top=BASE_TOP.replace("minOperatingDays: 90", "minOperatingDays: -1"))),
    "closeWindowAfter: 3661": ("threshold 'closeWindowAfter' is 3661",
                               questionnaire(top=BASE_TOP.replace("closeWindowAfter: 15", "closeWindowAfter: 3661"))),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_what_the_loader_accepts_the_schema_accepts(name, tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text(ACCEPTED[name], encoding="utf-8")
    result = validate_with_soxready(path)
    assert result.returncode == 0, result.stderr
    assert [f"{list(error.absolute_path)}: {error.message}" for error in schema_errors(ACCEPTED[name])] == []


@pytest.mark.parametrize("name", REJECTED)
def test_what_the_loader_rejects_for_a_visible_reason_the_schema_rejects(name, tmp_path):
    message, text = REJECTED[name]
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate_with_soxready(path)
    assert result.returncode == 65
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert schema_errors(questionnaire()) == [], "the base file is valid, so the schema rejects the one change"
    assert schema_errors(text) != []


# The schema names exactly the keys the loader allows, mapping by mapping.

def loader_keys():
    source = (ROOT / "Sources" / "SoxreadyCore" / "Loading" / "QuestionnaireDecoder.swift").read_text(encoding="utf-8")
    lists = {}
    for name, body in re.findall(r"static let (\w+Keys) = \[(.*?)\]", source, flags=re.S):
        lists[name] = re.findall(r'"([^"]+)"', body)
    return lists


def test_the_schema_lists_the_loaders_keys():
    keys = loader_keys()
    defs = SCHEMA["$defs"]
    question = defs["question"]["properties"]
    schema_keys = {
        "topKeys": SCHEMA["properties"],
        "sourceKeys": defs["source"]["properties"],
        "thresholdKeys": SCHEMA["properties"]["thresholds"]["properties"],
        "calendarKeys": SCHEMA["properties"]["calendar"]["properties"],
        "sharedResponsibilityKeys": SCHEMA["properties"]["sharedResponsibility"]["properties"],
        "domainKeys": defs["domain"]["properties"],
        "questionKeys": question,
        "choiceKeys": defs["choice"]["properties"],
        "bandKeys": defs["band"]["properties"],
        "remediationKeys": question["remediation"]["properties"],
    }
    assert sorted(keys) == sorted(schema_keys)
    for name, properties in schema_keys.items():
        assert sorted(properties) == sorted(keys[name]), name


def test_every_mapping_refuses_unknown_keys():
    def walk(node, path):
        if node.get("type") == "object" and "properties" in node:
            assert node.get("additionalProperties") is False, path
        for key, child in node.get("properties", {}).items():
            walk(child, f"{path}/properties/{key}")
        for key, child in node.get("$defs", {}).items():
            walk(child, f"{path}/$defs/{key}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                walk(node[key], f"{path}/{key}")
    walk(SCHEMA, "#")
