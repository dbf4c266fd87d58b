# A name glued to a number.
count = 3items
