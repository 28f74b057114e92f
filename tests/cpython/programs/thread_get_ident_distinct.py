import threading
ids = {}
both = threading.Barrier(2)
def work(k):
    ids[k] = threading.get_ident()
    both.wait()
ts = [threading.Thread(target=work, args=(k,)) for k in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(set(ids.values())), ids["a"] != threading.get_ident(), ts[0].ident == ids["a"], type(threading.get_ident()).__name__)
