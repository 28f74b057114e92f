a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)))
x = None
print(id(x) == id(None))
