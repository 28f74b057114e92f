a = [1]
b = a
print(a is b, a is not [1], None is None, 1 is not None)
x = "abc"
print(x is x)
