import threading
t = threading.Thread(name="idle")
t.start()
t.join()
print(t.name, t.is_alive(), t.daemon)
t2 = threading.Thread(target=print, args=("x", "y"), kwargs={"sep": "-"})
t2.start()
t2.join()
