import queue
q = queue.Queue(maxsize=2)
q.put("a")
q.put("b", block=False)
print(q.full(), q.maxsize)
try:
    q.put("c", timeout=0.01)
except queue.Full:
    print("full")
print(q.get(timeout=0.01), q.get_nowait())
try:
    q.get(block=False)
except queue.Empty:
    print("empty")
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
