a = [1]
b = a
c = [1]
n = 1
print(a is b, a is not c, None is None, n is not None)
x = "abc"
print(x is x)
