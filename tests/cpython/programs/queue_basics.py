import queue
q = queue.Queue()
q.put(1)
q.put("two")
q.put_nowait(3)
print(q.qsize(), q.empty(), q.full(), q.get(), q.get_nowait(), q.get(block=False), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("timed out")
b = queue.Queue(maxsize=1)
b.put("x")
print(b.full(), b.maxsize)
try:
    b.put("y", block=False)
except queue.Full:
    print("full")
try:
    b.put_nowait("z")
except queue.Full:
    print("full again")
