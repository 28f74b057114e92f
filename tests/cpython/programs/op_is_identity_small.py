a = None
print(a is None, a is not None, True is True, [] is [], a is not a)
x = [1]
y = x
print(x is y, x == [1], x is [1], x is not y)
