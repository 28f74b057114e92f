x = 1
if x is 1: pass
if x is not "a": pass
if x is (): pass
if x is (1, 2): pass
if x is -1: pass
if 1.5 is x: pass
if x is None or x is True: pass
if x is [1]: pass
def f():
    assert (x, "m")
    assert ()
try:
    "abc"()
except TypeError:
    pass
try:
    [1, 2](3)
except TypeError:
    pass
try:
    [1, 2][1, 2]
except TypeError:
    pass
try:
    5[0]
except TypeError:
    pass
try:
    (1, 2)["a"]
except TypeError:
    pass
s = "\d"
t = f"\w{x}"
if 0 < x is 2: pass
print("s=", s, "t=", t)
