
from collections import deque
d = deque([1, 2, 3, 2])
print(d.count(2), d.index(3), d.index(2, 2), len(d), d.maxlen)
d.insert(1, "x")
d.remove(2)
print(d)
d.reverse()
print(d, d.copy(), list(reversed(d)))
d.rotate()
print(d)
d.rotate(-3)
print(d)
print(deque(range(5), maxlen=3), deque("ab", 5))
d2 = deque([1], maxlen=1)
try:
    d2.insert(0, 2)
except IndexError as e:
    print(e)
try:
    d.index(99)
except ValueError as e:
    print(e)
try:
    d.remove(99)
except ValueError as e:
    print(e)
print(d == deque(list(d)), d[0], d[-1])
