"""Drive an interactive program through a pseudo-terminal (standard library only).

  from ptyshell import spawn
  shell = spawn(["./ior"], env={"HOME": "/tmp/h"}, cwd="/tmp")
  shell.expect("ior> ")
  shell.send("list\r")          # Return is "\r" on a terminal
  out = shell.expect(r"ior> ")  # everything printed since the previous match
  shell.send("\x04")            # Ctrl-D
  assert shell.wait_exit(5) == 0

Keys: Tab "\t", Ctrl-C "\x03", Ctrl-D "\x04", Up "\x1b[A", Down "\x1b[B".
The window size is fixed at 24 rows x 100 columns so line wrapping is reproducible.
"""

import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import tempfile
import termios
import time

ROWS = 24
COLUMNS = 100

# Terminal control sequences (colours, cursor motion, bracketed paste...), for strip_ansi.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x07")


def strip_ansi(text):
  """Removes terminal escape sequences, carriage returns and bells from text."""
  return _ANSI.sub("", text).replace("\r", "")


class PtyTimeout(AssertionError):
  """expect() or wait_exit() ran out of time; the message shows the unmatched output."""


class PtyShell:
  """A child process whose stdin, stdout and stderr are the slave side of one pty."""

  def __init__(self, argv, env=None, cwd=None):
    self.argv = list(argv)
    self.output = ""          # everything read so far (decoded UTF-8)
    self._position = 0        # where the next expect() starts searching
    self._decoder_tail = b""  # an incomplete UTF-8 sequence from the last read
    self._status = None
    self._closed = False
    self.pid, self.fd = pty.fork()
    if self.pid == 0:
      self._exec_child(env, cwd)
    _set_window_size(self.fd)

  def _exec_child(self, env, cwd):
    # Runs in the child; never returns. The window size is set on the slave before exec,
    # so the program sees 24x100 from its first ioctl (no race with the parent).
    try:
      _set_window_size(0)
      if cwd is not None:
        os.chdir(cwd)
      os.execvpe(self.argv[0], self.argv, _child_environment(env))
    except BaseException as error:  # report, then leave without running parent code
      os.write(2, f"ptyshell: cannot start {self.argv}: {error}\n".encode())
    finally:
      os._exit(127)

  def send(self, text):
    """Types text (str or bytes) at the terminal."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    while data:
      written = os.write(self.fd, data)
      data = data[written:]

  def expect(self, pattern, timeout=10.0):
    """Waits until pattern (a regex string/compiled regex, or literal text via
    re.escape by the caller) appears in the output after the previous match.

    Returns the output from the previous match up to the end of this one, and moves
    past it. Raises PtyTimeout (with the unmatched output) if it does not appear.
    """
    regex = pattern if hasattr(pattern, "search") else re.compile(pattern)
    deadline = time.monotonic() + timeout
    while True:
      match = regex.search(self.output, self._position)
      if match:
        seen = self.output[self._position:match.end()]
        self._position = match.end()
        return seen
      remaining = deadline - time.monotonic()
      if remaining <= 0 or not self._read(remaining):
        if not regex.search(self.output, self._position):
          raise PtyTimeout(
            f"timed out after {timeout}s waiting for {regex.pattern!r}; "
            f"unmatched output: {self.output[self._position:]!r}")

  def expect_text(self, text, timeout=10.0):
    """expect() for literal text (no regex metacharacters)."""
    return self.expect(re.escape(text), timeout)

  def read_available(self, wait=0.2):
    """Reads whatever arrives within `wait` seconds; returns the unmatched output."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
      pass
    return self.output[self._position:]

  def wait_exit(self, timeout=10.0):
    """Waits for the child to end, draining its output. Returns the exit status, or
    -N if signal N killed it. Raises PtyTimeout if it is still running."""
    deadline = time.monotonic() + timeout
    while self._status is None:
      self._read(0.05)
      pid, status = os.waitpid(self.pid, os.WNOHANG)
      if pid == self.pid:
        self._status = _decode_status(status)
      elif time.monotonic() > deadline:
        raise PtyTimeout(f"process still running after {timeout}s; "
                         f"output tail: {self.output[-500:]!r}")
    self.read_available(0.05)
    return self._status

  def kill(self, sig=signal.SIGKILL):
    """Sends a signal to the child, if it is still running."""
    if self._status is None:
      try:
        os.kill(self.pid, sig)
      except ProcessLookupError:
        pass

  def close(self):
    """Kills the child if needed, reaps it and closes the pty."""
    if self._closed:
      return
    if self._status is None:
      self.kill()
      try:
        self.wait_exit(5)
      except PtyTimeout:
        pass
    os.close(self.fd)
    self._closed = True

  def __enter__(self):
    return self

  def __exit__(self, *exc):
    self.close()

  def _read(self, timeout):
    """Reads one chunk into self.output. False on timeout or end of output."""
    ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
    if not ready:
      return False
    try:
      chunk = os.read(self.fd, 65536)
    except OSError as error:
      if error.errno == errno.EIO:  # Linux: the slave side is closed (child exited)
        return False
      raise
    if not chunk:
      return False
    self.output += self._decode(chunk)
    return True

  def _decode(self, chunk):
    # A multi-byte character can be split across reads; keep the unfinished tail.
    data = self._decoder_tail + chunk
    for cut in range(0, min(4, len(data)) + 1):
      head = data[:len(data) - cut] if cut else data
      try:
        text = head.decode("utf-8")
      except UnicodeDecodeError:
        continue
      self._decoder_tail = data[len(data) - cut:] if cut else b""
      return text
    self._decoder_tail = b""
    return data.decode("utf-8", errors="replace")


def spawn(argv, env=None, cwd=None):
  """Starts argv in a new pty (24x100). env: extra/overriding variables merged over
  os.environ (TERM defaults to xterm, LANG to C.UTF-8); a value of None removes one."""
  return PtyShell(argv, env, cwd)


def spawn_checklist_shell(binary, store):
  """Starts `ior --store STORE` at a fresh prompt the way the checklist-script tests want it:
  a private HOME, today fixed at 2026-11-15 (the sample store's day) and the user `npm`.
  Returns the shell, its first prompt already seen."""
  home = tempfile.mkdtemp(prefix="ior-pty-")
  env = {
      "HOME": home, "XDG_STATE_HOME": home + "/state", "IOR_TODAY": "2026-11-15",
      "IOR_USER": "npm", "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8",
  }
  shell = spawn([binary, "--store", store], env=env, cwd=home)
  shell.expect("ior> ")
  return shell


def _child_environment(env):
  merged = dict(os.environ)
  merged.setdefault("TERM", "xterm")
  merged.setdefault("LANG", "C.UTF-8")
  for key, value in (env or {}).items():
    if value is None:
      merged.pop(key, None)
    else:
      merged[key] = value
  return merged


def _set_window_size(fd):
  fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))


def _decode_status(status):
  if os.WIFEXITED(status):
    return os.WEXITSTATUS(status)
  if os.WIFSIGNALED(status):
    return -os.WTERMSIG(status)
  return status
