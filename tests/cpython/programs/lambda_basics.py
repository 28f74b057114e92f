import threading
counter = 0
def inc(n):
    global counter
    counter += n
items = [(1, "b"), (0, "a"), (2, "c")]
print(sorted(items, key=lambda p: p[1]))
def f(xs):
    return list(map(lambda x, k=3: x * k, xs))
print(f([1, 2]))
t = threading.Thread(target=lambda: inc(5))
t.start(); t.join()
print(counter)
sq = lambda x: x * x
print(sq(4), sq.__name__, (lambda: 1)())
class C:
    key = lambda self: 42
print(C().key())
