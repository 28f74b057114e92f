import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.monotonic() > m0, time.perf_counter() > p0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
