import time
a = time.monotonic()
time.sleep(0.01)
b = time.monotonic()
c = time.perf_counter()
print(b >= a, type(a).__name__, type(c).__name__, type(time.time()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
