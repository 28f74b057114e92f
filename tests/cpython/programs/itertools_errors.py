import itertools as it


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: it.count("a"))
show(lambda: it.count(1, 2, 3))
show(lambda: it.cycle())
show(lambda: it.cycle(1))
show(lambda: it.repeat())
show(lambda: it.repeat(1, "a"))
show(lambda: it.islice([1]))
show(lambda: it.islice([1], -1))
show(lambda: it.islice([1], "a"))
show(lambda: it.islice([1], -1, 2))
show(lambda: it.islice([1], 0, 2, 0))
show(lambda: it.islice(1, 2))
show(lambda: it.islice([1], 1, 2, 3, 4))
show(lambda: list(it.chain(1)))
show(lambda: it.chain.from_iterable(1))
show(lambda: it.product(1))
show(lambda: it.product([1], repeat=-1))
show(lambda: it.permutations(1))
show(lambda: it.permutations([1], -1))
show(lambda: it.permutations([1], "a"))
show(lambda: it.combinations([1]))
show(lambda: it.combinations([1], -1))
show(lambda: it.accumulate(1))
show(lambda: it.zip_longest(1))
show(lambda: list(it.accumulate([1, "a"])))
