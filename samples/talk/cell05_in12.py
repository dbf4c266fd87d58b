next(mr)
