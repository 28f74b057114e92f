print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2], "abcd", (True, False, None))))
print(list(zip()))
for a, b in zip(range(3), range(10, 13)):
    print(a + b)
print(dict(zip("ab", [1, 2])))
