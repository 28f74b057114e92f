# LifoQueue and PriorityQueue: get order, heapq's order for equal keys, a user __lt__,
# a comparison that raises, isinstance and type names.
import queue
import threading

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for _ in range(lq.qsize())])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a0"), (5, "e"), (0, "z"), (2, "b0")]:
    pq.put(item)
out = []
while not pq.empty():
    out.append(pq.get_nowait())
print(out)


class Job:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name

    def __lt__(self, other):
        print("lt", self.name, other.name)
        return self.prio < other.prio

    def __repr__(self):
        return f"Job({self.prio}, {self.name!r})"


jq = queue.PriorityQueue()
for p, n in [(2, "x"), (1, "y"), (2, "z"), (1, "w")]:
    jq.put(Job(p, n))
print([jq.get() for _ in range(4)])

bad = queue.PriorityQueue()
bad.put(1)
try:
    bad.put("one")
except TypeError as e:
    print("TypeError:", e)
print(bad.qsize())

print(isinstance(pq, queue.Queue), isinstance(lq, queue.Queue), isinstance(queue.Queue(), queue.LifoQueue))
print(type(pq).__name__, type(lq).__name__, issubclass(queue.PriorityQueue, queue.Queue))

bounded = queue.LifoQueue(maxsize=1)
bounded.put("only")
try:
    bounded.put_nowait("more")
except queue.Full:
    print("Full")

results = []
tq = queue.PriorityQueue()


def producer():
    for p in [4, 2, 3, 1]:
        tq.put((p, f"job{p}"))
    tq.put((99, None))


def consumer():
    while True:
        prio, job = tq.get()
        tq.task_done()
        if job is None:
            break
        results.append(job)


t1 = threading.Thread(target=producer)
t1.start()
t1.join()
t2 = threading.Thread(target=consumer)
t2.start()
t2.join()
tq.join()
print(results)
