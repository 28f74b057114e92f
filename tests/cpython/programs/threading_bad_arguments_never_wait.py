import threading, queue
lock = threading.Lock()
lock.acquire()
try:
    lock.acquire(block=True)
except TypeError as e:
    print(e)
ev = threading.Event()
try:
    ev.wait(x=1)
except TypeError as e:
    print(e)
q = queue.Queue(maxsize=1)
try:
    q.get(True, None, 3)
except TypeError as e:
    print(e)
q.put(1)
try:
    q.put(2, blocking=True)
except TypeError as e:
    print(e)
try:
    q.join(1)
except TypeError as e:
    print(e)
s = threading.Semaphore(0)
try:
    s.acquire(wait=True)
except TypeError as e:
    print(e)
t = threading.Thread(target=ev.wait)
t.start()
try:
    t.join(x=1)
except TypeError as e:
    print(e)
ev.set()
t.join()
lock.release()
print("done")
