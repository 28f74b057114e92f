from queue import Queue, Empty
q = Queue(maxsize=3)
for i in range(3):
    q.put(i * 10)
out = []
while not q.empty():
    out.append(q.get())
print(out)
try:
    q.get(False)
except Empty as e:
    print("Empty", repr(e))
