import threading
print(threading.get_ident(), threading.main_thread().ident)
