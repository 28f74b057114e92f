from collections import deque
d = deque()
for op in [d.pop, d.popleft]:
    try:
        op()
    except IndexError as e:
        print(e)
try:
    d.remove(5)
except ValueError as e:
    print(e)
try:
    deque([1])[5]
except IndexError as e:
    print(e)
