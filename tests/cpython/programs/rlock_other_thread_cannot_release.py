import threading
r = threading.RLock()
r.acquire()
err = []
def other():
    try:
        r.release()
    except RuntimeError as e:
        err.append(str(e))
    err.append(r.acquire(blocking=False))
t = threading.Thread(target=other)
t.start()
t.join()
print(err)
r.release()
