/* PLACEHOLDER: being written. */
#include "vm/interp.h"
