import threading
def f():
    pass
t = threading.Thread(target=f)
print(t.ident is None)
t.start()
t.join(timeout=5)
print(t.ident is not None, t.is_alive())
print(threading.get_ident() == threading.current_thread().ident)
