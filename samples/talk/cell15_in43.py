next(mrp)
