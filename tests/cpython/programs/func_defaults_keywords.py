def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=1), f(c=7, a=6))
def g(x, items=[]):
    items.append(x)
    return items
print(g(1), g(2))
def h():
    pass
print(h())
def early(n):
    for i in range(n):
        if i == 2:
            return i
    return -1
print(early(5), early(1))
