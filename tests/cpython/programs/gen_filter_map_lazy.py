def noisy(x):
    print("noisy", x)
    return x
m = map(noisy, [1, 2, 3])
print("map made")
print(next(m))
f = filter(noisy, [0, 5])
print("filter made")
print(list(f))
z = zip([1, 2], map(noisy, [7, 8, 9]))
print(list(z))
