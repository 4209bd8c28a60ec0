/* Removes mtclean's flag-mode markers (OPEN label '|' ... CLOSE) from stdin,
   byte-exact, so tests can check that flag mode loses nothing. */
#include "markers.h"
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    const char *open = argc > 1 ? argv[1] : "\xE2\x9F\xA6", *close = argc > 2 ? argv[2] : "\xE2\x9F\xA7";
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - len, stdin)) > 0)
        if ((len += got) == cap && !(data = realloc(data, cap *= 2)))
            break;
    char *out = data ? malloc(len + 1) : NULL;
    if (!out) {
        free(data);
        return 2;
    }
    uint64_t opens;
    size_t out_len = strip_markers(data, len, open, close, out, &opens);
    int rc = fwrite(out, 1, out_len, stdout) == out_len ? 0 : 2;
    free(out);
    free(data);
    return rc;
}
