import threading
c = threading.Condition()
state = {"ready": False}
def ready():
    return state["ready"]
def setter():
    with c:
        state["ready"] = True
        c.notify_all()
t = threading.Thread(target=setter)
t.start()
with c:
    print(c.wait_for(ready))
t.join()
with c:
    print(c.wait_for(ready, timeout=0))
