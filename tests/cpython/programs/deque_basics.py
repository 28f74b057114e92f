from collections import deque
d = deque()
d.append(1)
d.appendleft(0)
d.extend([2, 3])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d, list(d), 1 in d)
b = deque([1, 2, 3], maxlen=2)
print(b, b.maxlen)
b.append(4)
print(b)
b.appendleft(0)
print(b)
try:
    deque().pop()
except IndexError as e:
    print(e)
try:
    deque().popleft()
except IndexError as e:
    print(e)
d.clear()
print(d, deque("ab"))
