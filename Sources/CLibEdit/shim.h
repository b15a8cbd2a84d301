// Static inline wrappers around libedit's native API and a few POSIX calls.
//
// They exist because el_set, el_get, history() and ioctl are C variadic functions, which Swift
// cannot call, and because Swift 6 rejects references to the stdio globals.
#ifndef SOXREADY_CLIBEDIT_SHIM_H
#define SOXREADY_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <unistd.h>

typedef char *(*soxready_el_prompt_fn)(EditLine *);
typedef unsigned char (*soxready_el_cmd_fn)(EditLine *, int);
typedef int (*soxready_el_getc_fn)(EditLine *, wchar_t *);

/// el_init on the process's own stdin, stdout and stderr.
static inline EditLine *soxready_el_init_stdio(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline int soxready_el_set_prompt(EditLine *e, soxready_el_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int soxready_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int soxready_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int soxready_el_addfn(EditLine *e, const char *name, const char *help, soxready_el_cmd_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int soxready_el_bind(EditLine *e, const char *key, const char *cmd) {
    return el_set(e, EL_BIND, key, cmd, NULL);
}
/// The function libedit calls to read each character (EL_GETCFN).
static inline int soxready_el_set_getcfn(EditLine *e, soxready_el_getc_fn f) { return el_wset(e, EL_GETCFN, f); }
/// Clears libedit's idea of the screen and redraws the prompt and the line where the cursor is.
static inline int soxready_el_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }
/// One setty command for the edit mode, such as "-icrnl" (see editrc(5)).
static inline int soxready_el_setty_edit(EditLine *e, const char *mode) { return el_set(e, EL_SETTY, "-d", mode, NULL); }
static inline int soxready_el_set_hist(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int soxready_el_set_clientdata(EditLine *e, void *data) { return el_set(e, EL_CLIENTDATA, data); }
static inline void *soxready_el_get_clientdata(EditLine *e) {
    void *data = NULL;
    el_get(e, EL_CLIENTDATA, &data);
    return data;
}
static inline int soxready_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int soxready_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
/// Writes to the process's stdout and flushes it (stdout is not reachable from Swift 6).
static inline void soxready_stdout_write(const char *text) { fputs(text, stdout); fflush(stdout); }
/// The terminal size of `fd` (TIOCGWINSZ); 0 on success.
static inline int soxready_window_size(int fd, unsigned short *rows, unsigned short *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}
/// A pipe whose ends are non-blocking and closed on exec; 0 on success.
static inline int soxready_wake_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}
/// True when the character set of the current LC_CTYPE is UTF-8.
static inline int soxready_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
