print(6 & 3, 6 | 3, 6 ^ 3, ~5, 1 << 10, -16 >> 2, 5 >> 10, True & False, True | False, True ^ True)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1.0 & 1
except TypeError as e:
    print(e)
