/* fileio.h: open() and file objects (stdlib stage; see stdlib/README.md).
 *
 * Files wrap a C stdio stream. The types live in the `_io` module (as in
 * CPython); sys.stdout and friends are the same objects around the process's
 * stdin/stdout/stderr, so print() and the VM's own output share one buffer.
 */
#ifndef BT_FILEIO_H
#define BT_FILEIO_H

#include <stdbool.h>
#include <stdio.h>

#include "vm/func.h"

/* Create the `_io` module (TextIOWrapper, BufferedReader, BufferedWriter,
 * BufferedRandom, UnsupportedOperation, open). */
BtModule *bt_fileio_module_create(BtThread *t);

/* The `_io` module, created and entered in sys.modules on first use. */
BtModule *bt_fileio_module(BtThread *t);

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None) */
BtValue bt_fileio_open(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames);

/* A text file object around the process's stdin (fd 0), stdout (1) or
 * stderr (2); closing it does not close the C stream. */
BtValue bt_fileio_std(BtThread *t, int fd);

/* If f is an open text file that can be written (for_write) or read, get
 * its C stream ready for that direction and return it; otherwise NULL (the
 * caller then goes through f.write / f.readline). Never raises. */
FILE *bt_fileio_text_stream(BtValue f, bool for_write);

/* Before writing size bytes to fp (print's fast path, write()): when the
 * stream would have to flush, wait without the GIL until its descriptor
 * takes data. False with KeyboardInterrupt raised (Ctrl-C meanwhile). */
bool bt_fileio_wait_output(BtThread *t, FILE *fp, size_t size);

/* After print's fast path wrote to file's stream (bt_fileio_text_stream):
 * if a write failed, raise its OSError (err: errno after the writes) and drop
 * what the stream still buffers; else flush it when asked. False if raised. */
bool bt_fileio_end_print(BtThread *t, BtValue file, int err, bool flush);

/* At exit, as CPython's flush_std_files: flush sys.stdout, stdout and stderr.
 * When stdout's data cannot be written (now, or by a flush() that failed
 * before), print CPython's "Exception ignored in: <stdout>" report on stderr.
 * False when anything failed: the process then exits with status 120. */
bool bt_fileio_flush_at_exit(BtThread *t);

#endif
