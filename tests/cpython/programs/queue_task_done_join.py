import queue
import threading
q = queue.Queue()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("work", item)
        q.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(3):
    q.put(i)
q.put(None)
q.join()
t.join()
print("all done")
try:
    q.task_done()
except ValueError as e:
    print(e)
