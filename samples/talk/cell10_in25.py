next(sr)
