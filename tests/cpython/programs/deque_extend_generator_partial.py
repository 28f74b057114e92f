from collections import deque
def g(items):
    for x in items:
        if x == "boom":
            raise ValueError("boom")
        yield x
d = deque([0])
try:
    d.extend(g([1, 2, "boom"]))
except ValueError as e:
    print(e, d)
try:
    d.extendleft(g([3, "boom"]))
except ValueError as e:
    print(e, d)
