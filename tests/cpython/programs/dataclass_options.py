# @dataclass(...) options and field() options: eq=False, repr=False, init=False, unsafe_hash, module alias
import dataclasses
from dataclasses import dataclass, field


@dataclasses.dataclass(eq=False)
class Node:
    value: int
    children: list = dataclasses.field(default_factory=list)


@dataclass(repr=False, unsafe_hash=True)
class Key:
    a: int
    b: str = "b"


@dataclass
class Counter:
    name: str
    total: int = field(default=0, repr=False)
    seen: set = field(default_factory=set, init=False)
    _calls: int = field(default=0, init=False, compare=False)

    def add(self, n):
        self.total += n
        self.seen.add(n)
        self._calls += 1


@dataclass()
class Empty:
    pass


@dataclass
class WithInit:
    x: int

    def __init__(self, x, y):
        self.x = x + y

    def __repr__(self):
        return "WithInit<%d>" % self.x


n1, n2 = Node(1), Node(1)
print(n1 == n2, n1 == n1, hash(n1) == hash(n1), n1.children is not n2.children, repr(n1))
k = Key(1)
print(k == Key(1, "b"), hash(k) == hash(Key(1)), {k: 1}[Key(1)], type(repr(k)).__name__)
c = Counter("c")
c.add(3)
c.add(3)
print(c, c.total, c.seen, c._calls, Counter("c") == Counter("c", 5), Counter.total)
print(Empty(), Empty() == Empty(), WithInit(1, 2), WithInit(1, 2) == WithInit(2, 1))
try:
    Counter("c", 1, {1})
except TypeError as e:
    print("TypeError", e)
try:
    Node()
except TypeError as e:
    print("TypeError", e)
print(Node(value=5, children=[1]), Key(b="z", a=2) == Key(2, "z"))
