/* replay.c: feed saved inputs to a fuzz target without libFuzzer
 * (tests/fuzz/README.md).
 *
 *     fuzz_front_replay FILE_OR_DIR...
 *
 * Each file (each file of each folder, in name order) goes once through
 * LLVMFuzzerTestOneInput. Linked with one target, it is how `meson test`
 * replays tests/fuzz/regressions/ in the plain gcc build: an input that
 * crashes again crashes this program, and the test fails. Prints how many
 * inputs it ran.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"

static unsigned long replayed;

static int replay_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    /* An exact-size buffer, so AddressSanitizer sees a read past the end. */
    size_t size = 0;
    uint8_t *input = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long end = ftell(f);
        size = end > 0 ? (size_t)end : 0;
        rewind(f);
        input = malloc(size ? size : 1);
    }
    bool read_all = input && fread(input, 1, size, f) == size;
    fclose(f);
    if (read_all) {
        LLVMFuzzerTestOneInput(input, size);
        replayed++;
    } else {
        fprintf(stderr, "%s: cannot read\n", path);
    }
    free(input);
    return read_all ? 0 : 1;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_path(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path);
    struct dirent **entries;
    int n = scandir(path, &entries, NULL, by_name);
    if (n < 0) {
        perror(path);
        return 1;
    }
    int failures = 0;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (name[0] != '.' && strcmp(name, "README.md") != 0) {
            size_t size = strlen(path) + strlen(name) + 2;
            char *full = malloc(size);
            if (full) {
                snprintf(full, size, "%s/%s", path, name);
                failures += replay_path(full);
            }
            free(full);
        }
        free(entries[i]);
    }
    free(entries);
    return failures;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize(&argc, &argv) != 0)
        return 1;
    int failures = 0;
    for (int i = 1; i < argc; i++)
        failures += replay_path(argv[i]);
    fprintf(stderr, "replayed %lu inputs\n", replayed);
    return failures ? 1 : 0;
}
