/* match.h: what the match statement's instructions ask of objects (vm stage; see
 * vm/README.md, "The match statement").
 *
 * The compiler turns each case's pattern into ordinary instructions plus four that
 * need these: MATCH_MAPPING and MATCH_SEQUENCE test a subject's kind, MATCH_KEYS
 * looks keys up in a mapping, MATCH_CLASS checks isinstance and gathers attributes
 * (positional sub-patterns through `__match_args__`). Messages are CPython 3.11's.
 */
#ifndef BT_MATCH_H
#define BT_MATCH_H

#include "vm/interp.h"
#include "vm/object.h"

/* Does `case {...}` apply to v? True for dicts and their subclasses. Never raises. */
bool bt_match_is_mapping(BtThread *t, BtValue v);
/* Does `case [...]` apply to v? True for list, tuple, range, memoryview, deque,
 * array and their subclasses; never for str, bytes or bytearray. Never raises. */
bool bt_match_is_sequence(BtThread *t, BtValue v);
/* The tuple of map's values for the tuple of keys (looked up with map.get(key,
 * sentinel)), None when one is missing; BT_UNDEF with an exception raised (a key
 * given twice is ValueError). */
BtValue bt_match_keys(BtThread *t, BtValue map, BtValue keys);
/* `case cls(p1, ..., name=p)`: when subject is an instance of cls, the tuple of its
 * nargs positional attributes (named by cls.__match_args__, or the subject itself
 * for int(x), str(s), ...) followed by those named in the tuple kwnames; None when
 * it is no instance or lacks one of them; BT_UNDEF with TypeError raised when cls is
 * not a type or its __match_args__ does not fit. */
BtValue bt_match_class(BtThread *t, BtValue subject, BtValue cls, uint32_t nargs,
                       BtValue kwnames);

#endif
