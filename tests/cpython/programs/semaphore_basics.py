import threading
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0))
s.release()
s.release(2)
with s:
    print("in")
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(e)
