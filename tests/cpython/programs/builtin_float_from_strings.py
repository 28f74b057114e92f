print(float("1.5"), float(" -2 "), float("1e3"), float("inf"), float("-Infinity"), float("nan"), float("1_0.5"))
print(float(3), float(True), float(".5"), float("5."))
for bad in ["", "abc", "1..2", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
