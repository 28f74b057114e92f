from typing import Optional, List, Dict, Callable
def f(tag):
    print("annotation", tag)
    return int
def g(v):
    print("value", v)
    return v
x: f("x") = g(1)
y: f("y")
z: Optional[List[int]] = None
w: dict[str, list[int]] | None = {"a": [1]}
c: Callable[[int], str] = str
s: "Undefined" = 3
print(x, z, w, c(5), s)
print("declared, not bound")
class_free: int
try:
    print(y)
except NameError as e:
    print("NameError", e)
