# `+=` and `-=` of a mapping into a Counter the threads share run CPython's __iadd__/__isub__
# (a read and a write of each count, then _keep_positive drops the counts not above 0); under a
# lock the merges are whole, and the counts that reach 0 are gone.
import threading
from collections import Counter

totals = Counter()
lock = threading.Lock()


def merge(words):
    global totals
    for w in words:
        with lock:
            totals += Counter({w: 2, "all": 1})
    with lock:
        totals -= {"all": 1, words[0]: 2}


ts = [threading.Thread(target=merge, args=(ws,)) for ws in (["a", "b"], ["b", "c"])]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(totals.items()), type(totals).__name__)
totals += {"z": -1, "a": 0}
print(sorted(totals.items()))
