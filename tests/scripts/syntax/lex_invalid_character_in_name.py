# An emoji is not a letter.
smile😀 = 1
