# unittest: Baton's own small unittest (stdlib/lib; see stdlib/README.md).
#
# TestCase with the common assert methods, skips and expected failures,
# a loader that finds the TestCase classes of a module, and a text runner
# that reports on stderr in CPython's layout. Written for Baton; failure
# messages are CPython's short forms (no diffs of long sequences).

import sys
import time
import traceback

__all__ = ["TestCase", "TestSuite", "TestLoader", "TestResult", "TextTestRunner",
           "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "main"]


class SkipTest(Exception):
    """Raise in a test (or setUp) to skip it."""


class _ExpectedFailure(Exception):
    pass


def skip(reason):
    def decorator(item):
        item.__unittest_skip__ = True
        item.__unittest_skip_why__ = reason
        return item
    if isinstance(reason, type(skip)):  # used bare: @skip
        item, reason = reason, ""
        return decorator(item)
    return decorator


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda item: item)


def skipUnless(condition, reason):
    return skip(reason) if not condition else (lambda item: item)


def expectedFailure(func):
    func.__unittest_expecting_failure__ = True
    return func


def _repr(obj):
    return repr(obj)


class _Raises:
    """assertRaises / assertRaisesRegex as a context manager."""

    def __init__(self, case, expected, regex=None):
        self.case = case
        self.expected = expected
        self.regex = regex
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        names = self.expected.__name__ if isinstance(self.expected, type) else \
            str(tuple(e.__name__ for e in self.expected))
        if exc_type is None:
            self.case.fail(f"{names} not raised")
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        if self.regex is not None:
            import re
            if not re.search(self.regex, str(exc)):
                self.case.fail(f'"{self.regex}" does not match "{exc}"')
        return True


class TestCase:
    failureException = AssertionError
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        if methodName != "runTest" and not hasattr(self, methodName):
            raise ValueError(f"no such test method in {type(self)}: {methodName}")

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def id(self):
        return f"{type(self).__module__}.{type(self).__qualname__}.{self._testMethodName}"

    def __str__(self):
        return f"{self._testMethodName} ({self.id()})"

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__qualname__} testMethod={self._testMethodName}>"

    def countTestCases(self):
        return 1

    def __call__(self, result=None):
        return self.run(result)

    def run(self, result=None):
        if result is None:
            result = TestResult()
        result.startTest(self)
        method = getattr(self, self._testMethodName)
        try:
            if getattr(type(self), "__unittest_skip__", False) or \
                    getattr(method, "__unittest_skip__", False):
                why = getattr(type(self), "__unittest_skip_why__", "") or \
                    getattr(method, "__unittest_skip_why__", "")
                result.addSkip(self, why)
                return result
            expecting = getattr(method, "__unittest_expecting_failure__", False)
            try:
                self.setUp()
            except SkipTest as e:
                result.addSkip(self, str(e))
                return result
            except BaseException:
                result.addError(self, sys.exc_info())
                return result
            ok = self._run_part(result, method, expecting)
            try:
                self.tearDown()
            except BaseException:
                result.addError(self, sys.exc_info())
                ok = False
            if ok:
                if expecting:
                    result.addUnexpectedSuccess(self)
                else:
                    result.addSuccess(self)
        finally:
            result.stopTest(self)
        return result

    def _run_part(self, result, method, expecting):
        try:
            method()
        except SkipTest as e:
            result.addSkip(self, str(e))
        except KeyboardInterrupt:
            raise
        except self.failureException:
            if expecting:
                result.addExpectedFailure(self, sys.exc_info())
            else:
                result.addFailure(self, sys.exc_info())
        except BaseException:
            if expecting:
                result.addExpectedFailure(self, sys.exc_info())
            else:
                result.addError(self, sys.exc_info())
        else:
            return True
        return False

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _fail(self, standard, msg):
        self.fail(standard if msg is None else f"{standard} : {msg}")

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail(f"{_repr(first)} != {_repr(second)}", msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail(f"{_repr(first)} == {_repr(second)}", msg)

    assertListEqual = assertTupleEqual = assertDictEqual = assertSetEqual = assertEqual
    assertSequenceEqual = assertMultiLineEqual = assertEqual

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail(f"{_repr(expr)} is not true", msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail(f"{_repr(expr)} is not false", msg)

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self._fail(f"{_repr(first)} is not {_repr(second)}", msg)

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self._fail(f"unexpectedly identical: {_repr(first)}", msg)

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail(f"{_repr(obj)} is not None", msg)

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail(f"{_repr(member)} not found in {_repr(container)}", msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail(f"{_repr(member)} unexpectedly found in {_repr(container)}", msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail(f"{_repr(obj)} is not an instance of {cls!r}", msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail(f"{_repr(obj)} is an instance of {cls!r}", msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail(f"{_repr(a)} not greater than {_repr(b)}", msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail(f"{_repr(a)} not greater than or equal to {_repr(b)}", msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail(f"{_repr(a)} not less than {_repr(b)}", msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail(f"{_repr(a)} not less than or equal to {_repr(b)}", msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = f"{_repr(first)} != {_repr(second)} within {_repr(delta)} delta ({_repr(diff)} difference)"
        else:
            places = 7 if places is None else places
            if round(diff, places) == 0:
                return
            standard = f"{_repr(first)} != {_repr(second)} within {_repr(places)} places ({_repr(diff)} difference)"
        self._fail(standard, msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = f"{_repr(first)} == {_repr(second)} within {_repr(delta)} delta ({_repr(diff)} difference)"
        else:
            places = 7 if places is None else places
            if not (first == second) and round(diff, places) != 0:
                return
            standard = f"{_repr(first)} == {_repr(second)} within {_repr(places)} places"
        self._fail(standard, msg)

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                self._fail("Element counts were not equal", msg)
        if b:
            self._fail("Element counts were not equal", msg)

    def assertRaises(self, expected, *args, **kwargs):
        ctx = _Raises(self, expected)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)

    def assertRaisesRegex(self, expected, regex, *args, **kwargs):
        ctx = _Raises(self, expected, regex)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        classes_set_up = []
        for test in self._tests:
            if isinstance(test, TestCase) and type(test) not in classes_set_up:
                classes_set_up.append(type(test))
                type(test).setUpClass()
            test(result)
        for cls in classes_set_up:
            cls.tearDownClass()
        return result


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, case_class):
        return sorted(name for name in dir(case_class)
                      if name.startswith(self.testMethodPrefix) and callable(getattr(case_class, name)))

    def loadTestsFromTestCase(self, case_class):
        names = self.getTestCaseNames(case_class)
        if not names and hasattr(case_class, "runTest"):
            names = ["runTest"]
        return TestSuite(case_class(name) for name in names)

    def loadTestsFromModule(self, module):
        suite = TestSuite()
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase):
                suite.addTest(self.loadTestsFromTestCase(obj))
        return suite


defaultTestLoader = TestLoader()


class TestResult:
    def __init__(self):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def _text(self, err):
        # Leave out this module's own frames, as CPython's runner does: the
        # ones that ran the test, and those of a failing assert method.
        tb = err[1].__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next
        length, level = 0, tb
        while level is not None and level.tb_frame.f_code.co_filename != __file__:
            length += 1
            level = level.tb_next
        return "".join(traceback.format_exception(err[0], err[1], tb, limit=length))

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self.failures.append((test, self._text(err)))

    def addError(self, test, err):
        self.errors.append((test, self._text(err)))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._text(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return not (self.failures or self.errors or self.unexpectedSuccesses)


class _TextResult(TestResult):
    def __init__(self, stream):
        super().__init__()
        self.stream = stream

    def _mark(self, char):
        self.stream.write(char)
        self.stream.flush()

    def addSuccess(self, test):
        self._mark(".")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._mark("F")

    def addError(self, test, err):
        super().addError(test, err)
        self._mark("E")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._mark("s")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._mark("x")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._mark("u")


class TextTestRunner:
    def __init__(self, stream=None, verbosity=1):
        self.stream = stream if stream is not None else sys.stderr

    def run(self, test):
        result = _TextResult(self.stream)
        start = time.perf_counter()
        test(result)
        taken = time.perf_counter() - start
        w = self.stream.write
        w("\n")
        for kind, items in (("ERROR", result.errors), ("FAIL", result.failures)):
            for case, text in items:
                w("=" * 70 + "\n")
                w(f"{kind}: {case}\n")
                w("-" * 70 + "\n")
                w(text + "\n")
        w("-" * 70 + "\n")
        run = result.testsRun
        w(f"Ran {run} test{'' if run == 1 else 's'} in {taken:.3f}s\n\n")
        infos = []
        for name, items in (("failures", result.failures), ("errors", result.errors),
                            ("skipped", result.skipped),
                            ("expected failures", result.expectedFailures),
                            ("unexpected successes", result.unexpectedSuccesses)):
            if items:
                infos.append(f"{name}={len(items)}")
        status = "OK" if result.wasSuccessful() else "FAILED"
        if infos:
            status += " (" + ", ".join(infos) + ")"
        w(status + "\n")
        self.stream.flush()
        return result


class main:
    """Run the tests of a module (__main__ by default) and exit with their status."""

    def __init__(self, module="__main__", exit=True, verbosity=1, testRunner=None):
        if isinstance(module, str):
            module = sys.modules[module]
        suite = defaultTestLoader.loadTestsFromModule(module)
        runner = testRunner if testRunner is not None else TextTestRunner(verbosity=verbosity)
        self.result = runner.run(suite)
        if exit:
            sys.exit(not self.result.wasSuccessful())
