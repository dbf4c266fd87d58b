# Coroutines and generalized control flow
