import threading
b = threading.Barrier(2)
b.abort()
print(b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("broken", repr(e))
b.reset()
print(b.broken, b.n_waiting, b.parties)
