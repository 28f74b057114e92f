def sq(x):
    return x * x
fs = [sq, abs, str]
print([f(-3) for f in fs])
ops = {"sq": sq}
print(ops["sq"](4))
def apply(fn, v):
    return fn(v)
print(apply(sq, 5), apply(len, "abc"))
