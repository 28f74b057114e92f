
d = {"a": 1}
try:
    d.get()
except TypeError as e:
    print(e)
try:
    d.pop()
except TypeError as e:
    print(e)
try:
    d.update(1)
except TypeError as e:
    print(e)
try:
    d.update([1])
except TypeError as e:
    print(e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print(e)
try:
    d.setdefault([], 1)
except TypeError as e:
    print(e)
