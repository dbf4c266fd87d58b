print((1).to_bytes(0, "little", signed=True))
