imp { ort socket

sock = 1
