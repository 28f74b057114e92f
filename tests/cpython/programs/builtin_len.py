print(len("hello"), len([1, 2, 3]), len((1,)), len({"a": 1}), len(range(10)), len(""))
print(len(range(0, 10, 3)), len(range(10, 0, -2)), len({1, 2, 2}))
