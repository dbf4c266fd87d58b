import helper_mod as hm
from helper_mod import double, VALUE as V, Thing
print(hm.double(5), double(6), V, Thing(1))
print(double is hm.double)
import math as m
from math import sqrt, pi as PI
print(m.sqrt(16), sqrt(9), PI == m.pi)
