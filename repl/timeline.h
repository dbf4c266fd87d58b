/* timeline.h: pictures of a run (repl stage; see repl/README.md).
 *
 * A BtTimeline is a VM hook that records, for each thread and each
 * generator instance, when it was created, ran, was suspended and finished,
 * and every value handed between them (sent in on resume, yielded out on
 * suspend). At the end it draws that as a self-contained SVG (one lane per
 * thread and per generator, arrows for the values) or writes it in Chrome's
 * trace-event JSON format (Perfetto, chrome://tracing). Its clock counts the
 * instructions executed, so the same program gives the same picture; the
 * wall clock is there for threads and I/O. `baton --timeline=FILE.svg`,
 * `baton --trace-json=FILE` and the REPL's `:timeline FILE.svg STATEMENT`.
 */
#ifndef BT_TIMELINE_H
#define BT_TIMELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "vm/hook.h"

typedef struct BtTimeline BtTimeline;

/* A recorder; wall_clock: microseconds of real time instead of instructions.
 * NULL without memory. */
BtTimeline *bt_timeline_new(bool wall_clock);
void bt_timeline_free(BtTimeline *tl);
/* Install tl as t's hook (replacing any) / remove it. Recording can go on
 * over several attach/detach pairs (the REPL). */
void bt_timeline_attach(BtThread *t, BtTimeline *tl);
void bt_timeline_detach(BtThread *t, BtTimeline *tl);

/* The picture as SVG / the events as trace-event JSON; false on a write error. */
bool bt_timeline_write_svg(const BtTimeline *tl, FILE *out);
bool bt_timeline_write_json(const BtTimeline *tl, FILE *out);

#endif
