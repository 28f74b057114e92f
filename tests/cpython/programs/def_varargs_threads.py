import threading
from concurrent.futures import ThreadPoolExecutor

results = []
lock = threading.Lock()

def worker(label, *values, scale=1, **extra):
    with lock:
        results.append((label, sum(values) * scale, sorted(extra)))

t1 = threading.Thread(target=worker, args=("a", 1, 2, 3), kwargs={"scale": 2, "name": "x"})
t2 = threading.Thread(target=worker, args=("b",))
t1.start()
t1.join()
t2.start()
t2.join()
print(results)

def add(*xs, start=0):
    return start + sum(xs)

with ThreadPoolExecutor(max_workers=2) as ex:
    fut = ex.submit(add, 1, 2, 3, start=10)
    print(fut.result())
