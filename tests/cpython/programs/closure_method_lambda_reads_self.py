class Box:
    def __init__(self, items):
        self.items = items

    def sizes(self):
        return sorted(self.items, key=lambda k: (len(k), self.items.index(k)))

    def getter(self):
        return lambda: len(self.items)


b = Box(["ccc", "a", "bb"])
print(b.sizes())
g = b.getter()
b.items.append("dddd")
print(g())
