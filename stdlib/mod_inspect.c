/* PLACEHOLDER: being written. */
#include "stdlib/stdlib.h"
