import threading
r = threading.RLock()
with r:
    with r:
        print("nested ok")
print(r.acquire(), r.acquire(blocking=False), r.acquire(timeout=0))
r.release()
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)
