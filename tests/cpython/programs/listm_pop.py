a = [3, 1, 2]
print(a.pop(), a.pop(0), a, [1, 2, 3].pop(-2), [1, 2, 3].pop(1))
