def double(x):
    return 2 * x
def add(a, b):
    return a + b
print(list(map(double, [1, 2, 3])))
print(list(map(add, [1, 2], [10, 20, 30])))
print(list(map(str, range(3))), list(map(int, ["4", "5"])))
m = map(double, [5, 6])
print(next(m), list(m), list(m))
