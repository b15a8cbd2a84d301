"""The wizard in a real pseudo-terminal: libedit editing, completion, pre-fill, signals, resume."""
import json
import os
import signal
import subprocess
import time

import pexpect

from conftest import BINARY, QUESTIONNAIRE, attest, batch, draft_answers, runs, spawn

PROMPT = "> "


def later_commitment(child):
    """After a gate answered as partly met, the wizard asks for a commitment; Enter leaves it for later."""
    child.expect_exact("Commitment: ")
    child.send("\r")
    child.expect_exact("no commitment yet")


def answer(child, expected, text):
    child.expect_exact(expected)
    child.expect_exact(PROMPT)
    child.send(text + "\r")


def test_tab_completes_a_multi_word_choice(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    child.send("semi")
    child.send("\t")
    child.expect_exact("annual-or-annual")   # libedit redraws only what the completion added
    child.send("\r")
    later_commitment(child)                  # a gate partly met: who closes it by when? (later)
    child.expect_exact("Is MFA enforced for administrators?")
    child.expect_exact(PROMPT)
    # A label with spaces completes too, against everything typed so far.
    child.send(":back\r")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    child.send("\x15")          # Ctrl-U clears the pre-filled answer
    child.send("No per")
    child.send("\t")
    child.expect_exact("iodic review")
    child.send("\r")
    child.expect_exact("Is MFA enforced for administrators?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert draft_answers(workspace, "GL")["uar-frequency"][0] == '{"choice":"no-review"}'


def test_second_tab_lists_the_candidates(workspace):
    child = spawn(workspace, "--app", "GL")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    child.send("iaas, ")
    child.send("\t")
    child.send("\t")
    child.expect_exact("iaas   paas   saas")
    child.send("\x03")
    child.expect(pexpect.EOF)


def test_prefilled_answer_is_kept_with_enter_and_cleared_to_leave_it_unanswered(workspace):
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "quarterly-or-more", "mfa-admins": "partial"})
    child = spawn(workspace, "--app", "GL")
    child.expect_exact("are pre-filled")
    child.expect_exact("Which hosting models?")
    child.expect_exact("> paas")
    child.send("\r")                       # keep
    child.expect_exact("How often is access reviewed?")
    child.expect_exact("> quarterly-or-more")
    child.send("\x15\r")                   # clear: left unanswered
    child.expect_exact("Is MFA enforced for administrators?")
    child.expect_exact("> partial")
    child.send("\x08\x08\x08\x08\x08\x08\x08yes\r")   # edit with Backspace
    child.expect_exact("Describe the system in one line.")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    answers = draft_answers(workspace, "GL")
    assert answers["hosting"][0] == '{"choices":["paas"]}'
    assert "uar-frequency" not in answers or answers["uar-frequency"][0] is None
    assert answers["mfa-admins"][0] == '{"choice":"yes"}'


def test_back_returns_to_the_previous_question(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "iaas")
    answer(child, "How often is access reviewed?", "2")
    later_commitment(child)
    child.expect_exact("Is MFA enforced for administrators?")
    child.expect_exact(PROMPT)
    child.send(":back\r")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact("> semiannual-or-annual")
    child.send("\x15quarterly\t\r")
    child.expect_exact("Is MFA enforced for administrators?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["uar-frequency"][0] == '{"choice":"quarterly-or-more"}'


def test_quit_then_resume_and_finish_records_a_run(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas")
    answer(child, "How often is access reviewed?", "quarterly-or-more")
    child.expect_exact("Is MFA enforced for administrators?")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect_exact("Saved 2 answers. Resume with: soxready assess --app GL")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn(workspace, "--app", "GL")
    child.expect_exact("has 2 answers.")
    child.expect_exact("[Y/n] ")
    child.send("\r")
    answer(child, "Is MFA enforced for administrators?", "y")
    answer(child, "Describe the system in one line.", "Oracle EBS general ledger")
    answer(child, "Planned cutover date?", "2027-03-31")
    answer(child, "Days of log retention?", "2555")
    # The gates are met without evidence references: ready with conditions (rules 2).
    attest(child, "Pat Preparer")
    child.expect_exact("Readiness:  READY WITH CONDITIONS")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    recorded = runs(workspace, "GL")
    assert [(number, readiness) for number, readiness, _ in recorded] == [(1, "ready-with-conditions")]
    assert json.loads(recorded[0][2])["system-notes"] == {"answer": {"text": "Oracle EBS general ledger"}}
    assert (workspace / "Reports" / "gl" / "gl-run-1.md").exists()
    assert (workspace / "Reports" / "gl" / "gl-run-1.html").exists()


def test_ctrl_c_saves_exits_130_and_restores_the_terminal(workspace):
    # The parent shell ignores Ctrl-C itself, as an interactive shell would not die of it.
    shell = (f"trap true INT; stty -g > before.txt; {BINARY} assess --questionnaire {QUESTIONNAIRE} --app GL; "
             "echo \"status=$?\"; stty -g > after.txt")
    child = spawn(workspace, shell=shell)
    answer(child, "Which hosting models?", "saas")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact(PROMPT)
    child.send("quar")
    child.sendintr()
    child.expect_exact("Interrupted: every confirmed answer is saved.")
    child.expect_exact("status=130")
    child.expect(pexpect.EOF)
    assert (workspace / "before.txt").read_text() == (workspace / "after.txt").read_text()
    assert draft_answers(workspace, "GL")["hosting"][0] == '{"choices":["saas"]}'
    assert "uar-frequency" not in draft_answers(workspace, "GL")


def test_ctrl_d_never_accepts_the_default(workspace):
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "quarterly-or-more"})
    child = spawn(workspace, "--app", "GL")
    child.expect_exact("> paas")
    child.send("\r")
    child.expect_exact("> quarterly-or-more")
    child.send("\x15")      # clear the line, then Ctrl-D on the empty line
    child.send("\x04")
    child.expect_exact("input ended before the questionnaire was finished; nothing was taken as a default")
    child.expect_exact("first unanswered question: uar-frequency")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 66
    answers = draft_answers(workspace, "GL")
    assert answers["hosting"][0] == '{"choices":["paas"]}'
    assert "uar-frequency" not in answers


def test_utf8_text_with_emoji_and_combining_accent_is_edited_by_whole_characters(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas")
    answer(child, "How often is access reviewed?", "1")
    answer(child, "Is MFA enforced for administrators?", "y")
    child.expect_exact("Describe the system in one line.")
    child.expect_exact(PROMPT)
    child.send("Cafe\u0301 総勘定元帳 👍🏽")
    child.send("\x7f\x7f")        # two Backspaces: the skin tone and the thumbs-up, not bytes of them
    child.send("✅")
    child.send("\x1b[D")          # Left arrow over the check mark
    child.send("\x7f")            # Backspace: the space before it
    child.send("\r")
    child.expect_exact("Planned cutover date?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["system-notes"][0] == json.dumps({"text": "Cafe\u0301 総勘定元帳✅"}, ensure_ascii=False, separators=(",", ":"))


def test_sigkill_mid_run_then_resume_keeps_every_confirmed_answer(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "iaas, paas")
    answer(child, "How often is access reviewed?", "semi")
    later_commitment(child)
    answer(child, "Is MFA enforced for administrators?", "p")
    child.expect_exact("Commitment: ")
    child.send(":owner Dana Lee :due 2027-02-15\r")
    child.expect_exact("commitment saved: Dana Lee, due 2027-02-15")
    child.expect_exact("Describe the system in one line.")
    child.expect_exact(PROMPT)
    child.send("half typed, never confirmed")
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    answers = draft_answers(workspace, "GL")
    assert {key: value[0] for key, value in answers.items()} == {
        "hosting": '{"choices":["iaas","paas"]}',
        "uar-frequency": '{"choice":"semiannual-or-annual"}',
        "mfa-admins": '{"choice":"partial"}',
    }
    assert answers["mfa-admins"][-2:] == ("Dana Lee", "2027-02-15")
    child = spawn(workspace, "--app", "GL", "--resume")
    child.expect_exact("Describe the system in one line.")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_term_dumb_prints_plain_prompts_with_no_escape_byte(workspace):
    import io
    seen = io.StringIO()
    child = spawn(workspace, "--app", "GL", TERM="dumb", NO_COLOR="")
    child.logfile_read = seen
    child.expect_exact("Which hosting models?")
    child.send("paas\r")
    child.expect_exact("How often is access reviewed?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert "\x1b" not in seen.getvalue()


def test_ctrl_z_and_fg_keep_editing(workspace):
    child = spawn(workspace, "--app", "GL")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    child.send("pa")
    time.sleep(0.3)              # let libedit read the keys before the tty driver raises SIGTSTP
    child.sendcontrol("z")
    time.sleep(0.3)
    assert child.isalive()
    os.kill(child.pid, signal.SIGCONT)   # what fg does
    time.sleep(0.3)
    child.send("as\r")
    child.expect_exact("How often is access reviewed?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["hosting"][0] == '{"choices":["paas"]}'


def test_only_gaps_asks_only_the_gaps_with_their_last_answers_prefilled(workspace):
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "semiannual-or-annual", "mfa-admins": "yes",
                            "system-notes": "'Oracle EBS'", "cutover-date": "2027-03-31", "retention-days": "2555"})
    child = spawn(workspace, "--app", "GL", "--only-gaps")
    child.expect_exact("answers from run 1 carried over unchanged; asking only the gaps of run 1")
    child.expect_exact("How often is access reviewed?")
    child.expect_exact("> semiannual-or-annual")
    child.send("\x15quarterly-or-more\r")
    attest(child, "Pat Preparer")
    child.expect_exact("Readiness:  READY")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    transcript = child.before
    assert "Is MFA enforced" not in transcript
    recorded = runs(workspace, "GL")
    assert [number for number, _, _ in recorded] == [1, 2]
    second = json.loads(recorded[1][2])
    assert second["uar-frequency"] == {"answer": {"choice": "quarterly-or-more"}}
    assert second["mfa-admins"] == {"answer": {"choice": "yes"}}
    assert second["system-notes"] == {"answer": {"text": "Oracle EBS"}}


def test_a_rerun_names_the_last_preparer_but_never_fills_the_name_in(workspace):
    """The preparer's name is typed every time: what is typed is the name recorded (never glued to a
    pre-filled one), an empty line asks again, and Tab completes the last run's preparer."""
    batch(workspace, "GL", {"hosting": "[paas]", "uar-frequency": "semiannual-or-annual", "mfa-admins": "yes",
                            "system-notes": "'Oracle EBS'", "cutover-date": "2027-03-31", "retention-days": "2555"})
    child = spawn(workspace, "--app", "GL", "--only-gaps")
    child.expect_exact("> semiannual-or-annual")
    child.send("\r")
    later_commitment(child)
    child.expect(r"The last run was prepared by Pat\s+Preparer; Tab completes that name\.")
    child.expect_exact("Prepared by: ")
    child.send("\r")                        # nothing typed: asked again, nothing taken by default
    child.expect_exact("the preparer's name")
    child.expect_exact("Prepared by: ")
    child.send("Dana Lee\r")
    child.expect_exact('Dana Lee, do you attest:')
    child.expect_exact("[y/N] ")
    child.send("y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    prepared = subprocess.run(["sqlite3", str(workspace / ".soxready" / "soxready.sqlite"),
                               "SELECT number, preparedBy FROM run ORDER BY number"], capture_output=True, text=True, check=True)
    assert prepared.stdout == "1|Pat Preparer\n2|Dana Lee\n"

    child = spawn(workspace, "--app", "GL", "--only-gaps")
    child.expect_exact("> semiannual-or-annual")
    child.send("\r")
    later_commitment(child)
    child.expect_exact("Prepared by: ")
    child.send("Da\t")
    child.expect_exact("na Lee")              # completed in place after "Da"
    child.send("\r")
    child.expect_exact('Dana Lee, do you attest:')
    child.send("y\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_sigterm_and_sighup_save_and_restore_the_terminal(workspace):
    for number, name in ((signal.SIGTERM, "TERM"), (signal.SIGHUP, "HUP")):
        # libedit passes the signal on to its whole process group, as an interactive shell would not see it.
        shell = (f"trap true INT TERM HUP; stty -g > before-{name}.txt; {BINARY} assess --questionnaire {QUESTIONNAIRE} --app GL-{name}; "
                 f"echo \"status=$?\"; stty -g > after-{name}.txt")
        child = spawn(workspace, shell=shell)
        answer(child, "Which hosting models?", "iaas")
        child.expect_exact("How often is access reviewed?")
        child.expect_exact(PROMPT)
        pid = int(subprocess.run(["pgrep", "-f", f"assess --questionnaire .* --app GL-{name}$"], capture_output=True, text=True).stdout.split()[0])
        os.kill(pid, number)
        child.expect_exact("Interrupted: every confirmed answer is saved.")
        child.expect_exact(f"status={128 + number}")
        child.expect(pexpect.EOF)
        assert (workspace / f"before-{name}.txt").read_text() == (workspace / f"after-{name}.txt").read_text()
        assert draft_answers(workspace, f"GL-{name}")["hosting"][0] == '{"choices":["iaas"]}'


def test_up_arrow_recalls_earlier_answers_and_ctrl_w_deletes_a_whole_word(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas, saas")
    answer(child, "How often is access reviewed?", "quarterly-or-more")
    answer(child, "Is MFA enforced for administrators?", "partial")
    later_commitment(child)
    child.expect_exact("Describe the system in one line.")
    child.expect_exact(PROMPT)
    child.send("\x1b[A")            # Up: the previous answer of this session
    child.expect_exact("partial")
    child.send("\x15")              # clear it
    child.send("総勘定元帳 システム")
    child.send("\x17")              # Ctrl-W: the last word, all of its wide characters
    child.send("ERP\r")
    child.expect_exact("Planned cutover date?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert draft_answers(workspace, "GL")["system-notes"][0] == json.dumps({"text": "総勘定元帳 ERP"}, ensure_ascii=False, separators=(",", ":"))


def test_skipped_questions_are_offered_again_before_the_run_is_recorded(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas")
    answer(child, "How often is access reviewed?", ":skip")
    answer(child, "Is MFA enforced for administrators?", "y")
    answer(child, "Describe the system in one line.", "General ledger")
    answer(child, "Planned cutover date?", "2027-03-31")
    answer(child, "Days of log retention?", "2555")
    child.expect_exact("1 question is still unanswered (1 gating): Q2 uar-frequency")
    child.expect_exact("[y/N] ")
    child.send("y\r")
    answer(child, "How often is access reviewed?", "1")
    attest(child, "Pat Preparer")
    child.expect_exact("Readiness:  READY")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    recorded = runs(workspace, "GL")
    assert json.loads(recorded[0][2])["uar-frequency"] == {"answer": {"choice": "quarterly-or-more"}}


def test_the_preparer_names_themselves_and_declining_the_attestation_records_nothing(workspace):
    child = spawn(workspace, "--app", "GL")
    answer(child, "Which hosting models?", "paas")
    answer(child, "How often is access reviewed?", "quarterly-or-more")
    answer(child, "Is MFA enforced for administrators?", "y")
    answer(child, "Describe the system in one line.", "Oracle EBS")
    answer(child, "Planned cutover date?", "2027-03-31")
    answer(child, "Days of log retention?", "2555")
    child.expect_exact("Who prepared these answers?")
    child.expect_exact("Prepared by: ")
    child.send("Dana Lee\r")
    child.expect_exact('Dana Lee, do you attest: "The answers are complete and accurate to the best of my knowledge."')
    child.expect_exact("[y/N] ")
    child.send("\r")                        # the default is no: nothing is recorded
    child.expect_exact("Not recorded: the run needs its preparer's attestation.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert runs(workspace, "GL") == []
    assert draft_answers(workspace, "GL")["retention-days"][0] == '{"number":2555}'


def test_the_name_prompt_completes_known_names_and_finds_one_typed_in_another_case(workspace):
    batch(workspace, "Treasury Payments", {"hosting": "[paas]"})
    child = spawn(workspace)
    child.expect_exact("Tab completes the 1 in")
    child.expect_exact("Application: ")
    child.send("tre")
    child.send("\t")
    child.expect_exact("asury Payments")     # libedit redraws only what the completion added
    child.send("\x15")                        # Ctrl-U: type it again in lower case instead
    child.send("treasury payments\r")
    child.expect_exact("Found Treasury Payments (1 run, the latest ")
    child.expect_exact("soxready · Treasury Payments · ")
    child.expect_exact("Which hosting models?")
    child.expect_exact(PROMPT)
    child.send("\r")                          # keep the pre-filled answer: the draft starts with it
    child.expect_exact("How often is access reviewed?")
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # The draft belongs to the application already in the store: no second one was made.
    db = __import__("sqlite3").connect(str(workspace / ".soxready" / "soxready.sqlite"))
    assert db.execute("SELECT name FROM app ORDER BY name").fetchall() == [("Treasury Payments",)]
    assert db.execute("SELECT app.name FROM draft JOIN app ON app.id = draft.appID").fetchall() == [("Treasury Payments",)]
