import threading
results = []
def worker(n):
    results.append(n * n)
t = threading.Thread(target=worker, args=(3,))
t.start()
t.join()
print(results, t.is_alive())
