import threading

class SafeList:
    def __init__(self):
        self.items = []
        self.lock = threading.Lock()

    def add(self, x):
        with self.lock:
            self.items.append(x)

    def __len__(self):
        with self.lock:
            return len(self.items)

    def __contains__(self, x):
        with self.lock:
            return x in self.items

class Flag:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v

s = SafeList()
print(len(s), bool(s), not s)
if not s:
    print("empty")
s.add(3)
s.add(4)
print(len(s), bool(s), 3 in s, 5 in s, 5 not in s)
while s:
    s.items.pop()
    print("popped, left", len(s))
print(bool(Flag(True)), bool(Flag(False)))
if Flag(False):
    print("no")
else:
    print("false flag")
ts = [threading.Thread(target=s.add, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(len(s), sorted(s.items))
