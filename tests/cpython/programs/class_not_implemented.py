# NotImplemented from __eq__/__lt__: the reflected method is tried, then identity / TypeError
class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return self.x == other.x

    def __lt__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return self.x < other.x


class Q:
    def __eq__(self, other):
        return NotImplemented


print(P(1) == P(1), P(1) == P(2), P(1) == 1, P(1) != 1, P(1) != P(1))
q = Q()
print(P(1) == q, q == P(1), q == q, q != q, P(1) in [1, P(1)], [P(2), P(1)] == [P(2), P(1)])
print(sorted([P(3), P(1), P(2)])[0].x, P(1) < P(2), P(2) > P(1))
try:
    P(1) < 1
except TypeError as e:
    print("TypeError", e)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, callable(NotImplemented))
print(NotImplemented is NotImplemented, str(NotImplemented), [NotImplemented])
