x = 1
def f():
    print("f runs")
    print(x)
    x: int
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
class_like = {}
class_like["k"]: int
d = {}
d["k"]: f() if False else int
print(d)
