it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
d = iter({"a": 1})
print(next(d))
try:
    next(it)
except StopIteration:
    print("stop")
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(3)
except TypeError as e:
    print(e)
