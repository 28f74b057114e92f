import threading
def boom():
    raise ValueError("in worker")
t = threading.Thread(target=boom, name="w")
t.start()
t.join()
print("main continues")
