from .a import A
B = "B"
