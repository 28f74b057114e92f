import threading


def synchronized(f):
    lock = threading.Lock()
    def wrapper(n):
        with lock:
            return f(n)
    return wrapper


total = 0


@synchronized
def add(n):
    global total
    total += n


threads = [threading.Thread(target=add, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
