a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} == {1}, {1} != {2}, 2 in a, 5 not in a)
a |= {9}
a &= {1, 9, 3}
a -= {1}
a ^= {3, 4}
print(a)
f = frozenset([1, 2])
print(f | {3}, {3} | f, f & {2}, type(f | {3}).__name__, type({3} | f).__name__)
