#!/usr/bin/env python3
"""Pseudo-terminal tests of the comforts that need a terminal: the editor ($EDITOR), the
pager ($PAGER), the start-up file, and confirmation of remove. Stand-in programs play the
editor and the pager. Usage: test_comforts.py PATH-TO-IOR. Exits 0 when every check passes."""
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyshell  # noqa: E402


def write_script(path, text):
  with open(path, "w") as handle:
    handle.write(text)
  os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def main():
  ior = os.path.abspath(sys.argv[1])
  root = tempfile.mkdtemp(prefix="ior-pty-comforts-")
  store = os.path.join(root, "store")
  env = {"IOR_TODAY": "2025-06-15", "HOME": root, "XDG_STATE_HOME": root + "/state",
         "XDG_CONFIG_HOME": root + "/config", "NO_COLOR": "1",
         "IOR_PROGRESS_DELAY": "0"}
  seed = ('add partner lake-so name="Lake"; new review lake-so type=program date=2025-05-12;'
          ' add deficiency "Warrant served" cite="ICE Policy 1"; add concern "Paper roster";'
          ' add action D1 "Retrain" owner="Lt. K. Moore" due=2025-09-01')
  subprocess.run([ior, "--store", store, "-c", seed], check=True, env={**os.environ, **env})
  write_script(root + "/editor.sh", "#!/bin/sh\nprintf 'Detail written in the editor.\\n' > \"$1\"\n"
               "touch " + root + "/editor-ran\n")
  write_script(root + "/pager.sh", "#!/bin/sh\ncat > " + root + "/paged.txt\necho PAGER-RAN\n")
  os.makedirs(root + "/config/ior")
  with open(root + "/config/ior/iorrc", "w") as handle:
    handle.write("set format=csv\nnot-a-command\n")
  env.update({"EDITOR": root + "/editor.sh", "PAGER": root + "/pager.sh"})

  shell = ptyshell.spawn([ior, "--store", store], env=env, cwd=root)
  # The start-up file ran: its error is reported with its line, and the shell started.
  shell.expect(r"iorrc:2: unknown command 'not-a-command'")
  shell.expect(r"ior> ")
  shell.send("open review lake-so-2025\r")
  shell.expect(r"ior lake-so-2025> ")
  shell.send("edit finding D1\r")
  shell.expect(r"ior lake-so-2025> ")
  with open(store + "/reviews/lake-so-2025.json") as handle:
    review = json.load(handle)
  assert review["findings"][0]["detail"] == "Detail written in the editor.", review["findings"][0]
  # The other long texts open the same way: an action's plan, an answer.
  shell.send("edit action A1\r")
  shell.expect(r"updated the plan of A1")
  shell.send("edit answer wso-3\r")
  shell.expect(r"updated the text of wso-3")
  # A question that does not exist is refused before the editor opens.
  if os.path.exists(root + "/editor-ran"):
    os.remove(root + "/editor-ran")
  shell.send("edit answer no-such-question\r")
  shell.expect(r"no question 'no-such-question'")
  assert not os.path.exists(root + "/editor-ran"), "the editor opened for an unknown question"
  with open(store + "/reviews/lake-so-2025.json") as handle:
    review = json.load(handle)
  assert review["actions"][0]["plan"] == "Detail written in the editor.", review["actions"][0]
  assert review["answers"]["wso-3"]["text"] == "Detail written in the editor.", review["answers"]
  # Output taller than the 24-row terminal goes through the pager; the rc's csv format holds.
  shell.send("questions\r")
  shell.expect(r"PAGER-RAN")
  shell.expect(r"ior lake-so-2025> ")
  with open(root + "/paged.txt") as handle:
    paged = handle.read()
  assert paged.startswith("id,role,topic,question,answered"), paged[:80]
  # Short output is written straight to the terminal.
  shell.send("list findings\r")
  shell.expect(r"C1,concern,Paper roster")
  # remove asks first; anything but yes keeps the finding.
  shell.send("remove finding C1\r")
  shell.expect(r"remove finding C1\? \[y/N\] ")
  shell.send("n\r")
  shell.expect(r"nothing removed")
  shell.send("remove finding C1\r")
  shell.expect(r"\[y/N\] ")
  shell.send("y\r")
  shell.expect(r"removed C1")
  # Work over many documents reports progress on the terminal (here from the first file).
  shell.send("summary fy 2025\r")
  shell.expect(r"reading partners: ")
  shell.expect(r"ior lake-so-2025> ")
  shell.send("quit\r")
  assert shell.wait_exit(10) == 0
  # A batch run at a terminal shows the progress line too, on standard error.
  batch = ptyshell.spawn([ior, "--store", store, "-c", "summary fy 2025 format=csv"], env=env,
                         cwd=root)
  batch.expect(r"reading partners: ")
  assert batch.wait_exit(10) == 0
  print("ok: editor, pager, start-up file, remove confirmation")


if __name__ == "__main__":
  main()
