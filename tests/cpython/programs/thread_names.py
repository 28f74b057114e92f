import threading
def work():
    print("in", threading.current_thread().name)
t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work, name="custom")
print(t1.name, t2.name, threading.current_thread().name, threading.main_thread().name)
t1.start()
t1.join()
t2.start()
t2.join()
t3 = threading.Thread(target=print, args=("x",))
print(t3.name)
t4 = threading.Thread()
print(t4.name)
