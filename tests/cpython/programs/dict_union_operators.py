# PEP 584: dict | dict makes a new dict (left's items, then right's), |= updates in place; a
# defaultdict on either side makes a defaultdict (probe6: `defaults | overrides` raised TypeError).
import threading
from collections import defaultdict

defaults = {"retries": 3, "timeout": 5}
overrides = {"timeout": 1, "verbose": True}
merged = defaults | overrides
print(merged, defaults, merged is defaults)
d = {"a": 1}
alias = d
d |= {"b": 2, "a": 0}
print(d, alias is d)
dd = defaultdict(int, x=1)
left = dd | {"y": 2}
right = {"y": 2} | dd
print(type(left).__name__, left, left.default_factory is int)
print(type(right).__name__, right, right["missing"], right)
configs = []

def worker(extra):
    configs.append(defaults | extra)

t = threading.Thread(target=worker, args=({"timeout": 9},))
t.start()
t.join()
print(configs)
try:
    print({} | [("a", 1)])
except TypeError as e:
    print("TypeError:", e)
try:
    print(dd | [1])
except TypeError as e:
    print("TypeError:", e)
