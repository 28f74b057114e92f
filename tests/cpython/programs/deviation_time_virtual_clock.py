import time
print(time.time(), time.monotonic())
