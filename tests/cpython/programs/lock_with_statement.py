import threading
lock = threading.Lock()
with lock:
    print("inside", lock.locked())
print("outside", lock.locked())
try:
    with lock:
        raise ValueError("x")
except ValueError:
    print("released after error", lock.locked())
