# functools.partial as a Thread target and with ThreadPoolExecutor.submit/map.
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial

lock = threading.Lock()
log = []


def record(tag, value, *, scale=1):
    with lock:
        log.append((tag, value * scale))
    return value * scale


threads = [threading.Thread(target=partial(record, "t", scale=10), args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(threads[0].name.startswith("Thread-"), sorted(log))

with ThreadPoolExecutor(max_workers=2) as pool:
    print(pool.submit(partial(record, "s"), 4, scale=5).result())
    print(list(pool.map(partial(record, "m", scale=2), [1, 2, 3])))
print(len(log))
