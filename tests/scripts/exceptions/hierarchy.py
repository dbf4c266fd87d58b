pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (IndexError, LookupError), (KeyError, LookupError), (UnboundLocalError, NameError),
    (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (IndentationError, SyntaxError),
    (FileNotFoundError, OSError), (BlockingIOError, OSError), (TimeoutError, OSError),
    (BrokenPipeError, ConnectionError), (ConnectionRefusedError, ConnectionError),
    (ConnectionResetError, ConnectionError), (ConnectionError, OSError),
    (StopIteration, Exception), (GeneratorExit, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (Exception, BaseException), (MemoryError, Exception),
    (AssertionError, Exception), (AttributeError, Exception), (TypeError, ValueError),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
