print(-5, +5, -(-5), not 0, not "a", -True, +False, -0.0, -(1.5), ~True)
try:
    -"a"
except TypeError as e:
    print(e)
try:
    ~1.5
except TypeError as e:
    print(e)
