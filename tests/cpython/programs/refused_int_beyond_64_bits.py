x = 2 ** 62
print(x)
print(x * 4)
