for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate(["x", "y"], start=1):
    print(i, c)
print(list(enumerate([10, 20], 5)))
e = enumerate("xy")
print(next(e), next(e))
