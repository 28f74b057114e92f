class Box:
    def __len__(self):
        return 0
b = Box()
print(b or "fallback")
