import threading
go = threading.Event()
done = threading.Event()
box = []
def worker():
    go.wait()
    box.append("worked")
    done.set()
t = threading.Thread(target=worker)
t.start()
box.append("main first")
go.set()
done.wait()
t.join()
print(box)
