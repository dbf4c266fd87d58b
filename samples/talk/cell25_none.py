# Non-blocking sockets
