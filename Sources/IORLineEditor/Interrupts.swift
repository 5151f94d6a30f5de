import CLineEditShim

/// True once after a SIGINT arrived since the last call (clears the flag).
///
/// Lets a running script stop between two commands. Callable from any context: it only
/// exchanges a C `sig_atomic_t` flag atomically. `LineEditor.read(prompt:)` clears the flag
/// before it shows the prompt, so a Ctrl-C pressed during a command never cancels the next line.
public func takeInterrupt() -> Bool {
  ior_line_take_interrupt() != 0
}

/// Installs the SIGINT handler (no `SA_RESTART`; it only sets a flag). Safe to call more than once.
///
/// Without `SA_RESTART`, blocking system calls anywhere in the process fail with `EINTR` when
/// Ctrl-C arrives; that is what lets the line editor abandon a half-typed line.
public func installInterruptHandler() {
  ior_line_install_interrupt_handler()
}
