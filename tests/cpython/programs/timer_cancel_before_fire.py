import threading
fired = []
t = threading.Timer(5.0, fired.append, args=["x"])
t.start()
t.cancel()
t.join()
print(fired, t.is_alive())
