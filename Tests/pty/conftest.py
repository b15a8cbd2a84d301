"""Shared helpers for the wizard's pseudo-terminal tests (pexpect)."""
import atexit
import os
import pathlib
import shutil
import sqlite3
import subprocess
import tempfile

import pexpect
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SOXREADY_BIN", str(ROOT / ".build" / "debug" / "soxready"))
QUESTIONNAIRE = str(ROOT / "Tests" / "pty" / "fixtures" / "pty.yaml")
# The compiled-questionnaire cache of the soxready these tests start: a temporary folder for the
# session, so that no test writes into the home folder's cache.
CACHE = tempfile.mkdtemp(prefix="soxready-pty-cache-")
atexit.register(shutil.rmtree, CACHE, True)


@pytest.fixture
def workspace(tmp_path):
    return tmp_path


def env(**extra):
    environment = dict(os.environ)
    environment.update({"TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"})
    environment.pop("SOXREADY_STORE", None)
    environment["SOXREADY_CACHE"] = CACHE
    environment.update(extra)
    return environment


def c_locale_env(**extra):
    """The environment of a login with no locale: LC_ALL=C and LANG unset."""
    environment = env(**extra)
    environment.pop("LANG", None)
    environment.pop("LC_CTYPE", None)
    environment["LC_ALL"] = "C"
    environment.update(extra)
    return environment


def spawn(workspace, *args, shell=None, dimensions=(40, 120), c_locale=False, **extra):
    """Starts soxready in a pseudo-terminal (or a shell command line around it).

    With c_locale, the environment has LC_ALL=C and no LANG (a plain SSH login)."""
    if shell is None:
        command, arguments = BINARY, ["assess", "--questionnaire", QUESTIONNAIRE, *args]
    else:
        command, arguments = "/bin/sh", ["-c", shell]
    environment = c_locale_env(**extra) if c_locale else env(**extra)
    child = pexpect.spawn(command, arguments, cwd=str(workspace), env=environment, encoding="utf-8",
                          timeout=10, dimensions=dimensions)
    return child


def spawn80(workspace, *args, **extra):
    """soxready at 80x24 under LC_ALL=C with LANG unset, as over a plain SSH login."""
    return spawn(workspace, *args, dimensions=(24, 80), c_locale=True, **extra)


def draft_answers(workspace, app):
    db = sqlite3.connect(str(workspace / ".soxready" / "soxready.sqlite"))
    rows = db.execute(
        "SELECT questionID, answer, note, evidence, owner, due FROM draftAnswer JOIN app ON app.id = draftAnswer.appID WHERE app.name = ?",
        (app,)).fetchall()
    return {row[0]: row[1:] for row in rows}


def runs(workspace, app):
    db = sqlite3.connect(str(workspace / ".soxready" / "soxready.sqlite"))
    return db.execute("SELECT number, readiness, answers FROM run JOIN app ON app.id = run.appID WHERE app.name = ? ORDER BY number",
                      (app,)).fetchall()


def batch(workspace, app, answers):
    """Records a run from an answers file (to get pre-filled defaults)."""
    path = workspace / "answers.yaml"
    lines = ["format: soxready/answers@1", f"app: {app}", "questionnaire: pty-check", "preparedBy: Pat Preparer", "answers:"]
    lines += [f"  {key}: {value}" for key, value in answers.items()]
    path.write_text("\n".join(lines) + "\n")
    subprocess.run([BINARY, "assess", "--questionnaire", QUESTIONNAIRE, "--answers", str(path)], cwd=str(workspace),
                   env=env(), check=True, capture_output=True)


def attest(child, name=None):
    """At the end: the preparer's name (pre-filled on a rerun; Ctrl-U and a new one when given) and the attestation."""
    child.expect_exact("Prepared by: ")
    child.send(("\x15" + name if name else "") + "\r")
    child.expect_exact("[y/N] ")
    child.send("y\r")
