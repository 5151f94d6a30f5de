// sigaction, strdup, nl_langinfo and friends are POSIX, hidden by a strict -std=c11.
#if !defined(_POSIX_C_SOURCE) && !defined(_GNU_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include "line_edit_shim.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

// stdio.h must come first: libedit's readline.h uses FILE without including it.
#include <editline/readline.h>

enum { REPLACEMENT_CHARACTER = 0xFFFD, NO_BYTE = -1 };

// Set by the SIGINT handler, read and cleared by ior_line_take_interrupt.
static volatile sig_atomic_t interrupt_flag = 0;

// A byte read while decoding that turned out to start the next character.
static int pushed_back_byte = NO_BYTE;

static ior_completion_callback completion_callback = NULL;
static char **candidates = NULL;
static size_t candidate_count = 0;
static size_t candidate_capacity = 0;

// '=' and ';' break words so "type=pro<TAB>" completes "pro" and "a;b" completes "b".
static char word_break_characters[] = " \t=;";

static int is_set_up = 0;
static int have_saved_termios = 0;
static struct termios saved_termios;

// ---------------------------------------------------------------------------------------------
// Ctrl-C

static void on_sigint(int signal_number) {
  (void)signal_number;
  interrupt_flag = 1;
}

void ior_line_install_interrupt_handler(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a read(2) blocked on the terminal must fail with EINTR so the getc hook
  // can end the line; with SA_RESTART the kernel would silently resume the read.
  action.sa_flags = 0;
  (void)sigaction(SIGINT, &action, NULL);

  // A parent (a test runner, a job control quirk) may start us with SIGINT blocked; then
  // Ctrl-C would never reach the handler.
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  (void)sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

int ior_line_take_interrupt(void) {
  // An atomic exchange, so a signal arriving between "test" and "clear" is never lost.
  return __atomic_exchange_n(&interrupt_flag, 0, __ATOMIC_SEQ_CST) != 0;
}

// ---------------------------------------------------------------------------------------------
// Input: whole Unicode code points from fd 0

// One byte from the terminal, or -1 at end of input, on error, or after Ctrl-C.
static int read_byte(void) {
  if (pushed_back_byte != NO_BYTE) {
    int byte = pushed_back_byte;
    pushed_back_byte = NO_BYTE;
    return byte;
  }
  for (;;) {
    if (interrupt_flag) {
      return -1;
    }
    unsigned char byte;
    ssize_t count = read(STDIN_FILENO, &byte, 1);
    if (count == 1) {
      return byte;
    }
    // EINTR without our flag (SIGWINCH, SIGCONT, SIGCHLD...) just means "read again";
    // libedit's own handlers have already resized or redrawn.
    if (count < 0 && errno == EINTR) {
      continue;
    }
    return -1;
  }
}

// Length of the UTF-8 sequence a lead byte starts; 0 if it cannot start one.
static int utf8_sequence_length(int lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

static int is_valid_scalar(int code, int length) {
  static const int smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[length] || code > 0x10FFFF) return 0;
  return code < 0xD800 || code > 0xDFFF;
}

// rl_getc_function: libedit's readline layer stores our int straight into a wchar_t, so we
// must hand it whole code points; its default hook returns single bytes and mangles "é".
static int ior_getc(FILE *stream) {
  (void)stream;
  int lead = read_byte();
  if (lead < 0) return EOF;
  int length = utf8_sequence_length(lead);
  if (length == 1) return lead;
  if (length == 0) return REPLACEMENT_CHARACTER;
  int code = lead & (0xFF >> (length + 1));
  for (int index = 1; index < length; index++) {
    int next = read_byte();
    if (next < 0) return EOF;
    if ((next & 0xC0) != 0x80) {
      pushed_back_byte = next;
      return REPLACEMENT_CHARACTER;
    }
    code = (code << 6) | (next & 0x3F);
  }
  return is_valid_scalar(code, length) ? code : REPLACEMENT_CHARACTER;
}

// ---------------------------------------------------------------------------------------------
// Completion

static void clear_candidates(void) {
  for (size_t index = 0; index < candidate_count; index++) {
    free(candidates[index]);
  }
  candidate_count = 0;
}

static int has_candidate(const char *candidate) {
  for (size_t index = 0; index < candidate_count; index++) {
    if (strcmp(candidates[index], candidate) == 0) return 1;
  }
  return 0;
}

void ior_completion_add(const char *candidate) {
  if (candidate == NULL || has_candidate(candidate)) return;
  if (candidate_count == candidate_capacity) {
    size_t capacity = candidate_capacity == 0 ? 16 : candidate_capacity * 2;
    char **grown = realloc(candidates, capacity * sizeof *grown);
    if (grown == NULL) return;
    candidates = grown;
    candidate_capacity = capacity;
  }
  char *copy = strdup(candidate);
  if (copy == NULL) return;
  candidates[candidate_count++] = copy;
}

// rl_completion_matches generator: state counts the matches handed out so far.
// libedit frees what we return, hence strdup.
static char *next_candidate(const char *text, int state) {
  (void)text;
  if (state < 0 || (size_t)state >= candidate_count) return NULL;
  return strdup(candidates[state]);
}

// Byte offset of the code_points-th character of a UTF-8 string (clamped at its end).
static int utf8_byte_offset(const char *text, int code_points) {
  const unsigned char *bytes = (const unsigned char *)text;
  int offset = 0;
  while (code_points > 0 && bytes[offset] != 0) {
    offset++;
    while ((bytes[offset] & 0xC0) == 0x80) offset++;
    code_points--;
  }
  return offset;
}

// A finished single match gets a space, unless more typing naturally follows it.
static int append_character_for_single_match(void) {
  if (candidate_count != 1) return ' ';
  size_t length = strlen(candidates[0]);
  char last = length > 0 ? candidates[0][length - 1] : ' ';
  return (last == '/' || last == '=') ? '\0' : ' ';
}

// rl_attempted_completion_function. libedit passes start/end as character (wchar_t) offsets,
// while rl_line_buffer is UTF-8; we convert so Swift sees byte offsets into the line it gets.
static char **attempted_completion(const char *text, int start, int end) {
  // libedit resets this after every completion, so it must be set on each call.
  rl_attempted_completion_over = 1;
  const char *line = rl_line_buffer != NULL ? rl_line_buffer : "";
  clear_candidates();
  if (completion_callback != NULL) {
    completion_callback(line, utf8_byte_offset(line, start), utf8_byte_offset(line, end));
  }
  rl_completion_append_character = append_character_for_single_match();
  char **matches = candidate_count > 0 ? rl_completion_matches(text, next_candidate) : NULL;
  clear_candidates();
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Set-up and reading

static int codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

// libedit needs a UTF-8 LC_CTYPE to measure, draw and store non-ASCII characters. Only
// LC_CTYPE is set (not LC_ALL) so number formatting etc. in the rest of ior stays "C".
static void choose_utf8_locale(void) {
  if (setlocale(LC_CTYPE, "") != NULL && codeset_is_utf8()) return;
  if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
    (void)setlocale(LC_CTYPE, "C.utf8");
  }
}

void ior_line_setup(ior_completion_callback callback) {
  completion_callback = callback;
  if (is_set_up) return;
  is_set_up = 1;
  choose_utf8_locale();
  if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
    have_saved_termios = 1;
  }
  // All of these must be set before rl_initialize: it passes the name to el_init (which is
  // what "ior:" lines in ~/.editrc match), installs the getc hook only if one is set, and
  // sources ~/.editrc last so the user's bindings win.
  rl_readline_name = "ior";
  rl_getc_function = ior_getc;
  rl_attempted_completion_function = attempted_completion;
  rl_basic_word_break_characters = word_break_characters;
  rl_completer_word_break_characters = word_break_characters;
  (void)rl_initialize();
}

// libedit prints and flushes the prompt first and only then switches the terminal out of
// canonical mode, at its first read. Keys typed in that gap reach a cooked terminal: the kernel
// echoes them (the line shows twice) and turns Ctrl-D into an end-of-line that libedit later
// reads as a NUL, so Ctrl-D at a fresh prompt was lost. Leaving canonical mode and echo before
// the prompt is drawn closes the gap; libedit's own raw mode and its restore follow as usual.
static void leave_canonical_mode_before_prompt(void) {
  if (!have_saved_termios) return;
  struct termios now;
  if (tcgetattr(STDIN_FILENO, &now) != 0) return;
  now.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL);
  now.c_cc[VMIN] = 1;
  now.c_cc[VTIME] = 0;
  (void)tcsetattr(STDIN_FILENO, TCSANOW, &now);
}

char *ior_line_read(const char *prompt, ior_line_status *status) {
  // A Ctrl-C that arrived before the prompt (e.g. during a command) must not cancel this line.
  (void)ior_line_take_interrupt();
  leave_canonical_mode_before_prompt();
  char *line = readline(prompt != NULL ? prompt : "");
  ior_line_status outcome = IOR_LINE_OK;
  if (line == NULL) {
    outcome = ior_line_take_interrupt() ? IOR_LINE_INTERRUPTED : IOR_LINE_EOF;
  }
  if (status != NULL) *status = outcome;
  return line;
}

void ior_line_free(char *line) {
  free(line);
}

void ior_line_restore_terminal(void) {
  if (have_saved_termios) {
    (void)tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_termios);
  }
}

// ---------------------------------------------------------------------------------------------
// History

void ior_history_clear(void) {
  clear_history();
}

void ior_history_add(const char *line) {
  if (line != NULL) (void)add_history(line);
}

int ior_history_count(void) {
  return history_length;
}

const char *ior_history_entry(int index) {
  if (index < 0 || index >= history_length) return NULL;
  HIST_ENTRY *entry = history_get(history_base + index);
  return entry != NULL ? entry->line : NULL;
}

int ior_history_load(const char *path) {
  return read_history(path);
}

int ior_history_save(const char *path) {
  return write_history(path);
}
