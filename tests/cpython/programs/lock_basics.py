import threading
lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(blocking=False), lock.acquire(False))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print(lock.locked(), lock.acquire(timeout=0.1))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(e)
