class P:
    count: int = 0
    name: str
    def __init__(self, v: int) -> None:
        self.v: int = v
p = P(3)
print(P.count, p.v)
class Q:
    limit: int = 2
    size: limit
    other: Missing
