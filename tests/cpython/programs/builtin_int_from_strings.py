print(int("  42 "), int("-7"), int("+3"), int("1_000"), int("0x1f", 16), int("0b101", 0), int("z", 36))
print(int(3.99), int(-3.99), int(True), int("0o17", 8))
for bad in ["", "1.5", "abc", "1__0", "0x"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
