import threading


def make_counter():
    count = 0
    lock = threading.Lock()
    def increment():
        nonlocal count
        with lock:
            count += 1
        return count
    def value():
        return count
    return increment, value


inc, value = make_counter()
threads = [threading.Thread(target=inc) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(value(), inc())
