import threading
lock = threading.Lock()
print(lock.acquire(blocking=False), lock.acquire(blocking=False), lock.locked())
lock.release()
print(lock.acquire(False), lock.acquire(timeout=0.01), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
