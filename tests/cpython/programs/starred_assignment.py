first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
a, *mid, b = "hello"
print(a, mid, b)
x, *y = [1]
print(x, y)
[p, *q] = range(3)
print(p, q)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
def gen():
    yield 1
    yield 2
    yield 3
g1, *gs = gen()
print(g1, gs)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *c = 5
except TypeError as e:
    print("TypeError:", e)
