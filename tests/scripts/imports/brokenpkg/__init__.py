# A package whose __init__ raises.
print("init brokenpkg")
raise ValueError("brokenpkg refuses")
