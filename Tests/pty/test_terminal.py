"""The public bug classes of line-editing tools, at 80x24 under LC_ALL=C with LANG unset:
locale, signals and the process group, suspend and continue, resizes with tall lines, CRLF,
the help key, TERM unset, pipes that never close and history files."""
import json
import os
import re
import signal
import subprocess
import time

import pexpect

from conftest import BINARY, QUESTIONNAIRE, batch, c_locale_env, draft_answers, env, spawn80

PROMPT = "> "
LONG = " ".join(f"word{i:03d}" for i in range(80))   # 639 characters: 9 rows at 80 columns


def answer(child, expected, text):
    child.expect_exact(expected)
    child.expect_exact(PROMPT)
    child.send(text + "\r")


def reach_text_question(child):
    answer(child, "Which hosting models?", "paas")
    answer(child, "How often is access reviewed?", "1")
    answer(child, "Is MFA enforced for administrators?", "y")
    child.expect_exact("Describe the system in one line.")
    child.expect_exact(PROMPT)


def soxready_pid(app):
    out = subprocess.run(["pgrep", "-f", f"soxready assess --questionnaire .* --app {app}$"], capture_output=True, text=True).stdout
    return int(out.split()[0])


def test_c_locale_keeps_every_character_typed(workspace):
    child = spawn80(workspace, "--app", "GL")
    reach_text_question(child)
    child.send("Zürich 総勘定元帳 Café")
    child.send("\x1b[D\x1b[D\x7f")       # Left Left Backspace: the "a" of Café
    child.send("\r")
    child.expect_exact("Planned cutover date?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["system-notes"][0] == json.dumps({"text": "Zürich 総勘定元帳 Cfé"}, ensure_ascii=False, separators=(",", ":"))


def test_a_signal_ends_the_wizard_alone_and_a_wrapping_script_goes_on(workspace):
    for number, name in ((signal.SIGTERM, "TERM"), (signal.SIGINT, "INT"), (signal.SIGHUP, "HUP")):
        app = f"GL-{name}"
        # No trap: a signal passed on to the process group would end the script before its echo.
        shell = f"{BINARY} assess --questionnaire {QUESTIONNAIRE} --app {app}; echo \"wrapper went on: $?\""
        child = spawn80(workspace, shell=shell)
        answer(child, "Which hosting models?", "iaas")
        child.expect_exact("How often is access reviewed?")
        child.expect_exact(PROMPT)
        os.kill(soxready_pid(app), number)
        child.expect_exact("Interrupted: every confirmed answer is saved.")
        child.expect_exact(f"wrapper went on: {128 + number}")
        child.expect(pexpect.EOF)
        assert draft_answers(workspace, app)["hosting"][0] == '{"choices":["iaas"]}'


def test_ctrl_backslash_saves_and_exits_131_at_once_without_a_crash_report(workspace):
    child = spawn80(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "saas")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    started = time.monotonic()
    child.send("\x1c")                  # Ctrl-\: SIGQUIT from the terminal
    child.expect_exact("Interrupted: every confirmed answer is saved.")
    child.expect(pexpect.EOF, timeout=5)
    child.close()
    assert time.monotonic() - started < 3
    assert child.exitstatus == 131
    assert "crash" not in child.before.lower() and "backtrace" not in child.before.lower()
    assert draft_answers(workspace, "GL")["hosting"][0] == '{"choices":["saas"]}'


def test_every_ctrl_z_restores_the_terminal_and_every_fg_redraws_the_line(workspace):
    # dash has job control and, unlike bash, does not put the terminal back itself.
    child = pexpect.spawn("dash", ["-i"], cwd=str(workspace), env=c_locale_env(PS1="$ "), encoding="utf-8",
                          timeout=10, dimensions=(24, 80))
    child.expect_exact("$ ")
    child.send(f"{BINARY} assess --questionnaire {QUESTIONNAIRE} --app GL\r")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    typed = ""
    for keys in ("pa", "a"):
        child.send(keys)
        typed += keys
        time.sleep(0.3)                # let the keys be read before the terminal raises SIGTSTP
        child.sendcontrol("z")
        child.expect("Stopped")
        child.expect_exact("$ ")
        child.send("stty -a\r")
        child.expect(r"\s(-?icanon)\s")
        assert child.match.group(1) == "icanon"
        child.expect(r"\s(-?echo)\s")
        assert child.match.group(1) == "echo"
        child.expect_exact("$ ")
        child.send("fg\r")
        child.expect_exact("--app GL")   # dash names the job it continues
        child.expect_exact(PROMPT + typed)   # the prompt and the line typed so far, drawn again
    child.send("s\r")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect_exact("$ ")
    child.send("exit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["hosting"][0] == '{"choices":["paas"]}'


def test_a_line_taller_than_the_window_is_edited_after_a_shrink_without_a_crash(workspace):
    child = spawn80(workspace, "--app", "GL")
    reach_text_question(child)
    child.send(LONG)
    time.sleep(0.5)                      # let libedit draw all nine rows
    child.setwinsize(4, 80)              # SIGWINCH: nine rows of text in a four-row window
    time.sleep(0.3)
    child.send("\x1b[1~")                # Home (as tmux and xterm send it): start of the line
    time.sleep(0.2)
    child.send("X")                      # insert there (libedit's SIGSEGV)
    time.sleep(0.2)
    child.send("\x1b[D\x7f")             # Left, Backspace (nothing before the start)
    child.send("\x1b[4~\x7f")            # End, Backspace: the last "9"
    child.send("\x01\x1b[C\x1b[C\x7f")   # Ctrl-A, Right Right, Backspace: the "w" of word000
    time.sleep(0.2)
    child.setwinsize(24, 80)
    time.sleep(0.2)
    child.send("\r")
    child.expect_exact("Planned cutover date?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    expected = "Xord000" + LONG[len("word000"):-1]
    assert json.loads(draft_answers(workspace, "GL")["system-notes"][0]) == {"text": expected}


def test_a_pasted_crlf_line_is_one_enter(workspace):
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    child.send("paas\r\nquarterly\r\n")    # two lines pasted from a Windows file
    child.expect_exact("Is MFA enforced for administrators?")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    answers = draft_answers(workspace, "GL")
    assert answers["hosting"][0] == '{"choices":["paas"]}'
    assert answers["uar-frequency"][0] == '{"choice":"quarterly-or-more"}'
    assert "mfa-admins" not in answers


def test_question_mark_on_a_prefilled_line_shows_help_at_once_and_the_prefill_comes_back(workspace):
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "semiannual-or-annual"})
    child = spawn80(workspace, "--app", "GL")
    child.expect_exact("> paas")
    child.send("\r")
    child.expect_exact("> semiannual-or-annual")
    child.send("?")                       # one key, no Enter
    child.expect_exact("Auditors sample user access reviews")
    child.expect_exact("> semiannual-or-annual")
    child.send("\r")
    child.expect_exact("Commitment: ")     # a gate partly met: who closes it by when?
    child.send("\r")                       # later
    child.expect_exact("Is MFA enforced for administrators?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["uar-frequency"][0] == '{"choice":"semiannual-or-annual"}'


def test_an_unset_term_gets_plain_prompts(workspace):
    environment = c_locale_env()
    environment.pop("TERM", None)
    child = pexpect.spawn(BINARY, ["assess", "--questionnaire", QUESTIONNAIRE, "--app", "GL"], cwd=str(workspace),
                          env=environment, encoding="utf-8", timeout=10, dimensions=(24, 80))
    child.expect_exact("Which hosting models?")
    child.expect_exact("\n>")
    child.send("paas\r")
    child.expect_exact("How often is access reviewed?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert "\x1b" not in child.before


def test_a_pipe_that_never_closes_is_answered_line_by_line(workspace):
    process = subprocess.Popen([BINARY, "assess", "--questionnaire", QUESTIONNAIRE, "--app", "GL"], cwd=str(workspace),
                               env=c_locale_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        os.set_blocking(process.stdout.fileno(), False)

        def wait_for(text, limit=5):
            seen = b""
            deadline = time.monotonic() + limit
            while time.monotonic() < deadline:
                chunk = process.stdout.read() or b""
                seen += chunk
                if text.encode() in seen:
                    return seen.decode()
                time.sleep(0.05)
            raise AssertionError(f"{text!r} not shown; got {seen.decode()!r}")

        wait_for("Which hosting models?")
        process.stdin.write(b"paas\n")
        process.stdin.flush()               # the pipe stays open
        wait_for("How often is access reviewed?")
        process.stdin.write(b":quit\n")
        process.stdin.flush()
        assert process.wait(timeout=5) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_history_stays_in_memory_and_no_file_is_written(workspace):
    home = workspace / "home"
    home.mkdir()
    child = spawn80(workspace, "--app", "GL", HOME=str(home))
    answer(child, "Which hosting models?", "paas")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    child.send("\x1b[A")                  # Up: the answer given in this session
    child.expect_exact("paas")
    child.send("\x15:quit\r")
    child.expect(pexpect.EOF)
    assert list(home.iterdir()) == []
    assert sorted(path.name for path in workspace.iterdir()) == [".soxready", "home"]
