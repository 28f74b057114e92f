import threading
lock = threading.Lock()
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print(e)
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print(e)
try:
    lock.acquire(False, 0.5)
except ValueError as e:
    print(e)
print(lock.acquire(blocking=False, timeout=-1))
lock.release()
print(lock.acquire(timeout=-1))
try:
    lock.acquire(1, 2, 3)
except TypeError as e:
    print(e)
try:
    lock.acquire(block=True)
except TypeError as e:
    print(e)
