"""Runs scripts/biennial-review.ior at a pseudo-terminal, as an NPM does at the ior prompt.

  python3 test_biennial_review.py IOR_BINARY STORE REPOSITORY_ROOT

STORE is a copy of the sample store (it is changed). The script asks for the review (a
parameter with no value), then each question; an empty answer is asked again; every answer is
recorded in the review. Run again, an Enter keeps a recorded answer, and Ctrl-C stops the
script and returns to the prompt. Prints "biennial-review checks passed" when all held.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyshell import spawn_checklist_shell, strip_ansi  # noqa: E402

REVIEW = "cedar-hollow-so-2026"


def main():
  binary, store, root = sys.argv[1:4]
  script = os.path.join(root, "scripts", "biennial-review.ior")
  with open(os.path.join(root, "scripts", "answers", "biennial-review.example.json")) as file:
    answers = json.load(file)
  shell = spawn_checklist_shell(binary, store)

  # The parameter, then every question in turn; the first is answered empty once.
  shell.send("run " + script + "\r")
  shell.expect("review: ")
  shell.send(REVIEW + "\r")
  for number, (question, answer) in enumerate(answers.items()):
    asked = strip_ansi(shell.expect("> "))
    assert question + ": " in asked, (question, asked)
    if number == 0:
      shell.send("\r")
      again = strip_ansi(shell.expect("> "))
      assert question + ": " in again, ("an empty answer was not asked again", again)
    shell.send(answer + "\r")
  done = strip_ansi(shell.expect("ior " + REVIEW + "> "))
  assert "ok: actions-planned" in done, done

  with open(os.path.join(store, "reviews", REVIEW + ".json")) as file:
    recorded = {key: value["text"] for key, value in json.load(file)["answers"].items()}
  assert recorded == answers, recorded

  # Again: Enter keeps the recorded answer, Ctrl-C stops the run but not the shell.
  shell.send("run " + script + " review=" + REVIEW + "\r")
  first = next(iter(answers))
  asked = strip_ansi(shell.expect("> "))
  assert "recorded: " in asked and "Enter keeps it" in asked, asked
  shell.send("\r")
  strip_ansi(shell.expect("> "))
  shell.send("\x03")
  stopped = strip_ansi(shell.expect("ior " + REVIEW + "> "))
  assert "interrupted" in stopped, stopped
  with open(os.path.join(store, "reviews", REVIEW + ".json")) as file:
    kept = json.load(file)["answers"][first]["text"]
  assert kept == answers[first], kept

  # Ctrl-D after a Ctrl-C leaves as it does anywhere else.
  shell.send("\x04")
  assert shell.wait_exit(5) == 0
  print("biennial-review checks passed")


if __name__ == "__main__":
  main()
