class Bag:
    def __init__(self):
        self.items = [1, 2]

    def __len__(self):
        return len(self.items)


print(len(Bag()))
