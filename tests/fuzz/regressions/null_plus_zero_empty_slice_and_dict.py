print([][:], [][0:0], dict())
