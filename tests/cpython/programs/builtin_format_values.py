print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234567, ","), format(0.5, "%"), format(7))
print(format(True), format(None), format([1]), format(12, "x"), format(-12, "+d"))
try:
    format("a", "d")
except ValueError as e:
    print(e)
