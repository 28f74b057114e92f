import threading

results = {}


class Worker(threading.Thread):
    def __init__(self, key, n):
        super().__init__(name=f"worker-{key}")
        self.key = key
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i
        results[self.key] = self.total


workers = [Worker("a", 3), Worker("b", 5)]
for w in workers:
    w.start()
    w.join()
print(results, [w.total for w in workers], [w.name for w in workers])
print(isinstance(workers[0], threading.Thread), workers[0].is_alive())


class Plain(threading.Thread):
    def run(self):
        print("plain run in", threading.current_thread().name)


t = Plain()
t.start()
t.join()


class Explicit(threading.Thread):
    def __init__(self):
        threading.Thread.__init__(self)
        self.done = False

    def run(self):
        self.done = True


e = Explicit()
e.start()
e.join()
print(e.done)
