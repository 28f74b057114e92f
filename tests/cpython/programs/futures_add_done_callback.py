# Future.add_done_callback: a callback added before the future is done runs in the thread that
# finishes it (a pool worker) or cancels it; one added after runs at once in the adding thread;
# callbacks run in the order they were added, each given the future.
import threading
from concurrent.futures import ThreadPoolExecutor

log = []

def record(tag):
    def cb(fut):
        state = "cancelled" if fut.cancelled() else repr(fut.result())
        log.append((tag, state, threading.current_thread().name.startswith("ThreadPoolExecutor")))
    return cb

gate = threading.Event()

def slow(x):
    gate.wait()
    return x * 2

with ThreadPoolExecutor(max_workers=1) as ex:
    f1 = ex.submit(slow, 21)
    f2 = ex.submit(slow, 5)          # queued behind f1: can still be cancelled
    f1.add_done_callback(record("first"))
    f1.add_done_callback(record("second"))
    f2.add_done_callback(record("f2"))
    print("cancel f2:", f2.cancel(), f2.cancelled())
    print("log after cancel:", log)
    gate.set()
    print("f1 result:", f1.result())
print("log after shutdown:", log)
f1.add_done_callback(record("late"))
print("late ran at once:", log[-1])
print("returns:", f1.add_done_callback(lambda f: None))
try:
    f1.add_done_callback()
except TypeError as e:
    print("TypeError:", e)
