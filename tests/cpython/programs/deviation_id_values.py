x = [1]
print(id(x) == id(x), id(x))
