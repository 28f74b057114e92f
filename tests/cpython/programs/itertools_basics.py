import itertools
from itertools import (accumulate, chain, combinations, count, cycle, islice, permutations,
                       product, repeat, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ab"), 5)), list(islice(cycle([]), 3)))
print(list(repeat("x", 3)), list(repeat(1, -2)), list(islice(repeat(7), 2)), list(map(pow, range(4), repeat(2))))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", 5, 2)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it), list(islice(it, 0)), next(it))
print(list(chain("ab", [1, 2], (3,))), list(chain()), list(chain.from_iterable(["xy", "z"])))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()), list(product("ab", [])))
print(list(permutations("abc", 2)), list(permutations(range(3))), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)),
      list(combinations("ab", 5)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)),
      list(accumulate([])), list(accumulate(["a", "b"], lambda x, y: y + x)))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(type(chain()).__name__, type(count()).__name__, isinstance(cycle(""), itertools.cycle), itertools.chain)
print(repr(chain("a")).split(" at ")[0], repr(permutations("a")).split(" at ")[0])
g = (x * x for x in range(4))
print(list(product(g, "a")))
calls = []


def gen():
    for i in range(5):
        calls.append(i)
        yield i


lazy = islice(gen(), 1, 3)
print(calls, next(lazy), calls, list(lazy), calls)
c = chain(gen(), gen())
print(next(c), calls)
for a, b in zip(count(1), "xyz"):
    print(a, b, end="; ")
print()
