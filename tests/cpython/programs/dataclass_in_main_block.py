# @dataclass on a class defined inside `if __name__ == "__main__":` (module level, in a block)
import threading
from dataclasses import dataclass, field

if __name__ == "__main__":

    @dataclass
    class Tally:
        name: str
        hits: list = field(default_factory=list)
        lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

        def hit(self, n):
            with self.lock:
                self.hits.append(n)

    t = Tally("t")
    threads = [threading.Thread(target=t.hit, args=(i,)) for i in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(t.name, sorted(t.hits), Tally("a") == Tally("a"), Tally("a"))
