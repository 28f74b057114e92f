print(repr("a'b"), repr('a"b'), repr("a'\"b"), repr("tab\tnew\n"), repr(1.0), repr([1, "x"]))
print(repr(None), repr(True), repr((1,)), repr(()), repr({}), repr({"a": [1]}))
print(repr("\x00\x7f\\"))
