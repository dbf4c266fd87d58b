sqrd.send(3)
