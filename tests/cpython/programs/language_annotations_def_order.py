def f(tag):
    print("eval", tag)
    return int
def k(a: f("a"), b: f("b") = f("default b")) -> f("return"):
    return a + b
print(k(1, 2))
def local():
    n: Undefined = 5
    m: AlsoUndefined
    return n
print(local())
