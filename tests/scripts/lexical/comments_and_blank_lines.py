# a comment at the top

x = 1  # trailing comment
   # an indented comment line is ignored

if x:
    # comment inside a block
    print("in block")  # after a call

        # oddly indented comment
print("done")
