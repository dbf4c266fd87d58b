sqrd.send(4)
