while True:
