# Keyword names that no identifier of the program spells reach **kwargs (and errors) intact.
import threading


def collect(*args, **kwargs):
    return sorted(kwargs.items())


def fixed(a):
    return a


names = ["alpha" + str(i) for i in range(3)]
print(collect(**{n: len(n) for n in names}))
print(collect(**dict(zip(["x-1", "y 2"], [1, 2]))))
out = []
t = threading.Thread(target=lambda **kw: out.append(sorted(kw)), kwargs={"dyn" + "amic": 1, "ok": 2})
t.start()
t.join()
print(out)
try:
    fixed(**{"b" + "eta": 1})
except TypeError as e:
    print("TypeError:", e)
try:
    fixed(1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
