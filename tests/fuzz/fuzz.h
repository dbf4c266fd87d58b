/* fuzz.h: the entry points every fuzz target defines (tests/fuzz/README.md).
 * libFuzzer calls them; replay.c calls them over checked-in inputs, so the
 * regression corpus runs in the plain build without clang. */
#ifndef BT_FUZZ_H
#define BT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Once, before the first input. Returns 0, or nonzero when the target cannot start. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* One input, of any size (the fuzz command bounds it with -max_len). Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
