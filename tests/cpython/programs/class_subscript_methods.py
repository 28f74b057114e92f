# __getitem__/__setitem__/__delitem__ of a class: obj[k], obj[k] = v, del obj[k], slices, errors
import threading


class Grid:
    def __init__(self):
        self.cells = {}
        self.lock = threading.Lock()

    def __getitem__(self, key):
        with self.lock:
            return self.cells[key]

    def __setitem__(self, key, value):
        with self.lock:
            self.cells[key] = value

    def __delitem__(self, key):
        with self.lock:
            del self.cells[key]


g = Grid()
g[1, 2] = "a"
g["x"] = 5
g["x"] += 1
print(g[1, 2], g["x"])
del g[1, 2]
try:
    g[1, 2]
except KeyError as e:
    print("KeyError", e)
try:
    del g["nope"]
except KeyError as e:
    print("KeyError", e)


class Seq:
    def __init__(self, items):
        self.items = list(items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.items[i])
        return self.items[i]

    def __len__(self):
        return len(self.items)


s = Seq(range(10))
print(s[3], s[-1], s[2:5].items, len(s[::3]))
try:
    s[20]
except IndexError as e:
    print("IndexError", e)


class ReadOnly:
    def __getitem__(self, k):
        return k * 2


r = ReadOnly()
print(r[21], r["ab"])
try:
    r[1] = 2
except TypeError as e:
    print(e)
try:
    del r[1]
except TypeError as e:
    print(e)


def setter(i):
    g[i] = i * i


ts = [threading.Thread(target=setter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(k for k in g.cells if isinstance(k, int)), g[2])
