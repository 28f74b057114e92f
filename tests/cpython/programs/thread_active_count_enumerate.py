import threading
ev = threading.Event()
def work():
    ev.wait()
t = threading.Thread(target=work, name="waiter")
print(threading.active_count(), [x.name for x in threading.enumerate()])
t.start()
print(threading.active_count(), sorted(x.name for x in threading.enumerate()))
ev.set()
t.join()
print(threading.active_count())
