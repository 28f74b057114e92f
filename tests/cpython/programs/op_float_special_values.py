inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, nan == nan, nan != nan, inf > 1e308, 0.0 == -0.0)
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2, float("1e500"))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1e308 ** 2
except OverflowError as e:
    print(e)
