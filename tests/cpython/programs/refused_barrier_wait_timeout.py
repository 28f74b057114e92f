import threading
b = threading.Barrier(2)
try:
    b.wait(timeout=0.01)
except threading.BrokenBarrierError as e:
    print("timed out", repr(e))
