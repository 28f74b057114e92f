# Star-arguments with threads and executors: Thread(*...), target(*args), submit(fn, *a, **k).
import threading
from concurrent.futures import ThreadPoolExecutor

results = []
lock = threading.Lock()


def work(name, *values, scale=1, **tags):
    with lock:
        results.append((name, sum(values) * scale, sorted(tags.items())))


specs = [("a", [1, 2]), ("b", [3])]
threads = [threading.Thread(target=work, args=(n,) + tuple(vs), kwargs={"scale": 2, "odd key!": 1}) for n, vs in specs]
for t in threads:
    t.start()
for t in threads:
    t.join()
options = {"target": work, "args": ("c", 4, 5)}
t = threading.Thread(**options, kwargs={"scale": 10})
t.start()
t.join()
print(sorted(results))

with ThreadPoolExecutor(max_workers=2) as pool:
    fut = pool.submit(work, *["d", 1, 1], **{"scale": 3, "x-y": 0})
    fut.result()
    args = [(1, 2), (3, 4)]
    print(list(pool.map(pow, *zip(*args))))
print(sorted(results)[-1])
