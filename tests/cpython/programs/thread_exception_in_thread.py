import threading
def boom():
    raise ValueError("thread failed")
t = threading.Thread(target=boom)
t.start()
t.join()
print("main continues")
