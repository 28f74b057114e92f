print("ab" * 3, [0] * 4, (1, 2) * 2, 3 * "x", "x" * 0, "x" * -2, [1] * 0)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
try:
    [1] * "2"
except TypeError as e:
    print(e)
