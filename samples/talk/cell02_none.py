# Discuss the GIL
