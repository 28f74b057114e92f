class Empty:
    pass


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Pair(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Pair(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
p = Pair(b=2, a=1)
print(p.a, p.b)


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
