s = """first
second
  third"""
print(s)
print(len(s.splitlines()))
t = '''it's "quoted" '''
print(t)
u = """\
no leading newline"""
print(u)
