print(int("ff", 16), int("101", 2), int("0x1f", 16), int("z", 36), int("0o17", 0), int("12", 0))
