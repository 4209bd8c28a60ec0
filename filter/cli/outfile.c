#include "outfile.h"
#include "buf.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* -o, --report, --explain, --html, --summary, --learn-repeats and standard output. */
#define MAX_OUTS 7

typedef struct outfile {
    const char *path;    /* as given; NULL for standard output */
    const char *what;    /* the option naming it, for messages */
    int fd;              /* -1 once taken */
    char *temp, *target; /* -o to a regular file: written to temp, renamed onto target */
    bool created;        /* this run created it: removed if the setup fails */
    bool known;          /* an existing regular file: dev and ino say which */
    bool check_only;     /* written by the library at the end: only checked here */
    dev_t dev;
    ino_t ino;
} outfile;

static outfile outs[MAX_OUTS];
static size_t n_outs;

/* Interrupted (Ctrl-C, kill), the run leaves no temporary file behind. */
static char *volatile pending_temp;

static void remove_temp_and_die(int sig)
{
    if (pending_temp)
        unlink(pending_temp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch_signals(char *temp)
{
    pending_temp = temp;
    int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], temp ? remove_temp_and_die : SIG_DFL);
}

static void set_identity(outfile *f, const struct stat *st)
{
    f->known = S_ISREG(st->st_mode);
    f->dev = st->st_dev;
    f->ino = st->st_ino;
}

static int open_error(const char *path, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return -1;
}

/* Opened without truncating: nothing is touched until every output is open. */
static int open_in_place(outfile *f, char *err, size_t errlen)
{
    f->fd = open(f->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    f->created = f->fd >= 0;
    if (f->fd < 0 && errno == EEXIST)
        f->fd = open(f->path, O_WRONLY | O_CLOEXEC);
    struct stat st;
    if (f->fd < 0 || fstat(f->fd, &st) < 0)
        return open_error(f->path, err, errlen);
    set_identity(f, &st);
    return 0;
}

/* The temporary file gets the old file's mode and owner, or a new file's. */
static void copy_mode(int fd, const struct stat *old)
{
    if (old) {
        fchmod(fd, old->st_mode & 07777);
        if (fchown(fd, old->st_uid, old->st_gid) < 0) { /* only root may give a file away */
        }
        return;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
}

/* -o: a temporary file beside the target. Paths in /dev and /proc
   (/dev/stdout...) name an open file that a rename would not reach. */
static int open_output(outfile *f, char *err, size_t errlen)
{
    struct stat st;
    bool exists = stat(f->path, &st) == 0;
    if (!exists && errno != ENOENT) /* a symlink loop, a path through a file... */
        return open_error(f->path, err, errlen);
    bool special = strncmp(f->path, "/dev/", 5) == 0 || strncmp(f->path, "/proc/", 6) == 0;
    /* A dangling symlink is written through, as before: a rename would replace the link. */
    if (special || (exists && !S_ISREG(st.st_mode)) || (!exists && lstat(f->path, &st) == 0))
        return open_in_place(f, err, errlen);
    f->target = exists ? realpath(f->path, NULL) : NULL; /* through symlinks: the link stays */
    if (!f->target)
        f->target = xstrdup(f->path);
    const char *slash = strrchr(f->target, '/');
    buf temp = {0};
    if (slash)
        buf_printf(&temp, "%.*s/.%s.XXXXXX", (int)(slash - f->target), f->target, slash + 1);
    else
        buf_printf(&temp, ".%s.XXXXXX", f->target);
    f->temp = temp.data;
    f->fd = mkostemp(f->temp, O_CLOEXEC);
    if (f->fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        /* A writable file in a directory we may not write: in place, as before. */
        free(f->temp);
        f->temp = NULL;
        return open_in_place(f, err, errlen);
    }
    if (f->fd < 0 && (errno == ENOENT || errno == ENOTDIR)) /* no such directory: as open() says it */
        return open_error(f->path, err, errlen);
    if (f->fd < 0) {
        snprintf(err, errlen, "%s: cannot create a temporary file beside it: %s", f->path, strerror(errno));
        return -1;
    }
    copy_mode(f->fd, exists ? &st : NULL);
    if (exists)
        set_identity(f, &st);
    watch_signals(f->temp);
    return 0;
}

/* "-" is standard output, for every output option. */
static void add(const char *path, const char *what)
{
    if (!path)
        return;
    if (strcmp(path, "-") == 0)
        path = NULL;
    outs[n_outs++] = (outfile){.path = path, .what = what, .fd = -1};
}

/* --learn-repeats: the library writes the table itself once the run is over
   (mtc_repeats_write), so an older table stays whole until then; here it is
   only checked not to be an input or another output. */
static void add_checked(const char *path, const char *what)
{
    struct stat st;
    if (!path || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
        return;
    outfile *f = &outs[n_outs++];
    *f = (outfile){.path = path, .what = what, .fd = -1, .check_only = true};
    set_identity(f, &st);
}

/* An input that is one of the outputs, or two outputs that are one file. */
static int check_identities(const options *o, char *err, size_t errlen)
{
    int n_in = o->n_inputs ? o->n_inputs : 1;
    for (int i = 0; i < n_in; i++) {
        const char *in = o->n_inputs ? o->inputs[i] : "-";
        bool use_stdin = strcmp(in, "-") == 0;
        struct stat st;
        if ((use_stdin ? fstat(STDIN_FILENO, &st) : stat(in, &st)) < 0 || !S_ISREG(st.st_mode))
            continue; /* a missing input is reported when it is read */
        for (size_t k = 0; k < n_outs; k++)
            if (outs[k].known && outs[k].dev == st.st_dev && outs[k].ino == st.st_ino) {
                snprintf(err, errlen, "%s: is both an input and the output of %s%s", use_stdin ? "(stdin)" : in,
                         outs[k].what, outs[k].path ? "" : " (standard output)");
                return -1;
            }
    }
    for (size_t a = 0; a < n_outs; a++)
        for (size_t b = a + 1; b < n_outs; b++)
            if (outs[a].known && outs[b].known && outs[a].dev == outs[b].dev && outs[a].ino == outs[b].ino) {
                snprintf(err, errlen, "%s (%s) and %s (%s) are the same file",
                         outs[a].path ? outs[a].path : "(stdout)", outs[a].what,
                         outs[b].path ? outs[b].path : "(stdout)", outs[b].what);
                return -1;
            }
    return 0;
}

static void close_all(bool remove_created)
{
    watch_signals(NULL);
    for (size_t k = 0; k < n_outs; k++) {
        outfile *f = &outs[k];
        if (f->fd >= 0 && f->path)
            close(f->fd);
        if (f->temp)
            unlink(f->temp);
        if (remove_created && f->created)
            unlink(f->path);
        free(f->temp);
        free(f->target);
    }
    n_outs = 0;
}

int outfiles_prepare(const options *o, char *err, size_t errlen)
{
    n_outs = 0;
    add(o->report_path, "--report");
    add(o->explain_path, "--explain");
    add(o->html_path, "--html");
    if (o->summary)
        add(o->summary_path, "--summary"); /* NULL: standard error */
    add(o->rejected_path, "--rejected");
    if (!o->quiet) /* -q writes no text; -l and --count write their lists there */
        add(o->output_path ? o->output_path : "-", "-o");
    add_checked(o->learn_repeats_path, "--learn-repeats");
    for (size_t k = 0; k < n_outs; k++) {
        outfile *f = &outs[k];
        struct stat st;
        int rc = 0;
        if (f->check_only)
            continue;
        if (!f->path) { /* standard output */
            if (fstat(STDOUT_FILENO, &st) == 0)
                set_identity(f, &st);
        } else
            rc = f->what[1] == 'o' ? open_output(f, err, errlen) : open_in_place(f, err, errlen);
        if (rc < 0) {
            close_all(true);
            return -1;
        }
    }
    if (check_identities(o, err, errlen) < 0) {
        close_all(true);
        return -1;
    }
    for (size_t k = 0; k < n_outs; k++) /* all open and distinct: now they may be emptied */
        if (outs[k].path && outs[k].known && !outs[k].temp && !outs[k].created && !outs[k].check_only)
            if (ftruncate(outs[k].fd, 0) < 0 && errno != EINVAL) {
                open_error(outs[k].path, err, errlen);
                close_all(false);
                return -1;
            }
    return 0;
}

int outfile_take(const char *path)
{
    for (size_t k = 0; path && k < n_outs; k++)
        if (outs[k].path && outs[k].fd >= 0 && strcmp(outs[k].path, path) == 0) {
            int fd = outs[k].fd;
            outs[k].fd = -1;
            return fd;
        }
    return -1;
}

int outfiles_commit(char *err, size_t errlen)
{
    int rc = 0;
    for (size_t k = 0; k < n_outs; k++) {
        outfile *f = &outs[k];
        if (f->temp && rename(f->temp, f->target) < 0) {
            snprintf(err, errlen, "%s: cannot rename %s onto it: %s", f->target, f->temp, strerror(errno));
            rc = -1;
        } else if (f->temp) {
            free(f->temp);
            f->temp = NULL;
        }
    }
    close_all(false);
    return rc;
}

void outfiles_abort(void) { close_all(false); }
