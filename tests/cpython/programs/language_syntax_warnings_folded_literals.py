x = 1
def f():
    assert (1, 2)
    assert (x,)
    True[0]
    None[0]
    "ab"[x, 1]
    "ab"[1.5]
    [1][x:2]
    (x for x in "a")[0]
    f"a{x}"()
    {1: 2}[x, x]
    x is 1 + 1
    x is ~1
    x is not -1.5
    x is (1, (2, 3))
    x is (1, [2])
print("compiled")
y = "a\qb"
print(y, len(y), r"\q", "\\q")
print(x is None, x is not True)
