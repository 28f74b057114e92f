# __iter__ (returning an iterator or a generator) and __call__ of a class, where Python iterates
import threading


class Bag:
    def __init__(self, *items):
        self.items = list(items)
        self.lock = threading.Lock()

    def __iter__(self):
        with self.lock:
            return iter(list(self.items))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        k = self.n
        while k > 0:
            yield k
            k -= 1


b = Bag(3, 1, 2)
for x in b:
    print(x, end=" ")
print()
print(list(b), sorted(b), sum(b), max(b), min(b), tuple(b), set(b) == {1, 2, 3})
print([x * 2 for x in b], list(enumerate(b)), list(zip(b, Countdown(3))))
print(list(Countdown(4)), 3 in Countdown(5), 9 in Countdown(5), any(x > 2 for x in Countdown(3)))
print(", ".join(str(x) for x in Countdown(3)), dict.fromkeys(Countdown(2)))
a, c, d = b
print(a, c, d)
it = iter(b)
print(next(it), next(it), next(it), next(it, "end"))


class NotAnIterator:
    def __iter__(self):
        return [1, 2]


for bad in (lambda: [x for x in NotAnIterator()], lambda: list(NotAnIterator()), lambda: iter(NotAnIterator())):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __call__(self, x, *, times=1):
        self.calls += 1
        return x + self.n * times


add = Adder(10)
print(add(1), add(1, times=3), add.calls, callable(add), callable(b))
print(list(map(add, [1, 2])), sorted([3, 1, 2], key=Adder(0)))
try:
    b(1)
except TypeError as e:
    print("TypeError", e)

results = []
t = threading.Thread(target=Adder(5), args=(1,))
t.start()
t.join()


class Job:
    def __init__(self, n):
        self.n = n

    def __call__(self):
        results.append(self.n)


ts = [threading.Thread(target=Job(i)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results))
