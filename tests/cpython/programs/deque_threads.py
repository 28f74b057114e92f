import collections
import threading
dq = collections.deque()
def producer():
    for i in range(3):
        dq.append(i)
t = threading.Thread(target=producer)
t.start()
t.join()
while dq:
    print(dq.popleft())
