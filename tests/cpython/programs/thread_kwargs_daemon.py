import threading
out = {}
def work(a, b=0, c=0):
    out["v"] = a + b + c
t = threading.Thread(target=work, args=(1,), kwargs={"c": 10}, daemon=True)
print(t.daemon)
t.start()
t.join()
print(out)
u = threading.Thread(target=work, args=(2,))
u.daemon = True
print(u.daemon, u.is_alive())
u.start()
u.join()
print(out, u.is_alive())
