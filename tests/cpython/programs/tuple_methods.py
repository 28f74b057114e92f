t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t[1:3], t[::-1], len(t), t + (4,), t * 2, (1,) * 0)
print((1, 2) < (1, 3), (1, 2) == (1, 2), () < (1,), (1, "a") < (1, "b"), max((1, 2), (1, 3)))
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t[10]
except IndexError as e:
    print(e)
x = 1,
print(x, (), (1, 2), tuple([3]))
