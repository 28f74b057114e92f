import threading
data = threading.local()
data.x = "main"
out = []
def work(v):
    data.x = v
    out.append(data.x)
ts = [threading.Thread(target=work, args=(v,)) for v in ["a", "b"]]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), data.x)
