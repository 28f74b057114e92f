import threading
b = threading.Barrier(3)
got = []
lock = threading.Lock()
def work():
    i = b.wait()
    with lock:
        got.append(i)
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(got), b.parties, b.n_waiting, b.broken)
