for src in [[1, 2, 3], [1], [], "abc", (1,)]:
    try:
        a, b = src
    except ValueError as e:
        print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
try:
    a, b = None
except TypeError as e:
    print(e)
for x, y in [(1, 2)]:
    print(x, y)
try:
    for x, y in [(1, 2, 3)]:
        pass
except ValueError as e:
    print(e)
