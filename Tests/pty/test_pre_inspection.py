"""Runs scripts/pre-inspection.ior at a pseudo-terminal, as an NPM does at the ior prompt.

  python3 test_pre_inspection.py IOR_BINARY STORE REPOSITORY_ROOT

STORE is a copy of the sample store (it is changed). The script asks for the review (a
parameter with no value), runs its checks, then asks each arrangement question; an answer
that is not one of the choices is refused and asked again; every answer is recorded in the
review. On a review that is not ready, a failed check stops the script before any question,
and the shell runs on. Prints "pre-inspection checks passed" when all held.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyshell import spawn_checklist_shell, strip_ansi  # noqa: E402

READY = "cedar-hollow-so-2026"
NOT_READY = "north-fork-so-2026"


def recorded(store, review):
  with open(os.path.join(store, "reviews", review + ".json")) as file:
    return {key: value["text"] for key, value in json.load(file)["answers"].items()}


def main():
  binary, store, root = sys.argv[1:4]
  script = os.path.join(root, "scripts", "pre-inspection.ior")
  with open(os.path.join(root, "scripts", "answers", "pre-inspection.example.json")) as file:
    answers = json.load(file)
  shell = spawn_checklist_shell(binary, store)

  # The parameter, the checks, then every question; the first is answered wrongly once.
  shell.send("run " + script + "\r")
  shell.expect("review: ")
  shell.send(READY + "\r")
  for number, (question, answer) in enumerate(answers.items()):
    asked = strip_ansi(shell.expect("> "))
    assert question + ": " in asked and "[yes/no/na]" in asked, (question, asked)
    if number == 0:
      assert "ok: request-returned" in asked, ("the checks did not pass first", asked)
      shell.send("maybe\r")
      again = strip_ansi(shell.expect("> "))
      assert "answer one of: yes, no, na" in again, ("a wrong choice was taken", again)
    shell.send(answer + "\r")
  done = strip_ansi(shell.expect("ior " + READY + "> "))
  assert "Ready for the inspection of " + READY + "." in done, done
  assert recorded(store, READY) == answers, recorded(store, READY)

  # A review that is not ready: the check fails, no question is asked, the shell runs on.
  shell.send("run " + script + " review=" + NOT_READY + "\r")
  stopped = strip_ansi(shell.expect("ior " + NOT_READY + "> "))
  assert "check 'npm-fields' failed: missing SDDO" in stopped, stopped
  assert "pre-travel" not in stopped, stopped
  assert recorded(store, NOT_READY) == {}, recorded(store, NOT_READY)

  shell.send("quit\r")
  assert shell.wait_exit(5) == 0
  print("pre-inspection checks passed")


if __name__ == "__main__":
  main()
