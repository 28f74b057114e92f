import threading
total = 0
lock = threading.Lock()
def add():
    global total
    for _ in range(100):
        with lock:
            total += 1
ts = [threading.Thread(target=add) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total)
