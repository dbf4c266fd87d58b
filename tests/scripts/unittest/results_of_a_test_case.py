# unittest: a TestCase's tests run through the loader into a result; the
# counts, the failure messages of the assert methods, skips, expected failures,
# setUp/tearDown order, and assertRaises in both forms. (Baton prints no diff of
# two unequal containers: only CPython's short "a != b" line.)
import unittest

log = []


class Checks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown")

    def test_equal(self):
        self.assertEqual([1, 2], [1, 2])
        self.assertNotEqual(1, 2)
        self.assertTrue(1)
        self.assertFalse("")
        self.assertIn(2, {2: 3})
        self.assertIsNone(None)
        self.assertIsInstance(True, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual("abca", "aabc")
        self.assertGreater(3, 2)

    def test_raises(self):
        with self.assertRaises(KeyError) as cm:
            {}["k"]
        log.append(repr(cm.exception))
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        self.assertRaisesRegex(ValueError, "inv.*lit", int, "x")

    def test_fails_equal(self):
        self.assertEqual(3, 4)

    def test_fails_msg(self):
        self.assertTrue(0, "zero")

    def test_fails_not_raised(self):
        with self.assertRaises(TypeError):
            pass

    def test_fails_almost(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_error(self):
        raise RuntimeError("boom")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest("inside")

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 0)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(Checks)
print(suite.countTestCases(), [t._testMethodName for t in suite])
result = unittest.TestResult()
suite.run(result)
print("run", result.testsRun, "ok", result.wasSuccessful())
for case, text in result.failures:
    print("FAIL", case, "->", text.strip().splitlines()[-1])
for case, text in result.errors:
    print("ERROR", case, "->", text.strip().splitlines()[-1])
print("skipped", [(c._testMethodName, why) for c, why in result.skipped])
print("expected failures", len(result.expectedFailures))
print(log)
