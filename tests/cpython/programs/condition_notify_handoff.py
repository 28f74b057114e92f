import threading
cond = threading.Condition()
items = []
def consumer():
    with cond:
        while not items:
            cond.wait()
        print("consumed", items.pop())
t = threading.Thread(target=consumer)
t.start()
with cond:
    items.append(42)
    cond.notify()
t.join()
print("left", items)
