print([(i, j) for i in range(3) for j in range(i)], {k: v for k, v in zip("ab", [1, 2])}, [x for x in range(10) if x % 2 if x % 3])
print([[c for c in w] for w in ["ab", "c"]])
