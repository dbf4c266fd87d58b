# A bare capture before the last case would make the later cases unreachable.
match 3:
    case x:
        print(x)
    case 4:
        print("four")
