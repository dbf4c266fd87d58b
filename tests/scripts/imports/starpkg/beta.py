print("init starpkg.beta (not in __all__, never printed)")
