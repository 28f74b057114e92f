print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(7, "-")), repr("ab".center(6)), "42".zfill(5), "-42".zfill(5))
print(repr("abc".center(4)), repr("abc".ljust(2)), "+7".zfill(4))
