from collections import Counter


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: Counter(1))
show(lambda: Counter("ab", "c"))
show(lambda: Counter.fromkeys("ab"))
show(lambda: Counter("ab") + 1)
show(lambda: Counter("ab") - {})
show(lambda: {} + Counter("ab"))
show(lambda: list(Counter(a=2, b=1.0).elements()))
show(lambda: Counter(a=1).update([1], 2))
show(lambda: Counter().most_common(1, 2))
show(lambda: Counter().total(1))
show(lambda: Counter().subtract(1))
show(lambda: Counter().elements(1))
show(lambda: Counter()[[1]])
show(lambda: Counter().nothing)
show(lambda: hash(Counter()))
show(lambda: Counter(iterable=3))
c = Counter()
c += Counter(a=1)
show(lambda: c.__class__.__name__)


def iadd_int():
    d = Counter(a=1)
    d += 1


show(iadd_int)
