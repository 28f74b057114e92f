print(abs(-0.0), abs(-7), abs(True), abs(-2.5))
try:
    abs("x")
except TypeError as e:
    print(e)
