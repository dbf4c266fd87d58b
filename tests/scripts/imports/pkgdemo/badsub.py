# A submodule whose own import fails: the error must not be swallowed.
import no_such_module_anywhere
