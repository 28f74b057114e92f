import threading
cond = threading.Condition()
ready = []
go = False
def waiter(n):
    with cond:
        ready.append(n)
        cond.notify_all()
        while not go:
            cond.wait()
    done.append(n)
done = []
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
with cond:
    while len(ready) < 3:
        cond.wait()
    go = True
    cond.notify_all()
for t in ts:
    t.join()
print(sorted(done))
