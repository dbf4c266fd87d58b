# -*- coding: utf-8 -*-
café = "naïve ☕"
print(café)
print(len(café))
print(café[-1])
π = 3
print(π * 2)
print("日本語"[1])
