"""Runs scripts/new-partner.ior at a pseudo-terminal, as an NPM does at the ior prompt.

  python3 test_new_partner.py IOR_BINARY STORE REPOSITORY_ROOT

STORE is a copy of the sample store (it is changed). The script asks for each value in turn.
Given a date that does not exist, it records nothing (no half-recorded partner) and the shell
runs on; run again with good values, it records the partner whole and shows it. Prints
"new-partner checks passed" when all held.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyshell import spawn_checklist_shell, strip_ansi  # noqa: E402

VALUES = [
    ("partner", "lake-so"), ("name", "Lake County Sheriff's Office"), ("state", "fl"),
    ("fpm", "A. Rivera"), ("fpm-title", "Field Program Manager"), ("sddo", "J. Chen"),
    ("moa-signed", "2019-05-01"),
]


def answer_each(shell, values):
  for name, value in values:
    asked = strip_ansi(shell.expect(name + ": "))
    assert asked.endswith(name + ": "), (name, asked)
    shell.send(value + "\r")


def main():
  binary, store, root = sys.argv[1:4]
  script = os.path.join(root, "scripts", "new-partner.ior")
  document = os.path.join(store, "partners", "lake-so.json")
  shell = spawn_checklist_shell(binary, store)

  # A date that does not exist: refused, and no partner recorded at all.
  shell.send("run " + script + "\r")
  answer_each(shell, VALUES[:-1] + [("moa-signed", "2019-02-30")])
  refused = strip_ansi(shell.expect("ior> "))
  assert "'2019-02-30' is not a date" in refused, refused
  assert not os.path.exists(document), "a half-recorded partner was left behind"

  # Every value good: the partner, whole, and the card that shows it.
  shell.send("run " + script + "\r")
  answer_each(shell, VALUES)
  shown = strip_ansi(shell.expect("ior lake-so> "))
  assert "lake-so: Lake County Sheriff's Office" in shown, shown
  assert "FPM/POC:                   A. Rivera, Field Program Manager" in shown, shown
  assert "due two years after moa-signed (2019-05-01)" in shown, shown
  with open(document) as file:
    partner = json.load(file)
  assert partner["state"] == "FL" and partner["sddo"] == "J. Chen", partner
  assert partner["moaSigned"] == "2019-05-01", partner

  shell.send("quit\r")
  assert shell.wait_exit(5) == 0
  print("new-partner checks passed")


if __name__ == "__main__":
  main()
