print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(3, 4, 5), pow(-2, 3, 7), pow(2, 0))
try:
    pow(2, -1, 0)
except ValueError as e:
    print(e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(e)
