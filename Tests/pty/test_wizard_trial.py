"""What a project lead's first run over SSH at 80x24 with LC_ALL=C showed (the new-user trial), in a
real pseudo-terminal: questions asked only after go-live, an empty Enter, help, questions passed over."""
import io
import json
import pathlib

import pexpect

from conftest import BINARY, CACHE, attest, c_locale_env, draft_answers, runs

CUTOVER = str(pathlib.Path(__file__).resolve().parent / "fixtures" / "pty-cutover.yaml")
PROMPT = "> "


def spawn_trial(workspace, *args, **extra):
    """soxready assess on the cutover questionnaire at 80x24, LC_ALL=C and LANG unset."""
    environment = c_locale_env(**extra)
    environment["SOXREADY_CACHE"] = CACHE
    child = pexpect.spawn(BINARY, ["assess", "--questionnaire", CUTOVER, *args], cwd=str(workspace), env=environment,
                          encoding="utf-8", timeout=10, dimensions=(24, 80))
    child.logfile_read = io.StringIO()   # everything shown, for what must not be
    return child


def transcript(child):
    return child.logfile_read.getvalue()


def answer(child, expected, text):
    child.expect_exact(expected)
    child.expect_exact(PROMPT)
    child.send(text + "\r")


def test_questions_asked_only_after_go_live_are_not_asked_before_the_cutover(workspace):
    child = spawn_trial(workspace, "--app", "GL")
    child.expect_exact("8 questions in 2 domains (2 of them asked only after go-live). Every answer is\r\n"
                       "saved as you go")
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "General ledger")
    answer(child, "On what date is go-live in Azure planned?", "2099-01-31")
    answer(child, "Is the application in the SOX scope of the current year", "y")
    # Said once, in words, and the next question is the runbook: the two are not asked.
    child.expect_exact("  (2 questions are asked only after go-live, and the cutover date, 2099-01-31,\r\n"
                       "  is still ahead: they are not asked in this run, starting with question 6,\r\n"
                       "  First access review in Azure. A rerun on or after the cutover date asks them.)\r\n")
    child.expect_exact("Domain 2/2 · Question 8/8\r\nIs there a runbook for the batch jobs?")
    child.expect_exact(PROMPT)
    child.send("y\r")
    # Nothing is left open: no review of skipped questions, straight to the preparer.
    attest(child, "Pat Preparer")
    child.expect_exact("Readiness:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = transcript(child)
    assert "Was the first access review" not in shown and "Was monitoring validated" not in shown
    assert "still unanswered" not in shown
    assert shown.count("asked only after go-live, and the cutover date") == 1
    recorded = runs(workspace, "GL")
    assert [number for number, _, _ in recorded] == [1]
    assert "first-azure-access-review" not in json.loads(recorded[0][2])


def test_a_cutover_date_that_has_passed_asks_them(workspace):
    child = spawn_trial(workspace, "--app", "GL")
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "General ledger")
    answer(child, "On what date is go-live in Azure planned?", "2020-01-31")
    answer(child, "Is the application in the SOX scope of the current year", "y")
    child.expect_exact("Domain 2/2 · Question 6/8\r\nWas the first access review of the Azure environment completed")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert "asked only after go-live, and the cutover" not in transcript(child)
    assert draft_answers(workspace, "GL")["cutover-date"][0] == '{"date":"2020-01-31"}'


def test_an_empty_enter_says_the_question_was_skipped_in_full_once_then_shortly(workspace):
    child = spawn_trial(workspace, "--app", "GL")
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "")
    child.expect_exact("  – skipped; :back returns to it, and you are asked again before the run is\r\n"
                       "    recorded\r\n")
    answer(child, "On what date is go-live in Azure planned?", "")
    child.expect_exact("  – skipped\r\n")
    answer(child, "Is the application in the SOX scope of the current year", "y")
    answer(child, "Is there a runbook for the batch jobs?", "y")
    # As promised: asked again before the run is recorded.
    child.expect_exact("2 questions are still unanswered: Q2 system-notes, Q3 cutover-date")
    child.expect_exact("[y/N] ")
    child.send("y\r")
    answer(child, "Describe the system in one line.", ":quit")
    child.expect_exact("Saved 3 answers.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "system-notes" not in draft_answers(workspace, "GL")


def test_help_is_reflowed_to_80_columns_and_the_question_comes_back_after_it(workspace):
    child = spawn_trial(workspace, "--app", "GL")
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "General ledger")
    answer(child, "On what date is go-live in Azure planned?", "2099-01-31")
    child.expect_exact("Is the application in the SOX scope of the current year")
    child.expect_exact(PROMPT)
    child.send("?")
    child.expect_exact("  Pick every process the application feeds, posts to or controls. This records\r\n"
                       "  what the scoping memo should already say and helps reviewers read the rest of\r\n"
                       "  the report. Picking Treasury adds the payment-control questions.\r\n"
                       "\r\n"
                       "  A second paragraph, after a blank line.\r\n"
                       "  Evidence auditors ask for: the scoping memo naming the application and the\r\n"
                       "  accounts it affects.\r\n"
                       "  On Azure: no provider attestation settles scoping; it stays entirely with the\r\n"
                       "  company.\r\n"
                       "  - one item of a list\r\n"
                       "  - another item\r\n")
    child.expect_exact(":quit save and leave\r\n"
                       "\r\n"
                       "Is the application in the SOX scope of the current year, with the accounts it\r\n"
                       "affects named?\r\n")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)


def test_a_question_passed_over_is_named_in_the_leads_words(workspace):
    child = spawn_trial(workspace, "--app", "GL")
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "General ledger")
    answer(child, "On what date is go-live in Azure planned?", "2099-01-31")
    child.expect_exact("  (Question 4, Vendor SOC coverage, does not apply: it is asked only when\r\n"
                       "  Third-party providers is ISV, MSP or Several.)\r\n")
    child.expect_exact("Is the application in the SOX scope of the current year")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    assert "vendor-soc-coverage" not in transcript(child) and "['isv'" not in transcript(child)


def test_the_resume_prompt_and_the_plan_paths_are_wrapped_at_words(workspace):
    app = "Accounts Payable and Expense Reimbursement EMEA"
    child = spawn_trial(workspace, "--app", app)
    answer(child, "Which third parties run part of the application?", "none")
    answer(child, "Describe the system in one line.", "General ledger")
    child.expect_exact("On what date is go-live in Azure planned?")
    child.expect_exact(PROMPT)
    child.send(":quit\r")
    child.expect(pexpect.EOF)
    child = spawn_trial(workspace, "--app", app)
    child.expect("An unfinished assessment of Accounts Payable and Expense Reimbursement EMEA from\r\n"
                 r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ has 2 answers\.\r\n")
    child.expect_exact("Resume it? (y = resume, n = start again)\r\n")
    child.expect_exact("[Y/n] ")
    child.send("\r")
    answer(child, "On what date is go-live in Azure planned?", "2099-01-31")
    answer(child, "Is the application in the SOX scope of the current year", "y")
    answer(child, "Is there a runbook for the batch jobs?", "y")
    attest(child, "Pat Preparer")
    child.expect_exact("Plan written to:\r\n"
                       "  Reports/accounts-payable-and-expense-reimbursement-emea/accounts-payable-and-expense-reimbursement-emea-run-1.md\r\n"
                       "  Reports/accounts-payable-and-expense-reimbursement-emea/accounts-payable-and-expense-reimbursement-emea-run-1.html\r\n"
                       "Sign-off pack:\r\n"
                       "  Reports/accounts-payable-and-expense-reimbursement-emea/accounts-payable-and-expense-reimbursement-emea-run-1.pack.html\r\n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
