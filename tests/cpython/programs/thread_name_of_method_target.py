# Thread names end with the target's __name__: a bound method's, a classmethod's, and through
# functools.wraps the wrapped function's (probe6: "Thread-1" and "Thread-1 (wrapper)").
import functools
import threading


class Job:
    def work(self):
        print(threading.current_thread().name)

    @classmethod
    def make(cls):
        print(threading.current_thread().name)


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


@logged
def job():
    print(threading.current_thread().name)


for target in (Job().work, Job.make, job, functools.partial(job)):
    t = threading.Thread(target=target)
    t.start()
    t.join()
    print(t.name)
