import threading
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(e)
with b:
    print("held", b.acquire(blocking=False))
