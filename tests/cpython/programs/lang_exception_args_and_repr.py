e = ValueError("a", 2)
print(e.args, str(e), repr(e), repr(ValueError()), str(KeyError("k")), str(KeyError()), repr(StopIteration(3)))
print(str(ValueError(5)), repr(Exception("x")), str(IndexError("list index out of range")))
