
print("before")
print("abc".translate({97: "x"}))
