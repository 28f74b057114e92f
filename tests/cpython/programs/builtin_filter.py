def even(x):
    return x % 2 == 0
print(list(filter(even, range(7))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
f = filter(even, [2, 3, 4])
print(next(f), list(f))
