import queue
import threading
from queue import SimpleQueue

q = SimpleQueue()
print(type(q).__name__, isinstance(q, queue.Queue), isinstance(q, SimpleQueue))
print(q.put(1), q.put(2, block=False), q.put(3, True, 5), q.put(4, timeout=-1), q.put_nowait(5))
print(q.qsize(), q.empty())
print(q.get(), q.get(False), q.get(timeout=0.5), q.get(True, None), q.get_nowait())
print(q.qsize(), q.empty())
for call in (lambda: q.get_nowait(), lambda: q.get(False), lambda: q.get(timeout=0),
             lambda: q.get(False, -1)):
    try:
        call()
    except queue.Empty as e:
        print("Empty", repr(e))
for call in (lambda: q.get(timeout=-1), lambda: q.task_done(), lambda: q.join(),
             lambda: q.full(), lambda: q.maxsize, lambda: SimpleQueue(3),
             lambda: SimpleQueue(maxsize=3), lambda: q.put(), lambda: q.put(1, 2, 3, 4),
             lambda: q.get(1, 2, 3), lambda: q.get(x=1), lambda: q.get_nowait(1),
             lambda: q.qsize(1), lambda: q.empty(1), lambda: q.put_nowait(1, 2),
             lambda: q.put(1, 2, block=3)):
    try:
        call()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)

results = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * 10)

t = threading.Thread(target=consumer)
t.start()
for i in range(4):
    q.put(i)
q.put(None)
t.join()
print(results, q.empty())
for call in (lambda: q.put(1, block=True, timeout=None, x=2), lambda: q.put_nowait(x=1),
             lambda: q.put_nowait(item=1, x=2), lambda: q.put(1, item=2),
             lambda: q.get(block=False, x=1), lambda: q.put(1, x=2)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(q.put_nowait(item=7), q.put(item=8, timeout=-1), q.get(block=False), q.get(timeout=1))
try:
    q.foo
except AttributeError as e:
    print(e)
print(repr(q)[:25], type(q), SimpleQueue)
