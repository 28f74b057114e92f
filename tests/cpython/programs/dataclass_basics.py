# @dataclass: __init__ with defaults and default_factory, __repr__, __eq__, order, ClassVar, __post_init__, inheritance
import threading
from dataclasses import dataclass, field
from typing import ClassVar, List


@dataclass
class Account:
    owner: str
    balance: int = 0
    history: List[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    count: ClassVar[int] = 0

    def deposit(self, n):
        with self.lock:
            self.balance += n
            self.history.append(n)


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False, default="x")


@dataclass
class Point:
    x: float
    y: float = 0.0

    def __post_init__(self):
        self.norm = abs(self.x) + abs(self.y)


@dataclass
class Point3(Point):
    z: float = 1.0


a = Account("ann")
b = Account("bob", 5)
print(a, b)
print(a == Account("ann"), a == b, a.history is not Account("x").history, Account.count)
ts = [threading.Thread(target=a.deposit, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(a.balance, sorted(a.history))
print(sorted([Job(3, "c"), Job(1, "a"), Job(2, "b")]))
print(Job(1, "a") == Job(1, "b"), Job(1) < Job(2))
p = Point(3, -4)
print(p, p.norm, Point3(1, 2), Point3(1, 2, 3).z, Point3(1).norm)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    Account("a", 1, [], None, 5)
except TypeError as e:
    print("TypeError", e)
print(Point(1, 2) == (1, 2), repr(Job(5)))
