"""Two wizards on one draft (issue 10, item 21): one session holds a draft at a time.

The first wizard runs in a pseudo-terminal and waits at a question; the second starts while it
waits, from a pipe (refused) or in a second pseudo-terminal (--take-over)."""
import calendar
import re
import socket
import subprocess
import time

import pexpect

from conftest import BINARY, QUESTIONNAIRE, attest, draft_answers, env, runs, spawn

PROMPT = "> "
TIMESTAMP = r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"


def answer(child, expected, text):
    child.expect_exact(expected)
    child.expect_exact(PROMPT)
    child.send(text + "\r")


def later_commitment(child):
    """After a gate answered as partly met, the wizard asks for a commitment; Enter leaves it for later."""
    child.expect_exact("Commitment: ")
    child.send("\r")
    child.expect_exact("no commitment yet")


def held_at(child, expected):
    """Waits until the wizard shows `expected` and its prompt: it holds the draft and waits."""
    child.expect_exact(expected)
    child.expect_exact(PROMPT)


def in_window(stamp, started):
    """The UTC time `stamp` lies between `started` (a time.time()) and now, to the second."""
    seconds = calendar.timegm(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))
    return int(started) - 1 <= seconds <= time.time() + 1


def holder_pattern(user, pid):
    return re.escape(f"user {user} on host ") + r"(\S+)" + re.escape(f" (process {pid}) since ") + TIMESTAMP


def test_a_second_wizard_is_refused_naming_the_holder_and_the_first_records_its_run(workspace):
    started = time.time()
    first = spawn(workspace, "--app", "GL", "--user", "dana")
    answer(first, "Which hosting models?", "paas")
    held_at(first, "How often is access reviewed?")
    before = draft_answers(workspace, "GL")
    assert set(before) == {"hosting"}

    second = subprocess.run([BINARY, "assess", "--questionnaire", QUESTIONNAIRE, "--app", "GL", "--resume", "--user", "dana"],
                            cwd=str(workspace), env=env(), capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=20)
    assert second.returncode == 75
    assert second.stdout == ""
    refusal = re.fullmatch(
        re.escape("soxready: error: the unfinished assessment of 'GL' is open in another session: ")
        + holder_pattern("dana", first.pid)
        + re.escape("; finish or quit it there, or take it over with --take-over") + "\n",
        second.stderr)
    assert refusal, second.stderr
    assert refusal.group(1) == socket.gethostname() or refusal.group(1).startswith(socket.gethostname() + ".")
    assert in_window(refusal.group(2), started)
    # The refused session changed nothing; the first goes on and records its run.
    assert draft_answers(workspace, "GL") == before
    first.send("quarterly-or-more\r")
    answer(first, "Is MFA enforced for administrators?", "y")
    answer(first, "Describe the system in one line.", "Oracle EBS general ledger")
    answer(first, "Planned cutover date?", "2027-03-31")
    answer(first, "Days of log retention?", "2555")
    attest(first, "Pat Preparer")
    first.expect_exact("Readiness:  READY WITH CONDITIONS")
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 0
    recorded = runs(workspace, "GL")
    assert [(number, readiness) for number, readiness, _ in recorded] == [(1, "ready-with-conditions")]
    assert '"hosting":{"answer":{"choices":["paas"]}}' in recorded[0][2]


def test_take_over_stops_the_first_at_its_next_save_and_keeps_its_answers(workspace):
    # The first runs in a shell that records the terminal's settings before and after it.
    first = spawn(workspace, shell=f"stty -g > before.txt; {BINARY} assess --questionnaire {QUESTIONNAIRE} --app GL --user dana; "
                                   "echo \"status=$?\"; stty -g > after.txt")
    answer(first, "Which hosting models?", "iaas, paas")
    answer(first, "How often is access reviewed?", "semi")
    later_commitment(first)
    held_at(first, "Is MFA enforced for administrators?")

    started = time.time()
    second = spawn(workspace, "--app", "GL", "--resume", "--take-over", "--user", "erin")
    # The second continues where the first was, with the first's answers in the draft.
    held_at(second, "Is MFA enforced for administrators?")
    taken = draft_answers(workspace, "GL")
    assert {key: value[0] for key, value in taken.items()} == {
        "hosting": '{"choices":["iaas","paas"]}',
        "uar-frequency": '{"choice":"semiannual-or-annual"}',
    }

    # The first learns it at its next save: it stops, says who took the draft and that the
    # answer just given was not saved.
    first.send("n\r")
    # On the terminal the error is wrapped at words: any space may be a line break and an indent.
    first.expect((re.escape("soxready: error: the unfinished assessment of 'GL' was taken over by ")
                  + holder_pattern("erin", second.pid)
                  + re.escape(": this session stops; the answers it saved are in that draft, the last change made here "
                              "(mfa-admins) was not saved")).replace("\\ ", r"\s+"))
    stamp = first.match.group(2)
    assert in_window(stamp, started)
    first.expect_exact("status=75")
    first.expect(pexpect.EOF)
    first.close()
    # It left the terminal as it found it, and the draft as the second took it.
    assert (workspace / "before.txt").read_text() == (workspace / "after.txt").read_text()
    assert draft_answers(workspace, "GL") == taken

    # The second finishes with both sessions' answers.
    second.send("y\r")
    answer(second, "Describe the system in one line.", "Oracle EBS general ledger")
    answer(second, "Planned cutover date?", "2027-03-31")
    answer(second, "Days of log retention?", "2555")
    attest(second, "Pat Preparer")
    second.expect_exact("Readiness:")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 0
    recorded = runs(workspace, "GL")
    assert len(recorded) == 1
    assert '"hosting":{"answer":{"choices":["iaas","paas"]}}' in recorded[0][2]
    assert '"uar-frequency":{"answer":{"choice":"semiannual-or-annual"}}' in recorded[0][2]
    assert '"mfa-admins":{"answer":{"choice":"yes"}}' in recorded[0][2]
