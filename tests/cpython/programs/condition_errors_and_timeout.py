import threading
c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print(e)
try:
    c.notify()
except RuntimeError as e:
    print(e)
with c:
    print(c.wait(timeout=0.01))
    c.notify_all()
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2.wait(0))
