"""The wizard at 80x24 under LC_ALL=C with LANG unset: wrapping, reruns (:keep, pre-fills that come
back, commands typed after a pre-fill), echoes and completion of labels with spaces."""
import json
import shlex
import subprocess
import time
import uuid

import pexpect

from conftest import BINARY, QUESTIONNAIRE, attest, batch, c_locale_env, draft_answers, runs, spawn, spawn80

PROMPT = "> "
FULL_RUN = {"hosting": "[paas]", "uar-frequency": "semiannual-or-annual", "mfa-admins": "partial",
            "system-notes": "'Oracle EBS'", "cutover-date": "2027-03-31", "retention-days": "400"}


def answer(child, expected, text):
    child.expect_exact(expected)
    child.expect_exact(PROMPT)
    child.send(text + "\r")


class Tmux:
    """soxready in a tmux window, for what the screen shows."""

    def __init__(self, workspace, columns=80, rows=24):
        self.name = f"soxready-{uuid.uuid4().hex[:8]}"
        environment = c_locale_env()
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in environment.items()
                           if key in ("PATH", "HOME", "LC_ALL", "TERM", "NO_COLOR", "SOXREADY_CACHE"))
        command = f"env -i {exports} {BINARY} assess --questionnaire {QUESTIONNAIRE} --app GL; sleep 30"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(columns), "-y", str(rows), "-c", str(workspace),
                        command], check=True)

    def keys(self, *keys):
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self, joined=False):
        arguments = ["tmux", "capture-pane", "-p", "-t", self.name, "-S", "-200"] + (["-J"] if joined else [])
        return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout

    def wait_for(self, text, limit=10):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if text in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on the screen:\n{self.screen()}")

    def resize(self, columns, rows):
        subprocess.run(["tmux", "resize-window", "-t", self.name, "-x", str(columns), "-y", str(rows)], check=True)

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def test_every_text_fits_80_columns_and_the_next_text_after_a_resize_fits_the_new_width(workspace):
    tmux = Tmux(workspace)
    try:
        tmux.wait_for("Which hosting models?")
        tmux.keys("paas", "Enter")
        tmux.wait_for("How often is access reviewed?")
        tmux.keys("?")
        tmux.wait_for("Commands:")
        # From the first domain on (the welcome lines are the assess flow's): no line was wrapped
        # by the terminal, so joining wrapped lines changes nothing.
        def from_first_domain(text):
            text = text[text.index("Domain 1/2: Profile"):]
            return [line.rstrip() for line in text.split("\n")]
        screen = tmux.screen()
        assert from_first_domain(screen) == from_first_domain(tmux.screen(joined=True))
        # Wrapped at a word, by hand: the hint is 87 columns.
        assert "Answer with a number or choice id (Tab completes) · ? help · :back :skip\n:unknown :quit\n" in screen
        tmux.resize(60, 24)
        time.sleep(0.3)
        tmux.keys("1", "Enter")
        tmux.wait_for("Is MFA enforced for administrators?")
        after = tmux.screen().split("Is MFA enforced for administrators?")[1]
        assert "Answer with y(es), p(artial) or n(o) · ? help · :back :skip\n:unknown :quit\n" in after
    finally:
        tmux.close()


def test_a_note_on_a_rerun_leaves_the_prefill_and_enter_keeps_it(workspace):
    batch(workspace, "GL", FULL_RUN)
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("> paas")
    child.send("\r")
    child.expect_exact("> semiannual-or-annual")
    child.send("\x15:note reviewed twice a year\r")
    child.expect_exact("note saved; now answer the question")
    child.expect_exact("> semiannual-or-annual")
    child.send("\r")
    child.expect_exact("Commitment: ")     # a gate partly met: who closes it by when?
    child.send("\r")                       # later
    child.expect_exact("Is MFA enforced for administrators?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    saved = draft_answers(workspace, "GL")["uar-frequency"]
    assert saved[0] == '{"choice":"semiannual-or-annual"}'
    assert saved[1] == "reviewed twice a year"


def test_quit_typed_after_the_prefill_quits_and_keeps_nothing_of_the_line(workspace):
    batch(workspace, "GL", FULL_RUN)
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("> paas")
    child.send(":quit\r")                # typed at the end of the pre-filled line
    child.expect_exact("Saved nothing yet.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "hosting" not in draft_answers(workspace, "GL")


def test_keep_accepts_the_rest_of_the_domain_and_the_run_is_recorded(workspace):
    batch(workspace, "GL", FULL_RUN)
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("> paas")
    child.send("\r")
    child.expect_exact("> semiannual-or-annual")
    child.send(":keep\r")
    child.expect_exact("kept 5 pre-filled answers of Access (questions 2–6)")
    attest(child, "Pat Preparer")
    child.expect_exact("Readiness:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    recorded = runs(workspace, "GL")
    assert [number for number, _, _ in recorded] == [1, 2]
    assert json.loads(recorded[1][2])["retention-days"] == {"answer": {"number": 400}}
    assert json.loads(recorded[1][2])["mfa-admins"] == {"answer": {"choice": "partial"}}


def test_a_short_answer_echoes_the_choice_taken_and_a_label_with_spaces_completes(workspace):
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    child.send("iaas, PaaS man")
    child.send("\t")
    child.expect_exact("aged services")
    child.send("\r")
    child.expect_exact("✓ iaas (IaaS virtual machines), paas (PaaS managed services)")
    answer(child, "How often is access reviewed?", "semi")
    child.expect_exact("✓ semiannual-or-annual (Semi-annual or annual)")
    child.expect_exact("Commitment: ")
    child.send("\r")
    child.expect_exact("Is MFA enforced for administrators?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    answers = draft_answers(workspace, "GL")
    assert answers["hosting"][0] == '{"choices":["iaas","paas"]}'
    assert answers["uar-frequency"][0] == '{"choice":"semiannual-or-annual"}'


def test_an_error_on_an_80_column_terminal_is_wrapped_at_words(workspace):
    """An error is one long line; on the terminal it is wrapped at words, not cut by the screen."""
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "quarterly-or-more", "mfa-admins": "yes",
                            "system-notes": "'Oracle EBS'", "cutover-date": "2027-03-31", "retention-days": "2555"})
    child = spawn(workspace, shell=f"'{BINARY}' diff --app GL", dimensions=(24, 80))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 66
    lines = [line for line in child.before.replace("\r", "").split("\n") if line]
    assert lines == ["soxready: error: 'GL' has one run so far; diff compares two: record another with",
                     "    soxready assess --app 'GL'"]
