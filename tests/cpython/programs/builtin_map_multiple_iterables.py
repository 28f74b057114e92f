print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb"])))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
