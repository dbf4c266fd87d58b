# Coroutines as tasks/pseudothreads
