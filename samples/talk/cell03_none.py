# Discuss Generators
