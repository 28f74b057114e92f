import threading
sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0
def work():
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        with lock:
            active -= 1
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak <= 2, active)
