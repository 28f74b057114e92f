from collections import defaultdict


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: defaultdict(1))
show(lambda: defaultdict(int, 1))
show(lambda: defaultdict(int, {"a": 1}, {"b": 2}))
show(lambda: defaultdict(None)["x"])
show(lambda: defaultdict(int).copy(1))
show(lambda: defaultdict(int).nothing)
show(lambda: defaultdict(int)[[1]])
show(lambda: hash(defaultdict(int)))
show(lambda: defaultdict(int) + 1)


def boom():
    raise ValueError("no default")


d = defaultdict(boom)
show(lambda: d["k"])
print(len(d))
d2 = defaultdict(int)
d2.default_factory = 5
show(lambda: d2["k"])
