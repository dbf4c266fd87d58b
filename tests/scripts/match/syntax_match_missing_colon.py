# A match statement needs its colon (match alone on a line is no call).
subject = 1
match subject
    case 1:
        pass
