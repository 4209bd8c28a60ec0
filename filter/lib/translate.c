/* pipe2, O_CLOEXEC, SOCK_CLOEXEC: _GNU_SOURCE comes from config.h (AC_USE_SYSTEM_EXTENSIONS) */
#include <config.h>
#include "translate.h"
#include "fsutil.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_MODES_DIR "/usr/share/apertium/modes"
#define PACKAGES "apertium apertium-eng-spa apertium-fr-es"

/* The pivot through Spanish, and the Debian package of each pair. */
static const struct {
    const char *mode, *package;
} pairs[] = {{"eng-spa", "apertium-eng-spa"}, {"es-fr", "apertium-fr-es"}};

struct translator {
    char *cmd;
    pid_t pid; /* 0: not running */
    int to_fd, from_fd;
    int timeout_ms, max_failures, failures;
    buf reply;
};

const char *translate_modes_dir(void)
{
    const char *env = getenv("MTCLEAN_APERTIUM_MODES");
    return env && *env ? env : DEFAULT_MODES_DIR;
}

static bool in_path(const char *prog)
{
    if (strchr(prog, '/'))
        return access(prog, X_OK) == 0;
    const char *path = getenv("PATH");
    buf p = {0};
    bool found = false;
    for (const char *s = path ? path : "/usr/bin:/bin"; !found && *s;) {
        const char *colon = strchr(s, ':');
        size_t len = colon ? (size_t)(colon - s) : strlen(s);
        buf_clear(&p);
        buf_printf(&p, "%.*s/%s", (int)len, s, prog);
        found = access(p.data, X_OK) == 0;
        s += len + (colon != NULL);
    }
    buf_free(&p);
    return found;
}

/* A mode file is one shell pipeline; each stage gets -z after its program
   and runs unbuffered. $1 is the generator's option: -n (no unknown-word
   marks, as `apertium -u`) for the first pair, -g for the last, whose
   '*' marks then tell a word it does not know (translate_leaks); $2 the
   tagger's (none). */
static int add_mode(buf *cmd, const char *dir, const char *mode, const char *package, bool marks, char *err,
                    size_t errlen)
{
    buf path = {0}, text = {0};
    buf_printf(&path, "%s/%s.mode", dir, mode);
    int rc = read_whole_file(path.data, &text, err, errlen);
    if (rc < 0)
        snprintf(err, errlen, "--translate=apertium: %s not found: install the Debian package %s (all: %s)", path.data,
                 package, PACKAGES);
    char *save = NULL;
    for (char *stage = rc == 0 ? strtok_r(text.data, "|\n", &save) : NULL; stage && rc == 0; stage = strtok_r(NULL, "|\n", &save)) {
        while (*stage == ' ' || *stage == '\t')
            stage++;
        size_t prog_len = strcspn(stage, " \t");
        if (!prog_len)
            continue;
        char *prog = xstrndup(stage, prog_len);
        if (!in_path(prog)) {
            snprintf(err, errlen, "--translate=apertium: program %s (from %s) not found: install the Debian packages %s",
                     prog, path.data, PACKAGES);
            rc = -1;
        }
        buf_printf(cmd, "%sstdbuf -o0 %s -z", cmd->len ? " | " : "", prog);
        free(prog);
        for (const char *a = stage + prog_len; *a; a++) {
            if (*a == '$' && (a[1] == '1' || a[1] == '2'))
                buf_append_str(cmd, a++[1] == '1' ? (marks ? "-g" : "-n") : "");
            else
                buf_append_char(cmd, *a);
        }
    }
    buf_free(&path);
    buf_free(&text);
    return rc;
}

static char *build_command(char *err, size_t errlen)
{
    buf cmd = {0};
    if (!in_path("stdbuf")) {
        snprintf(err, errlen, "--translate=apertium: stdbuf (coreutils) not found");
        return NULL;
    }
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (add_mode(&cmd, translate_modes_dir(), pairs[i].mode, pairs[i].package, i + 1 == sizeof pairs / sizeof *pairs,
                     err, errlen) < 0) {
            buf_free(&cmd);
            return NULL;
        }
    return cmd.data;
}

translator *translator_new(int timeout_ms, int max_failures)
{
    translator *t = xcalloc(1, sizeof *t);
    t->timeout_ms = timeout_ms;
    t->max_failures = max_failures;
    t->to_fd = t->from_fd = -1;
    return t;
}

/* Kills the pipeline's process group and reaps the shell: no zombie. */
static void stop(translator *t)
{
    if (t->to_fd >= 0)
        close(t->to_fd);
    if (t->from_fd >= 0)
        close(t->from_fd);
    t->to_fd = t->from_fd = -1;
    if (t->pid > 0) {
        kill(-t->pid, SIGKILL);
        kill(t->pid, SIGKILL);
        while (waitpid(t->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    t->pid = 0;
}

static int start(translator *t, char *err, size_t errlen)
{
    if (!t->cmd && !(t->cmd = build_command(err, errlen)))
        return -1;
    int in[2], out[2];
    /* A socket for the requests: send() with MSG_NOSIGNAL reports a dead
       pipeline as EPIPE instead of killing us with SIGPIPE. */
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) < 0)
        return snprintf(err, errlen, "apertium: socketpair: %s", strerror(errno)), -1;
    if (pipe2(out, O_CLOEXEC) < 0) {
        close(in[0]), close(in[1]);
        return snprintf(err, errlen, "apertium: pipe: %s", strerror(errno)), -1;
    }
    pid_t pid = fork();
    if (pid == 0) { /* only async-signal-safe calls until exec */
        setpgid(0, 0);
        int null = open("/dev/null", O_WRONLY);
        if (dup2(in[1], 0) < 0 || dup2(out[1], 1) < 0 || null < 0 || dup2(null, 2) < 0)
            _exit(127);
        execl("/bin/sh", "sh", "-c", t->cmd, (char *)NULL);
        _exit(127);
    }
    close(in[1]);
    close(out[1]);
    if (pid < 0) {
        close(in[0]), close(out[0]);
        return snprintf(err, errlen, "apertium: fork: %s", strerror(errno)), -1;
    }
    setpgid(pid, pid); /* also here: whichever runs first */
    t->pid = pid;
    t->to_fd = in[0];
    t->from_fd = out[0];
    fcntl(t->to_fd, F_SETFL, O_NONBLOCK);
    return 0;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Sends the request and reads the reply up to its NUL, within the deadline.
   1: done; 0: timed out; -1: the pipeline died (errno-style reason in err). */
static int exchange(translator *t, const char *s, size_t n, char *err, size_t errlen)
{
    long deadline = now_ms() + t->timeout_ms;
    size_t sent = 0;
    buf_clear(&t->reply);
    for (;;) {
        struct pollfd fds[2] = {{t->from_fd, POLLIN, 0}, {t->to_fd, POLLOUT, 0}};
        long left = deadline - now_ms();
        if (left <= 0)
            return 0;
        int r = poll(fds, sent <= n ? 2 : 1, (int)left);
        if (r < 0 && errno != EINTR)
            return snprintf(err, errlen, "poll: %s", strerror(errno)), -1;
        if (r <= 0)
            continue;
        if (sent <= n && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const char *p = sent < n ? s + sent : "";
            ssize_t w = send(t->to_fd, p, sent < n ? n - sent : 1, MSG_NOSIGNAL);
            if (w < 0 && errno != EAGAIN && errno != EINTR)
                return snprintf(err, errlen, "write: %s", strerror(errno)), -1;
            sent += w > 0 ? (size_t)w : 0;
        }
        if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
            char chunk[4096];
            ssize_t got = read(t->from_fd, chunk, sizeof chunk);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
                return snprintf(err, errlen, "it exited"), -1;
            char *nul = got > 0 ? memchr(chunk, '\0', (size_t)got) : NULL;
            buf_append(&t->reply, chunk, nul ? (size_t)(nul - chunk) : (size_t)(got > 0 ? got : 0));
            if (nul)
                return 1; /* anything after the NUL would be a reply to no request: none comes */
        }
    }
}

int translator_run(translator *t, const char *s, size_t n, buf *out, char *err, size_t errlen)
{
    if (t->failures >= t->max_failures)
        return snprintf(err, errlen, "apertium: off after %d failures", t->failures), -2;
    if (memchr(s, '\0', n))
        return snprintf(err, errlen, "apertium: text holds a NUL byte"), -1;
    if (!t->pid && start(t, err, errlen) < 0) {
        t->failures = t->max_failures; /* it cannot start: do not try again */
        return -1;
    }
    char why[128] = "";
    int r = exchange(t, s, n, why, sizeof why);
    if (r == 1) {
        buf_clear(out);
        buf_append(out, t->reply.data ? t->reply.data : "", t->reply.len);
        return 0;
    }
    if (r == 0)
        snprintf(err, errlen, "apertium: no answer within %d ms (killed; the text is kept untranslated)", t->timeout_ms);
    else
        snprintf(err, errlen, "apertium: %s (the text is kept untranslated)", why);
    stop(t);
    t->failures++;
    return -1;
}

void translator_free(translator *t)
{
    if (!t)
        return;
    stop(t);
    free(t->cmd);
    buf_free(&t->reply);
    free(t);
}

int translate_check(char *err, size_t errlen)
{
    char *cmd = build_command(err, errlen);
    free(cmd);
    return cmd ? 0 : -1;
}
