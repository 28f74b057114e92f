print((1, "a") < (1, "b"), (2,) > (1, 9), () < (0,), (1, 2) == (1, 2), max([(1, 2), (1, 3), (0, 9)]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(e)
