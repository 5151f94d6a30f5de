#ifndef IOR_LINE_EDIT_SHIM_H
#define IOR_LINE_EDIT_SHIM_H

// A thin C layer over libedit's readline-compatible API. It exists because the Swift side must
// not touch libedit's mutable C globals (rl_line_buffer, rl_point, ...) under Swift 6 strict
// concurrency, and because the signal handler and the getc hook have to be plain C.
// Deliberately does not include <editline/readline.h>, so importing it into Swift does not
// drag libedit's globals along.

/// Outcome of ior_line_read.
typedef enum {
  IOR_LINE_OK = 0,
  IOR_LINE_INTERRUPTED = 1,
  IOR_LINE_EOF = 2
} ior_line_status;

/// Called during Tab completion with the whole line (UTF-8, NUL-terminated), the byte offset
/// where the word being completed starts and the byte offset of the cursor. The callee reports
/// candidates with ior_completion_add before returning.
typedef void (*ior_completion_callback)(const char *line, int word_start, int cursor);

/// Installs the SIGINT handler (no SA_RESTART; it only sets a flag). Idempotent.
void ior_line_install_interrupt_handler(void);

/// Returns 1 once if SIGINT arrived since the last call, clearing the flag; 0 otherwise.
/// Async-signal-safe and callable from any thread.
int ior_line_take_interrupt(void);

/// Prepares libedit: UTF-8 locale (LC_CTYPE), rl_readline_name "ior" (for ~/.editrc lines
/// "ior:..."), the UTF-8 getc hook, completion settings, then rl_initialize. Later calls only
/// replace the completion callback.
void ior_line_setup(ior_completion_callback callback);

/// Shows prompt and reads one line. Returns a malloc'd string (free with ior_line_free) when
/// *status is IOR_LINE_OK, NULL otherwise.
char *ior_line_read(const char *prompt, ior_line_status *status);

/// Frees a string returned by ior_line_read (NULL is fine).
void ior_line_free(char *line);

/// Adds one completion candidate; only meaningful inside an ior_completion_callback.
void ior_completion_add(const char *candidate);

/// Empties libedit's in-memory history.
void ior_history_clear(void);

/// Appends one entry to libedit's in-memory history.
void ior_history_add(const char *line);

/// Number of entries in libedit's in-memory history.
int ior_history_count(void);

/// Entry at index (0 = oldest), decoded; NULL if out of range. Valid until history changes.
const char *ior_history_entry(int index);

/// Loads the _HiStOrY_V2_ file at path into memory (appending). Returns 0 or an errno value.
int ior_history_load(const char *path);

/// Writes the in-memory history to path in _HiStOrY_V2_ format. Returns 0 or an errno value.
int ior_history_save(const char *path);

/// Puts the terminal back into the mode it had when ior_line_setup ran.
void ior_line_restore_terminal(void);

#endif
