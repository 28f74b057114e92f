import threading
out = []
def cb(a, b=0):
    out.append(a + b)
t = threading.Timer(0.01, cb, args=(1,), kwargs={"b": 2})
t.start()
t.join()
print(out, t.interval)
