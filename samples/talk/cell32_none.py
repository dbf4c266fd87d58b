# Due diligence
