# Barrier(parties, action): the last thread to arrive runs the action once per generation, before
# any thread leaves wait(); what the action writes is seen by every party after wait() returns.
import threading

phases = []
totals = {}
partial = [0, 0, 0]

def combine():
    phases.append(sum(partial))

barrier = threading.Barrier(3, action=combine)

def worker(i):
    for step in range(2):
        partial[i] = (i + 1) * (step + 1)
        barrier.wait()
        totals[(i, step)] = phases[-1]
        barrier.wait()

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(phases)
print(sorted(totals.items()))
print(barrier.broken, barrier.n_waiting)

def bad():
    raise ValueError("action failed")

b2 = threading.Barrier(2, action=bad)
out = []
def party():
    try:
        b2.wait()
        out.append("passed")
    except threading.BrokenBarrierError:
        out.append("broken")
    except ValueError as e:
        out.append("raised " + str(e))
ps = [threading.Thread(target=party) for _ in range(2)]
for p in ps: p.start()
for p in ps: p.join()
print(sorted(out), b2.broken, b2.n_waiting)
b3 = threading.Barrier(1, action=None)
print(b3.wait(), b3.broken)
b4 = threading.Barrier(1, action=lambda: print("solo action"))
print(b4.wait(), b4.wait())
