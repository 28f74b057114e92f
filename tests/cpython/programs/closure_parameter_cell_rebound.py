def f(x):
    get = lambda: x
    x = x * 10
    return get()


print(f(4))
