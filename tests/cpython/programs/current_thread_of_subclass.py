# Inside a Thread subclass, current_thread() and enumerate() give the subclass instance itself
# (probe6: a plain Thread, so `me.worker_id` raised AttributeError and `is self` was False).
import threading


def log(msg):
    me = threading.current_thread()
    print(f"[worker {me.worker_id}] {msg}", type(me).__name__)


class Worker(threading.Thread):
    def __init__(self, worker_id):
        super().__init__()
        self.worker_id = worker_id

    def run(self):
        log("started")
        print(threading.current_thread() is self)
        print([type(t).__name__ for t in threading.enumerate() if t is self])


w = Worker(7)
w.start()
w.join()
print(threading.current_thread() is threading.main_thread(), threading.current_thread().name)
