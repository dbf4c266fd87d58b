s = "añb☕cé"
print(s[::-1], s[1::2], s[-2:], s[4:1:-1])
b = "日本語テキスト"
print(b[2:5], b[::3], len(b[1:]))
lst = list(range(8))
print(lst[1:7:3], lst[-1:0:-3], lst[::-7], lst[6:100:1])
