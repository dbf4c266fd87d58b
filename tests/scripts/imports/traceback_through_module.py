import helper_raises
def main():
    helper_raises.explode(2)
main()
