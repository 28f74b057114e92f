import threading
lock = threading.Lock()
c = threading.Condition(lock)
with c:
    print(lock.locked())
    c.notify()
print(lock.locked())
