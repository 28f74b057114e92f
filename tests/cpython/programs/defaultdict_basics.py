from collections import defaultdict
import collections

counts = defaultdict(int)
for word in "the cat and the hat and the bat".split():
    counts[word] += 1
print(counts)
print(dict(counts))
print(counts["missing"], "missing" in counts, len(counts))

groups = defaultdict(list)
for n in range(10):
    groups[n % 3].append(n)
print(groups)
print(groups[0], sorted(groups))

seen = defaultdict(set)
seen["a"].add(1)
seen["a"].add(2)
print(seen)

nested = defaultdict(dict)
nested["x"]["y"] = 1
print(nested)

d = defaultdict(lambda: "unknown")
print(d["who"], repr(d).split(" at ")[0], dict(d))


def zero_list():
    return [0, 0]


z = defaultdict(zero_list, {"k": [1]})
z["m"][1] += 5
print(z["k"], z["m"], len(z))


class Box:
    pass


b = defaultdict(Box)
print(type(b["q"]).__name__, len(b))

# get, in and setdefault do not call the factory
g = defaultdict(list)
print(g.get("x"), "x" in g, len(g))
print(g.setdefault("y", [9]), g)
print(g.pop("y"), g)

print(isinstance(g, dict), isinstance(g, defaultdict), type(g))
print(type(g).__name__, collections.defaultdict is defaultdict)
print(counts.default_factory, groups.default_factory)
print(defaultdict(), defaultdict(None, a=1), defaultdict(int, [("a", 1)], b=2))
c = counts.copy()
print(type(c).__name__, c.default_factory, c == counts, c is counts)
print(defaultdict(int, a=1) == {"a": 1})
print(list(counts.items())[:2], list(counts.keys())[:2], sum(counts.values()))
counts.default_factory = None
try:
    counts["nothing"]
except KeyError as e:
    print("KeyError", e)
counts.default_factory = str
print(repr(counts["empty"]))
f = defaultdict.fromkeys("ab", 0)
print(f, f.default_factory)
for k, v in sorted(groups.items()):
    print(k, v)
