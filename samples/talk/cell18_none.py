# Cooperative Multitasking
