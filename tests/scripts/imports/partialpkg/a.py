from .b import B
A = "A"
