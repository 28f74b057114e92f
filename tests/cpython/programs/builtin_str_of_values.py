print(str(1), str(1.0), str(-0.0), str(1e16), str(1e-5), str(123456789.123), str(None), str(True), str([1, "a"]))
print(str(), str((1,)), str({}), str(set()), str(frozenset()), str(range(3)))
