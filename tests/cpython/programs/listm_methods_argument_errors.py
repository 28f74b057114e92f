
for call in range(1):
    pass
a = [1]
try:
    a.insert(1)
except TypeError as e:
    print(e)
try:
    a.pop(1, 2)
except TypeError as e:
    print(e)
try:
    a.index()
except TypeError as e:
    print(e)
try:
    a.append(x=1)
except TypeError as e:
    print(e)
try:
    a.copy(1)
except TypeError as e:
    print(e)
try:
    a.pop("0")
except TypeError as e:
    print(e)
