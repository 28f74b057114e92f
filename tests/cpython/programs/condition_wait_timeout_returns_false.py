import threading
c = threading.Condition()
with c:
    print(c.wait(timeout=0.01), c.wait(0))
