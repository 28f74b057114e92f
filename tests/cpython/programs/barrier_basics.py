import threading
b = threading.Barrier(1)
print(b.parties, b.n_waiting, b.broken, b.wait())
b2 = threading.Barrier(2)
res = []
def w():
    res.append(b2.wait())
t = threading.Thread(target=w)
t.start()
res.append(b2.wait())
t.join()
print(sorted(res))
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print(e)
