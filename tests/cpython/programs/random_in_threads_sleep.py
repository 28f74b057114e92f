import random
import threading
import time
random.seed(1)
done = []
def worker(i):
    time.sleep(random.random() / 100)
    done.append(i)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(done))
