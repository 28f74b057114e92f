def f(a, b):
    return a + b
def g(a, b=1):
    return a
calls = 0
try:
    f(1)
except TypeError as e:
    print(e)
try:
    args = (1, 2, 3)
    f(args[0], args[1], args[2])
except TypeError as e:
    print(e)
try:
    f(1, c=2)
except TypeError as e:
    print(e)
try:
    f(1, a=2)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)
def h():
    return 0
try:
    v = [1]
    h(v[0])
except TypeError as e:
    print(e)
def k(x, y, z):
    return 0
try:
    k(z=1)
except TypeError as e:
    print(e)
