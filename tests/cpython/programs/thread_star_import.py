from threading import *
lock = Lock()
ev = Event()
def work():
    with lock:
        print("worker", current_thread().name)
    ev.set()
t = Thread(target=work)
t.start()
ev.wait()
t.join()
print(active_count(), isinstance(lock, type(Lock())))
