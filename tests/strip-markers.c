/* Removes mtclean's flag-mode markers (OPEN label '|' ... CLOSE) from stdin,
   byte-exact, so tests can check that flag mode loses nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *open = argc > 1 ? argv[1] : "\xE2\x9F\xA6", *close = argc > 2 ? argv[2] : "\xE2\x9F\xA7";
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - len, stdin)) > 0)
        if ((len += got) == cap && !(data = realloc(data, cap *= 2)))
            break;
    if (!data)
        return 2;
    size_t ol = strlen(open), cl = strlen(close);
    for (size_t i = 0; i < len;) {
        if (len - i >= ol && memcmp(data + i, open, ol) == 0) {
            size_t j = i + ol;
            while (j < len && data[j] >= 'a' && data[j] <= 'z')
                j++;
            if (j < len && data[j] == '|') {
                i = j + 1;
                continue;
            }
        }
        if (len - i >= cl && memcmp(data + i, close, cl) == 0) {
            i += cl;
            continue;
        }
        putchar(data[i++]);
    }
    free(data);
    return 0;
}
