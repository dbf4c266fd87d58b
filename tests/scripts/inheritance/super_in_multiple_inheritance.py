class Base:
    def __init__(self):
        print("Base")
class Left(Base):
    def __init__(self):
        print("Left in")
        super().__init__()
        print("Left out")
class Right(Base):
    def __init__(self):
        print("Right in")
        super().__init__()
        print("Right out")
class Both(Left, Right):
    def __init__(self):
        print("Both in")
        super().__init__()
        print("Both out")
Both()
