"""The interactive shell at a real pseudo-terminal: prompt, completion, history, Ctrl-C, Ctrl-D,
UTF-8 text and the questions asked for missing values.

  python3 Tests/pty/test_shell.py PATH-TO-IOR [CHECK...]

CHECK names a test_ function without its prefix (ctrl_c_cancels_the_line); none runs them all.

Exits 0 when every check holds; otherwise prints what failed (with the terminal output) and
exits 1. Run by Tests/EndToEndTests/TerminalTests.swift.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyshell import PtyTimeout, spawn, strip_ansi  # noqa: E402

UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"
PROMPT = "ior> "
REVIEW_PROMPT = "ior lake-so-2025> "

class Fixture:
  """A temporary HOME, XDG folders and a store seeded with lake-so and lake-so-2025."""

  def __init__(self, binary):
    self.binary = binary
    self.root = tempfile.mkdtemp(prefix="ior-pty-")
    self.store = os.path.join(self.root, "store")
    self.env = {
      "HOME": os.path.join(self.root, "home"),
      "XDG_STATE_HOME": os.path.join(self.root, "state"),
      "XDG_DATA_HOME": os.path.join(self.root, "data"),
      "IOR_TODAY": "2025-12-01",
      "IOR_USER": "pty-tester",
      "IOR_STORE": None,
      "NO_COLOR": "1",
      "TERM": "xterm",
      "LANG": "C.UTF-8",
    }
    os.makedirs(self.env["HOME"])
    seed = subprocess.run(
      [binary, "--store", self.store, "-c",
       'add partner lake-so name="Lake County Sheriff\'s Office"; '
       "new review lake-so type=program date=2025-05-12"],
      env=self.child_env(), cwd=self.root, capture_output=True, text=True, timeout=30)
    check(seed.returncode == 0, f"seeding the store failed: {seed.stderr}")

  def child_env(self):
    merged = dict(os.environ)
    for key, value in self.env.items():
      if value is None:
        merged.pop(key, None)
      else:
        merged[key] = value
    return merged

  def shell(self):
    """Starts the interactive shell and waits for its first prompt."""
    shell = spawn([self.binary, "--store", self.store], env=self.env, cwd=self.root)
    shell.expect_text(PROMPT)
    return shell

  def document(self, path):
    with open(os.path.join(self.store, path), encoding="utf-8") as file:
      return json.load(file)

  @property
  def history(self):
    return os.path.join(self.env["XDG_STATE_HOME"], "ior", "history")

  def close(self):
    shutil.rmtree(self.root, ignore_errors=True)

class CheckFailed(AssertionError):
  pass

def check(condition, message):
  if not condition:
    raise CheckFailed(message)

def leave(shell):
  """Ctrl-D on an empty line: the shell leaves with status 0."""
  shell.send(CTRL_D)
  try:
    status = shell.wait_exit(5)
  except PtyTimeout:
    raise CheckFailed("Ctrl-D on an empty line was ignored: the shell is still running; "
                      f"output tail: {shell.output[-300:]!r}")
  check(status == 0, f"Ctrl-D left with status {status}, not 0")

# The checks, each on its own shell over the same store.

def test_prompt_and_command_completion(fixture):
  with fixture.shell() as shell:
    shell.send("li\t")
    shell.expect_text("st ")
    shell.send("pa\t")
    shell.expect_text("rtners ")
    shell.send("\r")
    listing = strip_ansi(shell.expect_text(PROMPT))
    check("lake-so" in listing and "Lake County Sheriff's Office" in listing,
          f"'li<TAB> pa<TAB>' did not run 'list partners': {listing!r}")
    leave(shell)

def test_id_completion_and_review_prompt(fixture):
  with fixture.shell() as shell:
    shell.send("open review lake\t")
    shell.expect_text("-so-2025 ")
    shell.send("\r")
    opened = strip_ansi(shell.expect_text(REVIEW_PROMPT))
    check("review lake-so-2025" in opened, f"the review did not open: {opened!r}")
    leave(shell)

def test_value_completion(fixture):
  with fixture.shell() as shell:
    shell.send("new review lake-so type=pro\t")
    shell.expect_text("gram ")
    shell.send("date=2027-05-10\r")
    shell.expect_text("ior lake-so-2027> ")
    leave(shell)
  kind = fixture.document("reviews/lake-so-2027.json")["type"]
  check(kind == "program", f"'type=pro<TAB>' made a review of type {kind!r}")

def test_file_and_removable_id_completion(fixture):
  folder = os.path.join(fixture.root, "checks")
  os.makedirs(folder, exist_ok=True)
  with open(os.path.join(folder, "first-check.ior"), "w", encoding="utf-8") as file:
    file.write("echo from-first-check\n")
  with open(os.path.join(folder, "my file.ior"), "w", encoding="utf-8") as file:
    file.write("echo from-my-file\n")
  with fixture.shell() as shell:
    shell.send("run che\t")
    shell.expect_text("cks/")
    shell.send("fi\t")
    shell.expect_text("rst-check.ior ")
    shell.send("\r")
    out = strip_ansi(shell.expect_text(PROMPT))
    check("from-first-check" in out, f"'run che<TAB>fi<TAB>' did not run the script: {out!r}")
    shell.send("run checks/my\t")
    shell.expect_text("\\ file.ior ")
    shell.send("\r")
    out = strip_ansi(shell.expect_text(PROMPT))
    check("from-my-file" in out, f"a completed name with a space did not run: {out!r}")
    shell.send('open review lake-so-2025; add concern "Roster on paper"\r')
    shell.expect_text(REVIEW_PROMPT)
    shell.send("remove finding C\t")
    shell.expect_text("1 ")
    shell.send(CTRL_C)
    shell.expect_text(REVIEW_PROMPT)
    leave(shell)

def test_csv_and_json_at_the_terminal_escape_control_characters(fixture):
  seed = subprocess.run(
    [fixture.binary, "--store", fixture.store, "-c",
     'add partner evil-so name="Evil\x1b[2J\x1b]0;title\x07 SO"'],
    env=fixture.child_env(), cwd=fixture.root, capture_output=True, text=True, timeout=30)
  check(seed.returncode == 0, f"seeding the hostile name failed: {seed.stderr}")
  with fixture.shell() as shell:
    for format in ("csv", "json"):
      shell.send(f"list partners format={format}\r")
      out = shell.expect_text(PROMPT)
      check("\x1b[2J" not in out and "\x1b]0;" not in out,
            f"format={format} wrote a raw escape sequence to the terminal: {out!r}")
      visible = "Evil\\x1B" if format == "csv" else "Evil\\u001b"
      check(visible in out, f"format={format} did not show the escape visibly: {out!r}")
    leave(shell)

def test_ctrl_c_cancels_the_line(fixture):
  # Several rounds: a Ctrl-C that leaves the terminal in a bad state shows up only sometimes.
  for _ in range(5):
    with fixture.shell() as shell:
      shell.send("add partner half-typed name=\"Never")
      shell.expect_text("Never")
      shell.send(CTRL_C)
      shell.expect_text(PROMPT)
      shell.send("list partners\r")
      listing = strip_ansi(shell.expect_text(PROMPT))
      check("lake-so" in listing, f"the shell did not run a command after Ctrl-C: {listing!r}")
      check(listing.count("list partners") <= 1,
            f"the line was echoed twice after Ctrl-C (terminal left in cooked mode): {listing!r}")
      leave(shell)
    check(not os.path.exists(os.path.join(fixture.store, "partners", "half-typed.json")),
          "Ctrl-C ran the half-typed line")

def test_ctrl_d_leaves(fixture):
  # Several rounds, each Ctrl-D pressed as soon as the prompt is back after a command.
  for round in range(5):
    with fixture.shell() as shell:
      shell.send(f"echo round-{round}\r")
      out = strip_ansi(shell.expect_text(PROMPT))
      check(out.count(f"echo round-{round}") == 1,
            f"the line typed at a fresh prompt was echoed twice (terminal still cooked): {out!r}")
      leave(shell)

def test_history_across_sessions(fixture):
  with fixture.shell() as shell:
    shell.send("echo remembered-line\r")
    shell.expect_text(PROMPT)
    leave(shell)
  mode = stat.S_IMODE(os.stat(fixture.history).st_mode)
  check(mode == 0o600, f"the history file has mode {oct(mode)}, not 0o600")
  with fixture.shell() as shell:
    shell.send(UP)
    shell.expect_text("echo remembered-line")
    shell.send("\r")
    out = strip_ansi(shell.expect_text(PROMPT))
    check("remembered-line\n" in out, f"the recalled line did not run: {out!r}")
    leave(shell)

def test_utf8_text_is_stored_exactly(fixture):
  with fixture.shell() as shell:
    shell.send("open partner lake-so\r")
    shell.expect_text("ior lake-so> ")
    shell.send('add officer "José Peñasco" authorized=2024-01-15\r')
    shell.expect_text("ior lake-so> ")
    leave(shell)
  names = [officer["name"] for officer in fixture.document("partners/lake-so.json")["officers"]]
  check("José Peñasco" in names, f"the officer's name was not stored exactly: {names!r}")

def test_missing_values_are_asked(fixture):
  with fixture.shell() as shell:
    shell.send("open review lake-so-2025\r")
    shell.expect_text(REVIEW_PROMPT)
    shell.send("add deficiency\r")
    shell.expect_text("deficiency: ")
    shell.send("Warrant served without supervisory review\r")
    shell.expect_text("citation")
    shell.send("MOA Article V\r")
    out = strip_ansi(shell.expect_text(REVIEW_PROMPT))
    check("added D1" in out, f"the deficiency was not confirmed: {out!r}")
    leave(shell)
  findings = fixture.document("reviews/lake-so-2025.json")["findings"]
  check(any(f["title"] == "Warrant served without supervisory review"
            and f["citation"] == "MOA Article V" for f in findings),
        f"the asked-for deficiency was not recorded: {findings!r}")

TESTS = [
  test_prompt_and_command_completion,
  test_id_completion_and_review_prompt,
  test_value_completion,
  test_file_and_removable_id_completion,
  test_csv_and_json_at_the_terminal_escape_control_characters,
  test_ctrl_c_cancels_the_line,
  test_ctrl_d_leaves,
  test_history_across_sessions,
  test_utf8_text_is_stored_exactly,
  test_missing_values_are_asked,
]

def main():
  if len(sys.argv) < 2:
    print(__doc__, file=sys.stderr)
    return 64
  known = {test.__name__[len("test_"):]: test for test in TESTS}
  names = sys.argv[2:] or list(known)
  unknown = [name for name in names if name not in known]
  if unknown:
    print(f"no check {unknown}; checks: {', '.join(known)}", file=sys.stderr)
    return 64
  fixture = Fixture(os.path.abspath(sys.argv[1]))
  failures = 0
  try:
    for name in names:
      try:
        known[name](fixture)
        print(f"ok    {name}")
      except Exception:  # report every failure, then go on
        failures += 1
        print(f"FAIL  {name}")
        traceback.print_exc(file=sys.stdout)
  finally:
    fixture.close()
  print(f"{len(names) - failures} of {len(names)} terminal checks passed")
  return 1 if failures else 0

if __name__ == "__main__":
  sys.exit(main())
