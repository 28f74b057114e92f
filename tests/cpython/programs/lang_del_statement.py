d = {"a": 1, "b": 2}
del d["a"]
l = [1, 2, 3, 4]
del l[0]
del l[1:]
x = 5
del x
print(d, l)
try:
    print(x)
except NameError as e:
    print(e)
try:
    del d["zz"]
except KeyError as e:
    print(repr(e))
