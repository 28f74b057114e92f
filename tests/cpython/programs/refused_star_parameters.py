def va(*args):
    return args
print(va(1, 2))
