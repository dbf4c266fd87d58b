for cls in [MemoryError, OverflowError, TimeoutError, BlockingIOError, ConnectionRefusedError]:
    try:
        raise cls("msg")
    except Exception as e:
        print(type(e).__name__, e, [c.__name__ for c in type(e).__mro__])
