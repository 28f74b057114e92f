from typing import List
count: int = 0
name: str
def add(a: int, b: int = 2) -> int:
    total: int = a + b
    return total
def greet(names: List[str]) -> None:
    for n in names:
        print("hi", n)
print(add(1), add(2, b=5))
greet(["a", "b"])
x: list = []
x.append(1)
print(x, count)
