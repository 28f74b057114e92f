def check(x):
    print("checking", x)
    return x > 1
print(any(check(x) for x in [1, 2, 3, 4]))
print(all(check(x) for x in [3, 0, 5]))
