import queue
q = queue.Queue()
try:
    q.task_done()
except ValueError as e:
    print(e)
q.put(1)
q.get()
q.task_done()
q.join()
print("joined")
