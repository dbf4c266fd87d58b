# An uncaught error in a package's __init__ shows its frame below the import.
import brokenpkg
