# Concurrent write scheduler
