# The '0' flag sets the fill to '0' with any alignment (3.10+), unless a fill
# is given; alone, it pads numbers after the sign and strings on the right.
for spec in ["06", "<06", ">06", "^06", "x<06", "06.1", "=06", "0=6"]:
    try:
        print(repr(spec), repr(format("ab", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["<06", "x<06", "06", "^07", "=07", "0=7", "<07,", ">010_"]:
    print(repr(spec), repr(format(1234, spec)), repr(format(-1.5, spec)))
print(f"{7:<03}|{'a':>03}|{2.5:^07.2f}|{-3:<05d}")
