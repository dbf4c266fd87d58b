def g():
    for i
  in x:
        pass
