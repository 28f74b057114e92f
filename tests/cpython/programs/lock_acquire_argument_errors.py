import threading
lock = threading.Lock()
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print(e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print(e)
print(lock.acquire(timeout=-1))
lock.release()
try:
    lock.acquire(False, 0.5)
except ValueError as e:
    print(e)
