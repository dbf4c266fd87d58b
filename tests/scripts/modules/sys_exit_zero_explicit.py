import sys
def main():
    print("main done")
    return 0
sys.exit(main())
