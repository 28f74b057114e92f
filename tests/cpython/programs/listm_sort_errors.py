
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(e)
try:
    [1, 2].sort(1)
except TypeError as e:
    print(e)
try:
    [1, 2].sort(cmp=None)
except TypeError as e:
    print(e)
try:
    sorted([None, 1])
except TypeError as e:
    print(e)
