import threading

class Guard:
    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()

    def __enter__(self):
        self.lock.acquire()
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        self.lock.release()
        return False

class Swallow:
    def __enter__(self):
        return "entered"

    def __exit__(self, exc_type, exc, tb):
        print("swallowing", exc_type, repr(exc))
        return True

with Guard("a") as g:
    print("inside", g.name, g.lock.locked())
print("after", g.lock.locked())
try:
    with Guard("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with Swallow() as s:
    print(s)
    raise KeyError("k")
print("went on")
def f():
    with Guard("c"):
        return "returned"
print(f())
for i in range(3):
    with Guard("d"):
        if i == 1:
            break
print("i", i)
with Guard("e") as g1, Swallow() as s2:
    print(g1.name, s2)
    1 / 0
print("done")
