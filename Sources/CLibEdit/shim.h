// Static inline wrappers around libedit's native API.
//
// They exist because el_set, el_get and history() are C variadic functions, which Swift
// cannot call, and because Swift 6 rejects references to the stdio globals.
#ifndef SOXREADY_CLIBEDIT_SHIM_H
#define SOXREADY_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <histedit.h>

typedef char *(*soxready_el_prompt_fn)(EditLine *);
typedef unsigned char (*soxready_el_cmd_fn)(EditLine *, int);

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
static inline int soxready_el_set_hist(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int soxready_el_set_clientdata(EditLine *e, void *data) { return el_set(e, EL_CLIENTDATA, data); }
static inline void *soxready_el_get_clientdata(EditLine *e) {
    void *data = NULL;
    el_get(e, EL_CLIENTDATA, &data);
    return data;
}
static inline int soxready_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int soxready_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int soxready_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
/// Writes to the process's stdout and flushes it (stdout is not reachable from Swift 6).
static inline void soxready_stdout_write(const char *text) { fputs(text, stdout); fflush(stdout); }

#endif
