#!/usr/bin/env python3
"""Validate an OSCAL JSON document with compliance-trestle's models, and raise on any error.

    from validate_oscal import validate
    validate("plan.oscal-ar.json")               # returns the parsed model, raises OscalInvalid

    python3 validate_oscal.py FILE [FILE ...]    # exit 0 when all are valid, 1 otherwise

What it checks, in order:
  1. the file is JSON with exactly one top-level key, one of
     "assessment-results" or "plan-of-action-and-milestones";
  2. trestle's pre-parse compatibility check (timezone-less metadata dates, ...);
  3. pydantic model validation (`Model.model_validate`, extra keys forbidden, every required
     field, enums, UUID v4/v5 pattern, timezone-aware date-times, token patterns);
  4. trestle's own validators, as `trestle validate` runs them: no duplicate uuids and every
     metadata responsible-party role-id defined in metadata.roles;
  5. references inside the document: every *-uuid reference (observation-uuid, risk-uuid,
     finding-uuid, party-uuids, actor-uuid of type party, member-of-organizations) and every
     "#uuid" href points at something defined in the same document, and
     metadata.oscal-version is the trestle models' OSCAL version;
  6. fields whose OSCAL values are "listed but open" (the models type them as token | enum, so
     any token passes: observation methods and types, task type, remediation lifecycle, risk
     status, objective-status reason, hash algorithm) hold one of the listed values.
Steps 5 and 6 are stricter than trestle (which neither resolves references nor closes open
value lists); they catch what an importing GRC tool would trip on, and typos.
"""
import enum
import json
import pathlib
import sys
import typing

from pydantic import BaseModel, RootModel, ValidationError

import trestle.oscal
import trestle.oscal.common as common
from trestle.common.err import TrestleError
from trestle.core import oscal_backward_compatibility
from trestle.core.duplicates_validator import DuplicatesValidator
from trestle.core.refs_validator import RefsValidator
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.poam import PlanOfActionAndMilestones

MODELS = {
    "assessment-results": AssessmentResults,
    "plan-of-action-and-milestones": PlanOfActionAndMilestones,
}


class OscalInvalid(Exception):
    """The document does not validate; the message says every reason found."""


def _walk(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k, v
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]")


def _reference_errors(doc):
    defined = {v for _, k, v in _walk(doc) if k == "uuid" and isinstance(v, str)}
    errors = []
    for path, key, value in _walk(doc):
        refs = []
        if key in ("observation-uuid", "risk-uuid", "finding-uuid", "task-uuid", "response-uuid",
                   "subject-uuid", "component-uuid", "party-uuid"):
            refs = [value]
        elif key in ("party-uuids", "member-of-organizations"):
            refs = list(value)
        elif key == "actors":
            refs = [a["actor-uuid"] for a in value if a.get("type") == "party"]
        elif key == "href" and isinstance(value, str) and value.startswith("#"):
            refs = [value[1:]]
        for ref in refs:
            if ref not in defined:
                errors.append(f"{path}.{key}: {ref} is not defined in this document")
    return errors


# (model class, field name): the listed values of an open value list must be used
LISTED = {
    (common.Observation, "methods"), (common.Observation, "types"), (common.Task, "type"),
    (common.Response, "lifecycle"), (common.RiskStatus, "root"), (common.ObjectiveStatus, "reason"),
    (common.Hash, "algorithm"),
}


def _enums(annotation):
    found = []
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            found.append(arg)
        else:
            found += _enums(arg)
    return found


def _plain(value):
    while isinstance(value, RootModel):
        value = value.root
    return value.value if isinstance(value, enum.Enum) else value


def _listed_value_errors(node, path="$"):
    errors = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            errors += _listed_value_errors(item, f"{path}[{i}]")
    elif isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            if value is None:
                continue
            where = f"{path}.{info.alias or name}"
            if any(isinstance(node, cls) and name == field for cls, field in LISTED):
                allowed = {m.value for cls_ in _enums(info.annotation) for m in cls_}
                for item in value if isinstance(value, list) else [value]:
                    item = _plain(item)
                    if isinstance(item, str) and item not in allowed:
                        errors.append(f"{where}: '{item}' is not one of the listed values {sorted(allowed)}")
            errors += _listed_value_errors(value, where)
    return errors


def validate(path):
    """Load PATH with trestle's models; return the model, or raise OscalInvalid."""
    path = pathlib.Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise OscalInvalid(f"{path}: not readable JSON: {e}") from e
    if not isinstance(raw, dict) or len(raw) != 1 or next(iter(raw)) not in MODELS:
        raise OscalInvalid(f"{path}: expected one top-level key, one of {sorted(MODELS)}")
    root = next(iter(raw))
    doc = raw[root]

    problems = [str(i) for i in oscal_backward_compatibility.check_raw_oscal(raw) if i.severity == "ERROR"]
    if problems:
        raise OscalInvalid(f"{path}:\n  " + "\n  ".join(problems))
    try:
        model = MODELS[root].model_validate(doc)
    except TrestleError as e:      # trestle re-raises oscal-version errors as TrestleError
        raise OscalInvalid(f"{path}: oscal-version: {e}") from e
    except ValidationError as e:
        lines = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
        raise OscalInvalid(f"{path}: {len(lines)} validation error(s):\n  " + "\n  ".join(lines)) from e

    for validator, what in ((DuplicatesValidator(), "duplicate uuids"),
                            (RefsValidator(), "a responsible-party role-id missing from metadata.roles")):
        if not validator.model_is_valid(model, quiet=True):
            problems.append(f"trestle {type(validator).__name__}: {what}")
    problems += _reference_errors(doc)
    problems += _listed_value_errors(model)
    version = doc["metadata"]["oscal-version"]
    if version != trestle.oscal.OSCAL_VERSION:
        problems.append(f"metadata.oscal-version is {version}, trestle's models describe {trestle.oscal.OSCAL_VERSION}")
    if problems:
        raise OscalInvalid(f"{path}:\n  " + "\n  ".join(problems))
    return model


def main(argv):
    status = 0
    for name in argv:
        try:
            validate(name)
            print(f"VALID {name}")
        except OscalInvalid as e:
            print(f"INVALID {e}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
