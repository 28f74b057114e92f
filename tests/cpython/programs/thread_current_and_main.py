import threading
seen = []
def work():
    seen.append(threading.current_thread().name)
    seen.append(threading.current_thread() is threading.main_thread())
t = threading.Thread(target=work, name="worker-1")
t.start()
t.join()
print(seen, threading.current_thread().name, threading.main_thread().name, threading.current_thread() is threading.main_thread())
