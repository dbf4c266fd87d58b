/* vm_fixture.h: a fresh interpreter for each test of a Criterion suite that
 * needs the VM but not the builtins (tests/README.md). Include it once, then
 * name setup/teardown in the suite's TestSuite(.init, .fini). */
#ifndef BT_TEST_VM_FIXTURE_H
#define BT_TEST_VM_FIXTURE_H

#include <criterion/criterion.h>

#include "vm/interp.h"

static BtInterp *in;
static BtThread *t;

static void setup(void) {
    in = bt_interp_new(0, NULL, &t);
    cr_assert_not_null(in);
}

static void teardown(void) {
    bt_interp_free(in);
}

#endif
