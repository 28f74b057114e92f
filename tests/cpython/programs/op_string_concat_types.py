print("a" + "b", [1] + [2], (1,) + (2,))
for a, b in [("a", 1), (1, "a"), ([1], (2,)), ((1,), [2]), ("a", None), ([], "x")]:
    try:
        a + b
    except TypeError as e:
        print(e)
