print(float("0.1"), float("1e-10"), float(".5"), float("5."), float("-0"), float("  -1.25e+3 "), float("1_000.5"))
print(float("Infinity"), float("-iNF"), float("nan"), 1e23, 9007199254740993.0, 0.30000000000000004)
print(2.5e-324 if False else 5e-324, 1.7976931348623157e308, float("1e400"), 123e-2)
for bad in ["1e", "e5", "1.2.3", "--1", "inf1", "0x10", "1 2"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
