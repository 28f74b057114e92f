import threading
counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
for i in range(3):
    t = threading.Thread(target=add, args=(5,))
    t.start()
    t.join()
print(counter, threading.active_count())
