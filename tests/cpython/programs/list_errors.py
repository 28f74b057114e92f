a = [1, 2]
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    a.pop(5)
except IndexError as e:
    print(e)
try:
    a.remove(9)
except ValueError as e:
    print(e)
try:
    a.index(9)
except ValueError as e:
    print(e)
try:
    a[2]
except IndexError as e:
    print(e)
try:
    a[5] = 1
except IndexError as e:
    print(e)
try:
    a["x"]
except TypeError as e:
    print(e)
try:
    [3, "a"].sort()
except TypeError as e:
    print(e)
try:
    a.append()
except TypeError as e:
    print(e)
try:
    a.append(1, 2)
except TypeError as e:
    print(e)
