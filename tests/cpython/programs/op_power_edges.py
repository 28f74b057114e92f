print(2 ** -2, (-8) ** 2, 0 ** 0, 2.0 ** 0.5, (-2) ** 3, 10 ** 0, 4 ** 0.5, 1 ** 100)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
