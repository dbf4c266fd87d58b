# Cooperative Multitasking to Concurrency
