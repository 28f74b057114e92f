import threading
t = threading.Thread(target=print, args=("ran",))
try:
    t.join()
except RuntimeError as e:
    print(e)
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print(e)
