print("a", "b", sep="")
print(1, 2, 3, sep=", ", end=".\n")
print(sep="x")
print()
try:
    print("a", sep=1)
except TypeError as e:
    print(e)
