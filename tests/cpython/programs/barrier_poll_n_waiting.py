# A thread polling Barrier.n_waiting until the others arrive (a read of the barrier is a scheduling
# point, as Queue.qsize() is), then abort(): the waiting parties get BrokenBarrierError;
# n_waiting of a broken barrier is 0.
import threading
b = threading.Barrier(3)
def w():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        pass
ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts: t.start()
while b.n_waiting < 2:
    pass
b.abort()
for t in ts: t.join()
print(b.broken, b.n_waiting)
