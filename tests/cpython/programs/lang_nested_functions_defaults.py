def outer(a, b=2, c=3):
    return a + b + c
print(outer(1), outer(1, c=10), outer(a=0, b=0), outer(c=1, b=1, a=1))
def helper(x):
    return x * 2
def inner_calls(n):
    return helper(n) + 1
print(inner_calls(4))
try:
    outer(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    outer(1, a=2)
except TypeError as e:
    print(e)
